import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { UserError } from '../../../src/errors.js';
import { stdio } from './fixture-servers.js';

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message.split('\n')).toHaveLength(1);
  return error as UserError;
}

describe('a capture that cannot finish fails with one clear line', () => {
  it('a server that exits before answering: the tail of its stderr is in the message', async () => {
    const error = await failure(snapshotServer(stdio('raw/server.js', '--exit-early')));
    expect(error.message).toMatch(/closed the connection \(the process exited\) while connecting/);
    expect(error.message).toContain('Server stderr: notes-legacy: starting | Error: NOTES_DB is not set');
  });

  it('a server that closes its stdin and stays: the broken pipe reads as a closed connection, not as "write EPIPE"', async () => {
    const closesStdin = "require('fs').closeSync(0); setTimeout(() => process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }) + '\\n'), 300); setTimeout(() => {}, 1500)";
    const error = await failure(snapshotServer({ kind: 'stdio', command: process.execPath, args: ['-e', closesStdin] }));
    expect(error.message).toMatch(/closed the connection \(it stopped reading its stdin\) while connecting \(initialize\)\.$/);
  });

  it('a server that prints non-protocol text on stdout', async () => {
    const error = await failure(snapshotServer(stdio('raw/server.js', '--banner')));
    expect(error.message).toMatch(/wrote something that is not an MCP message on stdout/);
    expect(error.message).toContain('Logs belong on stderr.');
  });

  it('a server that never answers: --timeout covers the whole capture', async () => {
    const started = Date.now();
    const error = await failure(snapshotServer(stdio('raw/server.js', '--hang'), { timeoutMs: 800 }));
    expect(error.message).toMatch(/did not finish within 800 ms \(stuck while connecting \(initialize\)\)/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('an HTTP server that accepts the request and never answers: the same time limit', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/mcp`;
      const error = await failure(snapshotServer({ kind: 'http', url }, { timeoutMs: 800 }));
      expect(error.message).toBe(`HTTP server ${url} did not finish within 800 ms (stuck while connecting (initialize)). Raise --timeout if it is just slow.`);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('a server that repeats a cursor is stopped with the method named', async () => {
    const error = await failure(snapshotServer(stdio('paged/server.js', '--repeat-cursor')));
    expect(error.message).toMatch(/returned the tools\/list cursor "page-2" twice/);
  });

  it('a command that does not exist', async () => {
    const error = await failure(snapshotServer({ kind: 'stdio', command: 'mcp-compat-no-such-command', args: [] }));
    expect(error.message).toMatch(/^Could not start server `mcp-compat-no-such-command`: command not found/);
  });

  it('a URL nobody listens on', async () => {
    const error = await failure(snapshotServer({ kind: 'http', url: 'http://127.0.0.1:1/mcp' }, { timeoutMs: 5000 }));
    expect(error.message).toMatch(/^Could not reach HTTP server http:\/\/127\.0\.0\.1:1\/mcp/);
    // fetch refuses the port itself; the reason is found at the end of its cause chain.
    expect(error.message).toBe('Could not reach HTTP server http://127.0.0.1:1/mcp: bad port.');
  });
});
