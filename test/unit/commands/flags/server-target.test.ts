import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseClientCapabilities, parseEnv, parseHeaders, type ServerTargetFlagValues, targetFromFlags } from '../../../../src/commands/flags/server-target.js';

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));

describe('targetFromFlags', () => {
  it('takes the argv after -- as the command, unchanged (no shell, no splitting)', async () => {
    const target = await targetFromFlags({ env: ['A=1', 'B=x=y'] }, ['node', 'server.js', '--name', 'a b; rm -rf /', '$HOME']);
    expect(target).toEqual({ kind: 'stdio', command: 'node', args: ['server.js', '--name', 'a b; rm -rf /', '$HOME'], env: { A: '1', B: 'x=y' } });
  });

  it('resolves --cwd', async () => {
    expect(await targetFromFlags({ cwd: 'sub' }, ['node'])).toMatchObject({ cwd: join(process.cwd(), 'sub') });
  });

  it('builds HTTP and SSE targets from --url, --transport and --header', async () => {
    expect(await targetFromFlags({ url: 'http://127.0.0.1:3000/mcp', header: ['Authorization: Bearer a:b'] }, [])).toEqual({
      kind: 'http',
      url: 'http://127.0.0.1:3000/mcp',
      headers: { Authorization: 'Bearer a:b' },
    });
    expect(await targetFromFlags({ url: 'http://h/sse', transport: 'sse' }, [])).toEqual({ kind: 'sse', url: 'http://h/sse' });
  });

  it('reads --config/--server, and lets --env add to the entry', async () => {
    const target = await targetFromFlags({ config: join(ROOT, 'fixtures', 'client-configs', 'claude-desktop.json'), server: 'notes', env: ['EXTRA=1'] }, []);
    expect(target).toMatchObject({ kind: 'stdio', command: 'node', args: ['../servers/notes/v2/server.js'], env: { NOTES_HOME: process.env.HOME, EXTRA: '1' } });
  });

  it.each([
    [{}, [], /No server given/],
    [{ url: 'http://h/mcp' }, ['node'], /one way only, not -- COMMAND and --url/],
    [{ url: 'ftp://h' }, [], /must be http: or https:/],
    [{ url: 'localhost:3000' }, [], /must be http: or https:|is not a URL/],
    [{ header: ['X: 1'] }, ['node'], /--header applies to --url servers only/],
    [{ transport: 'sse' }, ['node'], /--transport applies to --url servers only/],
    [{ url: 'http://h/mcp', env: ['A=1'] }, [], /--env applies to stdio servers only/],
  ] as [ServerTargetFlagValues, string[], RegExp][])('refuses %j %j', async (flags, argv, message) => {
    await expect(targetFromFlags(flags, argv)).rejects.toThrow(message);
  });
});

describe('flag value parsers', () => {
  it('--env KEY=VALUE', () => {
    expect(parseEnv([])).toBeUndefined();
    expect(() => parseEnv(['=x'])).toThrow(/must be KEY=VALUE/);
    expect(() => parseEnv(['NOVALUE'])).toThrow(/must be KEY=VALUE/);
  });

  it('--header "Name: value", without echoing the value on error', () => {
    expect(parseHeaders(['X-Api-Key:  k  '])).toEqual({ 'X-Api-Key': 'k' });
    expect(() => parseHeaders(['Bearer secret-token'])).toThrow(/without a name/);
    let message = '';
    try {
      parseHeaders(['Bad Name: secret-token']);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).not.toContain('secret-token');
  });

  it('--client-capabilities', () => {
    expect(parseClientCapabilities(undefined)).toBeUndefined();
    expect(parseClientCapabilities('roots, sampling')).toEqual(['roots', 'sampling']);
    expect(parseClientCapabilities('none')).toEqual([]);
    expect(() => parseClientCapabilities('roots,tasks')).toThrow(/unknown capability "tasks"/);
  });
});
