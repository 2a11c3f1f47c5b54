import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClientConfig, stripJsonComments } from '../../../src/capture/client-config.js';

const file = join('/proj', '.mcp.json');
const parse = (document: unknown, serverName?: string, env: Record<string, string> = {}) =>
  parseClientConfig(typeof document === 'string' ? document : JSON.stringify(document), { file, serverName, env });

describe('parseClientConfig', () => {
  it('reads a stdio entry of mcpServers; cwd defaults to the config file folder', () => {
    expect(parse({ mcpServers: { a: { command: 'npx', args: ['-y', 'pkg@${V:-1}'], env: { K: '${KEY}' } } } }, 'a', { KEY: 's3cret' })).toEqual({
      kind: 'stdio',
      command: 'npx',
      args: ['-y', 'pkg@1'],
      env: { K: 's3cret' },
      cwd: '/proj',
    });
  });

  it('resolves a relative cwd against the config file folder', () => {
    expect(parse({ mcpServers: { a: { command: 'node', cwd: 'server' } } }, 'a')).toMatchObject({ cwd: join('/proj', 'server') });
  });

  it('reads url entries as Streamable HTTP unless the type says sse', () => {
    expect(parse({ mcpServers: { a: { url: 'http://h/mcp' } } }, 'a')).toEqual({ kind: 'http', url: 'http://h/mcp' });
    expect(parse({ mcpServers: { a: { type: 'http', url: 'http://h/mcp', headers: { 'X-Key': '${K}' } } } }, 'a', { K: 'v' })).toEqual({
      kind: 'http',
      url: 'http://h/mcp',
      headers: { 'X-Key': 'v' },
      secrets: ['v'],
    });
    expect(parse({ servers: { a: { type: 'sse', url: 'http://h/sse' } } }, 'a')).toEqual({ kind: 'sse', url: 'http://h/sse' });
  });

  it('picks the only server when no name is given, and lists the names otherwise', () => {
    expect(parse({ mcpServers: { only: { command: 'x' } } })).toMatchObject({ command: 'x' });
    expect(() => parse({ mcpServers: { a: { command: 'x' }, b: { command: 'y' } } })).toThrow(/lists 2 servers; choose one with --server NAME \(a, b\)/);
    expect(() => parse({ mcpServers: { a: { command: 'x' } } }, 'zz')).toThrow(/has no server named "zz" \(it has: a\)/);
  });

  it('explains files that are not client configs', () => {
    expect(() => parse('{ nope')).toThrow(/\/proj\/\.mcp\.json is not valid JSON/);
    expect(() => parse({ projects: {} })).toThrow(/has no "mcpServers" or "servers" object/);
    expect(() => parse({ mcpServers: { a: { type: 'websocket', url: 'ws://x' } } }, 'a')).toThrow(/unknown server type "websocket"/);
    expect(() => parse({ mcpServers: { a: { args: [] } } }, 'a')).toThrow(/has neither "command" nor "url"/);
  });

  it('refuses a key written twice, by line and column of the file as written (comments and all), never quoting values', () => {
    const text = '{\n  // servers\n  "mcpServers": {\n    /* two */\n    "a": {"command": "node", "env": {"K": "s3cr3t"}},\n    "a": {"command": "evil"}\n  },\n}\n';
    expect(() => parse(text, 'a')).toThrow(
      'Client config /proj/.mcp.json is not valid JSON: the key "a" appears twice in the object at /mcpServers (line 5, column 5, and line 6, column 5); JSON would keep only the last one.',
    );
    expect(parse(text.replace('"a": {"command": "evil"}', '"b": {"command": "ok"}'), 'a')).toMatchObject({ command: 'node' });
  });

  it('VS Code: ${workspaceFolder} is the folder above .vscode', () => {
    const target = parseClientConfig(JSON.stringify({ servers: { a: { type: 'stdio', command: 'node', args: ['${workspaceFolder}/s.js'] } } }), {
      file: '/repo/.vscode/mcp.json',
      serverName: 'a',
      env: {},
    });
    expect(target).toMatchObject({ args: ['/repo/s.js'], cwd: '/repo/.vscode' });
  });
});

describe('stripJsonComments', () => {
  it('drops comments and trailing commas but leaves strings alone', () => {
    const text = '{\n // a comment\n "url": "http://x//y", /* block */ "a": [1, 2,],\n}';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ url: 'http://x//y', a: [1, 2] });
  });
});

describe('stripJsonComments, strings with comment and comma look-alikes', () => {
  it('keeps ",}" and "/*" inside strings', () => {
    expect(JSON.parse(stripJsonComments('{"a": "x,}", "b": "/* no */", "c": [1, // one\n],}'))).toEqual({ a: 'x,}', b: '/* no */', c: [1] });
  });
});
