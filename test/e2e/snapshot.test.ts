import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
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
