import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { golden, listen, type RunningServer, SERVERS } from '../integration/capture/fixture-servers.js';
import { cli, ROOT, workdir } from './cli.js';
import { notesServer } from './servers.js';

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mcp-compat: /);
  return lines[0]!;
}

describe('mcp-compat snapshot (built CLI)', () => {
  it('prints the canonical snapshot on stdout when no -o is given', async () => {
    const { code, stdout, stderr } = await cli(['snapshot', '--', ...notesServer(1)]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toBe(golden('notes-v1'));
  });

  it.each([
    [[]],
    [['-o', 'snap.json', '--log-format', 'json']],
    [['--output=snap.json', '--env', 'NOTES_MODE=x', '--timeout', '20000', '-q']],
  ])('the start-up path of snapshot writes what oclif writes, and says the same: %j', async (flags) => {
    const run = async (env: NodeJS.ProcessEnv) => {
      const dir = workdir();
      const result = await cli(['snapshot', ...flags, '--', ...notesServer(2)], { cwd: dir, env });
      const file = join(dir, 'snap.json');
      // JSON log lines carry a time, and the server's stderr and the four lists' answers may
      // interleave in any order: compare the events, not their clocks or their order.
      const stderr = result.stderr
        .split('\n')
        .map((line) => (line.startsWith('{') ? JSON.stringify({ ...JSON.parse(line), time: 0, latency_ms: 0, duration_ms: 0 }) : line))
        .sort();
      return { code: result.code, stdout: result.stdout, stderr, file: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
    };
    const fast = await run({});
    expect(fast.code).toBe(0);
    expect(fast).toEqual(await run({ MCP_COMPAT_FAST_PATH: '0' }));
  });

  it('the start-up path of snapshot fails as oclif does when the server cannot start', async () => {
    const dir = workdir();
    const fast = await cli(['snapshot', '--', join(dir, 'no-such-server')], { cwd: dir });
    const oclif = await cli(['snapshot', '--', join(dir, 'no-such-server')], { cwd: dir, env: { MCP_COMPAT_FAST_PATH: '0' } });
    expect(fast.code).toBe(2);
    expect(fast).toEqual(oclif);
  });

  it('-o writes the file atomically and says what it captured', async () => {
    const dir = workdir();
    const { code, stdout, stderr } = await cli(['snapshot', '-o', 'snap.json', '--', ...notesServer(3)], { cwd: dir });
    expect(code).toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe('mcp-compat: wrote snap.json (notes 3.0.0: 8 tools, 2 prompts, 2 resources, 1 resource template)\n');
    expect(readFileSync(join(dir, 'snap.json'), 'utf8')).toBe(golden('notes-v3'));
    expect(readdirSync(dir)).toEqual(['snap.json']);
  });

  it('a failed capture exits 2 with one line (the tail of the server\'s stderr) and leaves the old baseline untouched', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'snap.json'), 'the old baseline\n');
    const { code, stdout, stderr } = await cli(['snapshot', '-o', 'snap.json', '--', process.execPath, join(SERVERS, 'raw', 'server.js'), '--exit-early'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toContain('closed the connection (the process exited) while connecting (initialize). Server stderr: notes-legacy: starting | Error: NOTES_DB is not set');
    expect(readFileSync(join(dir, 'snap.json'), 'utf8')).toBe('the old baseline\n');
    expect(readdirSync(dir)).toEqual(['snap.json']);
  });

  it('--timeout bounds the whole capture', async () => {
    const { code, stderr } = await cli(['snapshot', '--timeout', '700', '--', process.execPath, join(SERVERS, 'raw', 'server.js'), '--hang']);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toMatch(/did not finish within 700 ms/);
  });

  it('a server printing non-protocol text on stdout is exit 2, one line', async () => {
    const { code, stderr } = await cli(['snapshot', '--', process.execPath, join(SERVERS, 'raw', 'server.js'), '--banner']);
    expect(code).toBe(2);
    expect(oneLine(stderr)).toMatch(/wrote something that is not an MCP message on stdout/);
  });

  it('spawns the command directly: shell syntax in arguments is passed through, never run', async () => {
    const dir = workdir();
    const { code } = await cli(['snapshot', '-o', 'snap.json', '--', ...notesServer(1), '$(touch pwned)', '; touch pwned2'], { cwd: dir });
    expect(code).toBe(0);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
    expect(existsSync(join(dir, 'pwned2'))).toBe(false);
  });

  it('--client-capabilities is recorded in the snapshot', async () => {
    const { code, stdout } = await cli(['snapshot', '--client-capabilities', 'sampling', '--', ...notesServer(1)]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { client: unknown }).client).toEqual({ capabilities: { sampling: {} } });
  });

  it.each([
    [['snapshot'], /No server given\./],
    [['snapshot', '--client-capabilities', 'tasks', '--', 'node'], /unknown capability "tasks"/],
    [['snapshot', '--url', 'http://127.0.0.1:9/mcp', '--', 'node'], /one way only/],
    [['snapshot', 'server.js'], /Unexpected argument "server.js"/],
    [['snapshot', '--', 'mcp-compat-no-such-command'], /Could not start server `mcp-compat-no-such-command`: command not found/],
  ])('exits 2 with one clear line: %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(oneLine(stderr)).toMatch(message);
  });

  describe('over the network and from client config files', () => {
    let http: RunningServer;
    let sse: RunningServer;
    beforeAll(async () => {
      [http, sse] = await Promise.all([listen('notes/v2/server.js', '--http', '--token', 'e2e-token'), listen('notes/v1/server.js', '--sse')]);
    });
    afterAll(async () => {
      await Promise.all([http?.stop(), sse?.stop()]);
    });

    it('--url with --header; the header value is not in the file', async () => {
      const { code, stdout } = await cli(['snapshot', '--url', http.url, '--header', 'Authorization: Bearer e2e-token']);
      expect(code).toBe(0);
      expect(stdout).toBe(golden('notes-v2'));
    });

    it('--url --transport sse', async () => {
      const { code, stdout } = await cli(['snapshot', '--url', sse.url, '--transport', 'sse']);
      expect(code).toBe(0);
      expect(stdout).toBe(golden('notes-v1'));
    });

    it('--config --server with variables from the environment', async () => {
      const config = join(ROOT, 'fixtures', 'client-configs', 'vscode', '.vscode', 'mcp.json');
      const { code, stdout } = await cli(['snapshot', '--config', config, '--server', 'notes-http'], { env: { NOTES_URL: http.url, NOTES_TOKEN: 'e2e-token' } });
      expect(code).toBe(0);
      expect(stdout).toBe(golden('notes-v2'));
      const unset = await cli(['snapshot', '--config', config, '--server', 'notes-http'], { env: { NOTES_URL: http.url, NOTES_TOKEN: undefined } });
      expect(unset.code).toBe(2);
      expect(oneLine(unset.stderr)).toMatch(/servers\.notes-http\.headers\.Authorization: environment variable NOTES_TOKEN is not set\./);
    });
  });
});

/** A failed capture as a user sees it: exit 2, one `mcp-compat:` line, no stack trace, no output file written or touched. */
async function failedCapture(args: readonly string[]): Promise<string> {
  const dir = workdir();
  writeFileSync(join(dir, 'old.json'), 'the old baseline\n');
  const existing = await cli(['snapshot', '-o', 'old.json', ...args], { cwd: dir });
  const fresh = await cli(['snapshot', '-o', 'new.json', ...args], { cwd: dir });
  for (const { code, stdout, stderr } of [existing, fresh]) {
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/^\s+at |\.js:\d+/m);
  }
  expect(readFileSync(join(dir, 'old.json'), 'utf8')).toBe('the old baseline\n');
  expect(readdirSync(dir)).toEqual(['old.json']);
  expect(existing.stderr).toBe(fresh.stderr);
  return oneLine(fresh.stderr);
}

const RAW = join(SERVERS, 'raw', 'server.js');

describe('mcp-compat snapshot: faults of third-party servers (built CLI)', () => {
  it.each([
    [['--malformed', 'no-result'], /sent a message that is not valid JSON-RPC while reading tools\/list\b/],
    [['--malformed', 'result-not-object'], /sent a message that is not valid JSON-RPC while reading tools\/list\b/],
    [['--tool-schema', 'string-type'], /sent an invalid tools\/list result: tool "broken_schema" has an inputSchema of type "string", not "object"\. MCP requires a JSON Schema object with "type": "object"/],
    [['--tool-schema', 'missing'], /sent an invalid tools\/list result: tool "broken_schema" has no inputSchema\./],
    [['--duplicate', 'tool'], /sent an invalid tools\/list result: tool "find_notes" is listed twice, and clients cannot tell the two apart\. Give every tool its own name\.$/],
    [['--fail', 'tools/list:0'], /failed while reading tools\/list: MCP error -32603: tools\/list failed: database unavailable\.$/],
  ])('stdio server %j', async (flags, message) => {
    expect(await failedCapture(['--', process.execPath, RAW, ...flags])).toMatch(message);
  });

  it('endless paging with ever-new cursors is stopped by the page cap (not by the time limit)', async () => {
    expect(await failedCapture(['--timeout', '120000', '--', process.execPath, RAW, '--endless-cursor'])).toMatch(/was still paging tools\/list after 10000 pages \(10000 items, a new cursor every time\): stopped there\./);
  }, 300_000);

  describe('over HTTP and SSE', () => {
    const running: RunningServer[] = [];
    const start = async (script: string, mode: '--http' | '--sse', ...args: string[]) => {
      const server = await listen(script, mode, ...args);
      running.push(server);
      return server;
    };
    afterAll(async () => {
      await Promise.all(running.map((server) => server.stop()));
    });

    it('connection refused', async () => {
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const { port } = probe.address() as AddressInfo;
      await new Promise((resolve) => probe.close(resolve));
      expect(await failedCapture(['--url', `http://127.0.0.1:${port}/mcp`])).toBe(`mcp-compat: Could not reach HTTP server http://127.0.0.1:${port}/mcp: ECONNREFUSED. Is the server running, and is the URL right?`);
    });

    it('401 without credentials: the hint names --header, and a wrong token is not echoed', async () => {
      const { url } = await start('notes/v2/server.js', '--http', '--token', 'right-token');
      const line = await failedCapture(['--url', url, '--header', 'Authorization: Bearer wrong-token']);
      expect(line).toBe(`mcp-compat: HTTP server ${url} refused the connection (HTTP 401): it wants credentials. Pass them with --header "Authorization: Bearer ...".`);
    });

    it('403 over SSE', async () => {
      const { url } = await start('not-mcp/server.js', '--sse', '--status', '403');
      expect(await failedCapture(['--url', url, '--transport', 'sse'])).toMatch(/refused the connection \(HTTP 403\).*--header/);
    });

    it('a path the server does not serve', async () => {
      const { url } = await start('notes/v1/server.js', '--http');
      expect(await failedCapture(['--url', url.replace(/\/mcp$/, '/')])).toMatch(/answered HTTP 404 while connecting \(initialize\)\. Check the URL's path/);
    });

    it.each(['--http', '--sse'] as const)('an HTML page (%s): not MCP, and none of the page dumped', async (mode) => {
      const { url } = await start('not-mcp/server.js', mode, '--html');
      const line = await failedCapture(['--url', url, ...(mode === '--sse' ? ['--transport', 'sse'] : [])]);
      expect(line).toMatch(/does not speak MCP: it answered with an HTML page while connecting \(initialize\)\./);
      expect(line).not.toMatch(/SECRET-PAGE-CONTENT|<html|intranet/i);
    });

    it('an https URL for a plain-HTTP server: the TLS error', async () => {
      const { url } = await start('notes/v1/server.js', '--http');
      expect(await failedCapture(['--url', url.replace(/^http:/, 'https:')])).toMatch(/over TLS: wrong version number.*try an http:\/\/ URL\.$/);
    });

    it('5,000 tools over HTTP: all of them, and nothing else on stderr', async () => {
      const { url } = await start(join('raw', 'server.js'), '--http', '--tools', '5000', '--page-size', '100');
      const dir = workdir();
      const { code, stderr } = await cli(['snapshot', '-o', 'snap.json', '--url', url], { cwd: dir });
      expect(stderr).toBe('mcp-compat: wrote snap.json (notes-legacy 0.9.0: 5000 tools, 0 prompts, 1 resource, 1 resource template)\n');
      expect(code).toBe(0);
      expect((JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8')) as { tools: unknown[] }).tools).toHaveLength(5000);
    }, 60_000);
  });

  it('5,000 tools one a page over stdio: all of them', async () => {
    const dir = workdir();
    const { code, stderr } = await cli(['snapshot', '-o', 'snap.json', '--timeout', '60000', '--', process.execPath, RAW, '--tools', '5000', '--page-size', '1'], { cwd: dir });
    expect(stderr).toBe('mcp-compat: wrote snap.json (notes-legacy 0.9.0: 5000 tools, 0 prompts, 1 resource, 1 resource template)\n');
    expect(code).toBe(0);
  }, 90_000);

  it('a 10 MB tool description is in the snapshot file byte for byte', async () => {
    const dir = workdir();
    const { code, stderr } = await cli(['snapshot', '-o', 'snap.json', '--verbose', '--timeout', '60000', '--', process.execPath, RAW, '--big-description', String(10 * 1024 * 1024)], { cwd: dir });
    expect(code).toBe(0);
    const [, bytes, sha256] = /server: big_description: (\d+) bytes, sha256 ([0-9a-f]{64})/.exec(stderr) ?? [];
    const written = (JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8')) as { tools: { name: string; description?: string }[] }).tools.find((tool) => tool.name === 'big_description')?.description ?? '';
    expect(Buffer.byteLength(written)).toBe(Number(bytes));
    expect(createHash('sha256').update(written).digest('hex')).toBe(sha256);
  }, 90_000);

  it('a schema with a circular $ref: captured, and diffed against itself without changes', async () => {
    const dir = workdir();
    expect((await cli(['snapshot', '-o', 'snap.json', '--', process.execPath, RAW, '--circular-ref'], { cwd: dir })).code).toBe(0);
    const diff = await cli(['diff', 'snap.json', 'snap.json', '--format', 'json'], { cwd: dir });
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(0);
    const report = JSON.parse(diff.stdout) as { summary: { breaking: number; risky: number; compatible: number }; changes: unknown[] };
    expect(report.changes).toEqual([]);
    expect(report.summary).toMatchObject({ breaking: 0, risky: 0, compatible: 0 });
  });

  it('a slow server that answers every page late finishes inside --timeout', async () => {
    const { code, stdout } = await cli(['snapshot', '--timeout', '20000', '--', process.execPath, RAW, '--delay', '200', '--page-size', '1']);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { tools: { name: string }[] }).tools.map((tool) => tool.name)).toEqual(['add_note', 'find_notes']);
  });
});

