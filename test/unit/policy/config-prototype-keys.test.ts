import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { acknowledgementMatches } from '../../../src/policy/acknowledge.js';
import { parseConfigText } from '../../../src/policy/config.js';
import type { Change } from '../../../src/diff/model.js';

// Config files are JSON text: `__proto__`, `constructor` and `prototype` are ordinary keys there and
// must stay ordinary keys once read (server names, env variable and header names, rule ids).

const parse = (text: string) => parseConfigText(text, 'mcp-compat.config.json')!;

describe('project config keys named like Object.prototype members', () => {
  it('are server names like any other, with env and header maps keeping such keys as own entries', () => {
    const config = parse(`{
      "servers": {
        "__proto__": { "baseline": "a.json", "command": ["node", "a.js"], "env": { "__proto__": "one", "constructor": "two", "PATH_EXTRA": "x" } },
        "constructor": { "baseline": "b.json", "url": "https://example.com/mcp", "headers": { "__proto__": "h", "prototype": "p" } },
        "prototype": { "baseline": "c.json", "clientConfig": { "file": ".mcp.json", "server": "__proto__" } }
      }
    }`);
    expect(config.servers.map((server) => server.name)).toEqual(['__proto__', 'constructor', 'prototype']);
    const [first, second] = config.servers;
    if (first?.target.kind !== 'stdio' || second?.target.kind !== 'http') throw new Error('unexpected targets');
    expect(Object.entries(first.target.env ?? {})).toEqual([['__proto__', 'one'], ['constructor', 'two'], ['PATH_EXTRA', 'x']]);
    expect(Object.hasOwn(first.target.env!, '__proto__')).toBe(true);
    expect(Object.entries(second.target.headers ?? {})).toEqual([['__proto__', 'h'], ['prototype', 'p']]);
    // Spread into a child's environment, the entry is still there.
    expect(Object.hasOwn({ ...process.env, ...first.target.env }, '__proto__')).toBe(true);
  });

  it('a non-string value under "__proto__" in env is refused like under any other key', () => {
    expect(() => parse('{"servers": {"a": {"baseline": "a.json", "command": ["x"], "env": {"__proto__": {"polluted": true}}}}}')).toThrow(
      /\/servers\/a\/env\/__proto__: expected a string/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('severity overrides: such keys are unknown rule ids, and the parsed map has no inherited members', () => {
    for (const key of ['__proto__', 'constructor', 'toString']) {
      const error = (() => {
        try {
          parse(`{"severity": {"${key}": "risky"}}`);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      })();
      expect(error, key).toBeInstanceOf(UserError);
      expect((error as UserError).message).toContain(`unknown rule id "${key}"`);
    }
    const { severity } = parse('{"severity": {"tool-removed": "risky"}}');
    expect(severity['constructor']).toBeUndefined();
    expect(severity['toString']).toBeUndefined();
    expect(severity['tool-removed']).toBe('risky');
  });

  it('acknowledgements name a tool __proto__ and a server constructor, and match exactly those', () => {
    const config = parse(`{
      "servers": { "constructor": { "baseline": "b.json", "command": ["node", "b.js"] } },
      "acknowledged": [{ "rule": "tool-removed", "entity": "tool", "name": "__proto__", "pointer": "", "reason": "retired", "server": "constructor" }]
    }`);
    const [ack] = config.acknowledged;
    const removed: Change = { rule: 'tool-removed', severity: 'breaking', entity: 'tool', name: '__proto__', pointer: '', message: '' };
    expect(acknowledgementMatches(ack!, removed, '000000000000', 'constructor')).toBe(true);
    expect(acknowledgementMatches(ack!, { ...removed, name: 'constructor' }, '000000000000', 'constructor')).toBe(false);
    expect(acknowledgementMatches(ack!, removed, '000000000000', '__proto__')).toBe(false);
    expect(() => parse('{"acknowledged": [{ "fingerprint": "0123456789ab", "reason": "x", "server": "constructor" }]}')).toThrow(/no server named "constructor"/);
  });
});
