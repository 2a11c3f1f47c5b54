import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseClientConfig } from '../../../src/capture/client-config.js';
import { expandVariables } from '../../../src/capture/expand.js';
import { Masker } from '../../../src/capture/secrets.js';
import { toSnapshot } from '../../../src/capture/normalise.js';

const file = join('/proj', '.mcp.json');
const parse = (text: string, serverName?: string, env: Record<string, string | undefined> = {}) => parseClientConfig(text, { file, serverName, env });

// Client config files (.mcp.json, Claude Desktop, Cursor, VS Code) are JSON: their server names,
// env variable and header names may be anything, `__proto__` included.

describe('client config keys named like Object.prototype members', () => {
  it('a server named __proto__ or constructor is found by name, with its env kept whole', () => {
    const text = `{"mcpServers": {
      "__proto__": {"command": "node", "args": ["a.js"], "env": {"__proto__": "1", "constructor": "2"}},
      "constructor": {"url": "http://127.0.0.1:9/mcp", "headers": {"__proto__": "h"}}
    }}`;
    const proto = parse(text, '__proto__');
    expect(proto).toMatchObject({ kind: 'stdio', command: 'node', args: ['a.js'] });
    if (proto.kind !== 'stdio') throw new Error('expected stdio');
    expect(Object.entries(proto.env ?? {})).toEqual([['__proto__', '1'], ['constructor', '2']]);
    const ctor = parse(text, 'constructor');
    if (ctor.kind !== 'http') throw new Error('expected http');
    expect(Object.entries(ctor.headers ?? {})).toEqual([['__proto__', 'h']]);
  });

  it('--server naming an Object.prototype member that the file lacks: "no server named", not a crash or a match', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(() => parse('{"mcpServers": {"a": {"command": "x"}, "b": {"command": "y"}}}', name), name).toThrow(`has no server named "${name}" (it has: a, b)`);
    }
  });

  it('the only server is picked even when it is called __proto__', () => {
    expect(parse('{"servers": {"__proto__": {"type": "stdio", "command": "srv"}}}')).toMatchObject({ kind: 'stdio', command: 'srv' });
  });
});

describe('${VAR} expansion never reads Object.prototype', () => {
  it('${constructor} and ${toString} are unset variables unless the environment has them', () => {
    expect(() => expandVariables('${constructor}', {}, 'x')).toThrow('x: environment variable constructor is not set.');
    expect(() => expandVariables('${env:toString}', {}, 'x')).toThrow('environment variable toString is not set');
    expect(expandVariables('${hasOwnProperty:-fallback}', {}, 'x')).toBe('fallback');
    expect(expandVariables('${constructor}', JSON.parse('{"constructor": "set"}') as Record<string, string>, 'x')).toBe('set');
    expect(expandVariables('${__proto__}', JSON.parse('{"__proto__": "own"}') as Record<string, string>, 'x')).toBe('own');
  });

  it('against the real process environment too', () => {
    expect(() => expandVariables('${constructor}', process.env, 'x')).toThrow('not set');
  });
});

describe('capture keeps such keys as data', () => {
  const wire = JSON.parse(`{
    "capabilities": {"tools": {"__proto__": {"listChanged": true}}},
    "serverInfo": {"name": "proto", "version": "1.0.0"},
    "tools": [{"name": "__proto__", "inputSchema": {"type": "object", "properties": {"__proto__": {"type": "string"}}}, "_meta": {"__proto__": {"token": "s3cret-value"}}}]
  }`) as { capabilities: unknown; serverInfo: unknown; tools: unknown[] };

  it('normalising wire content into a snapshot keeps every __proto__ key as an own member', () => {
    const snapshot = toSnapshot({ clientCapabilities: {}, protocolVersion: '2025-06-18', prompts: [], resources: [], resourceTemplates: [], notes: [], ...wire });
    const [tool] = snapshot.tools;
    expect(tool?.name).toBe('__proto__');
    expect(Object.hasOwn(tool!.inputSchema.properties as object, '__proto__')).toBe(true);
    expect(Object.hasOwn(tool!._meta!, '__proto__')).toBe(true);
    expect(Object.hasOwn(snapshot.server.capabilities.tools as object, '__proto__')).toBe(true);
  });

  it('masking secrets rebuilds objects without losing a __proto__ key', () => {
    const masked = new Masker(['s3cret-value']).maskDeep(wire.tools[0] as object) as { _meta: object };
    expect(JSON.stringify(masked)).toBe('{"name":"__proto__","inputSchema":{"type":"object","properties":{"__proto__":{"type":"string"}}},"_meta":{"__proto__":{"token":"***"}}}');
    expect(Object.hasOwn(masked._meta, '__proto__')).toBe(true);
  });
});
