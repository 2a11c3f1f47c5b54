import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetFromClientConfig } from '../../../src/capture/client-config.js';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { golden, listen, ROOT, type RunningServer } from './fixture-servers.js';

const CONFIGS = join(ROOT, 'fixtures', 'client-configs');

describe('servers taken from MCP client config files, captured for real', () => {
  let http: RunningServer;
  let sse: RunningServer;
  let env: Record<string, string | undefined>;
  beforeAll(async () => {
    [http, sse] = await Promise.all([listen('notes/v1/server.js', '--http', '--token', 'cfg-token'), listen('notes/v2/server.js', '--sse')]);
    env = { NOTES_URL: http.url, NOTES_SSE_URL: sse.url, NOTES_TOKEN: 'cfg-token', NOTES_API_KEY: 'k', HOME: '/home/someone' };
  });
  afterAll(async () => {
    await Promise.all([http?.stop(), sse?.stop()]);
  });

  async function capture(file: string, server: string, extraEnv: Record<string, string> = {}): Promise<string> {
    return serializeSnapshot(await snapshotServer(await targetFromClientConfig(join(CONFIGS, file), server, { ...env, ...extraEnv })));
  }

  it('Claude Code .mcp.json, stdio, with ${VAR:-default} in the command and args', async () => {
    expect(await capture('claude-code.mcp.json', 'notes')).toBe(golden('notes-v1'));
    expect(await capture('claude-code.mcp.json', 'notes', { NOTES_VERSION: 'v3' })).toBe(golden('notes-v3'));
  });

  it('Claude Code .mcp.json, http with a header built from ${VAR}', async () => {
    expect(await capture('claude-code.mcp.json', 'notes-remote')).toBe(golden('notes-v1'));
  });

  it('Claude Desktop, stdio without a type', async () => {
    expect(await capture('claude-desktop.json', 'notes')).toBe(golden('notes-v2'));
  });

  it('Cursor, url entries with ${env:VAR}: Streamable HTTP and SSE', async () => {
    expect(await capture('cursor.mcp.json', 'notes-http')).toBe(golden('notes-v1'));
    expect(await capture('cursor.mcp.json', 'notes-sse')).toBe(golden('notes-v2'));
  });

  it('VS Code .vscode/mcp.json (JSONC): servers with a type, ${workspaceFolder}', async () => {
    expect(await capture('vscode/.vscode/mcp.json', 'notes')).toBe(golden('notes-v3'));
    expect(await capture('vscode/.vscode/mcp.json', 'notes-http')).toBe(golden('notes-v1'));
    expect(await capture('vscode/.vscode/mcp.json', 'notes-sse')).toBe(golden('notes-v2'));
  });
});
