import { describe, expect, it } from 'vitest';
import { addAcknowledgements, type NewAcknowledgement } from '../../../src/policy/acknowledge.js';
import { parseConfigText } from '../../../src/policy/config.js';

const A: NewAcknowledgement = { fingerprint: '0123456789ab', rule: 'tool-removed', entity: 'tool', name: 'old', pointer: '', reason: 'gone since 1.4' };
const B: NewAcknowledgement = { fingerprint: 'ba9876543210', reason: 'agreed "with" [ops] {team}', expires: '2026-12-31' };

describe('addAcknowledgements', () => {
  it('appends to an existing array, one entry per line, leaving every other byte as it was', () => {
    const text = '{\n  "failOn": "risky",\n  "servers": { "a": { "baseline": "a.json", "command": ["node", "x]}.js"] } },\n  "acknowledged": [\n    { "fingerprint": "aaaaaaaaaaaa", "reason": "old } ] one" }\n  ],\n  "severity": {}\n}\n';
    const out = addAcknowledgements(text, [], [A, B]);
    expect(out).toBe(
      '{\n  "failOn": "risky",\n  "servers": { "a": { "baseline": "a.json", "command": ["node", "x]}.js"] } },\n  "acknowledged": [\n    { "fingerprint": "aaaaaaaaaaaa", "reason": "old } ] one" },\n' +
        '    { "fingerprint": "0123456789ab", "rule": "tool-removed", "entity": "tool", "name": "old", "pointer": "", "reason": "gone since 1.4" },\n' +
        '    { "fingerprint": "ba9876543210", "reason": "agreed \\"with\\" [ops] {team}", "expires": "2026-12-31" }\n  ],\n  "severity": {}\n}\n',
    );
    expect(parseConfigText(out, 'mcp-compat.config.json')?.acknowledged.map((ack) => ack.reason)).toEqual(['old } ] one', 'gone since 1.4', 'agreed "with" [ops] {team}']);
  });

  it('fills an empty array (as init writes it) and adds the key when it is missing, in the file\'s own indentation', () => {
    expect(addAcknowledgements('{\n  "failOn": "breaking",\n  "acknowledged": []\n}\n', [], [B])).toBe(
      '{\n  "failOn": "breaking",\n  "acknowledged": [\n    { "fingerprint": "ba9876543210", "reason": "agreed \\"with\\" [ops] {team}", "expires": "2026-12-31" }\n  ]\n}\n',
    );
    expect(addAcknowledgements('{\n\t"failOn": "breaking"\n}', [], [{ fingerprint: '0123456789ab', reason: 'r' }])).toBe(
      '{\n\t"failOn": "breaking",\n\t"acknowledged": [\n\t\t{ "fingerprint": "0123456789ab", "reason": "r" }\n\t]\n}',
    );
    expect(addAcknowledgements('{}\n', [], [{ fingerprint: '0123456789ab', reason: 'r' }])).toBe('{\n  "acknowledged": [\n    { "fingerprint": "0123456789ab", "reason": "r" }\n  ]\n}\n');
  });

  it('writes into the "mcp-compat" key of package.json and nowhere else', () => {
    const text = '{\n  "name": "srv",\n  "scripts": { "acknowledged": "no" },\n  "mcp-compat": {\n    "failOn": "breaking"\n  }\n}\n';
    const out = addAcknowledgements(text, ['mcp-compat'], [{ fingerprint: '0123456789ab', reason: 'r' }]);
    expect(out).toBe('{\n  "name": "srv",\n  "scripts": { "acknowledged": "no" },\n  "mcp-compat": {\n    "failOn": "breaking",\n    "acknowledged": [\n      { "fingerprint": "0123456789ab", "reason": "r" }\n    ]\n  }\n}\n');
    expect(JSON.parse(out)).toMatchObject({ scripts: { acknowledged: 'no' }, 'mcp-compat': { acknowledged: [{ fingerprint: '0123456789ab' }] } });
  });

  it('refuses a file whose "acknowledged" is not an array', () => {
    expect(() => addAcknowledgements('{ "acknowledged": {} }', [], [B])).toThrow(/not an array/);
  });
});
