import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';
import { snapshotText } from './proto-snapshot.js';

// A property schema under a key named `__proto__` (or `constructor`, `prototype`) is a property
// like any other: narrowing it is breaking. The schemas are written as JSON text, as a snapshot
// file holds them.

const searchSnapshot = (inputSchema: string) => snapshotText(`{ "description": "Search.", "inputSchema": ${inputSchema}, "name": "search" }`);

interface JsonReport {
  changes: { rule: string; severity: string; name: string; pointer: string }[];
}

const CASES: Array<[string, string, string, RegExp]> = [
  [
    'a string property named __proto__ gains maxLength',
    '{"type": "object", "properties": {"__proto__": {"type": "string"}}}',
    '{"type": "object", "properties": {"__proto__": {"type": "string", "maxLength": 3}}}',
    /^\/inputSchema\/properties\/__proto__/,
  ],
  [
    'an enum value removed inside an object property named __proto__',
    '{"type": "object", "properties": {"__proto__": {"type": "object", "properties": {"constructor": {"enum": ["a", "b"]}}}}}',
    '{"type": "object", "properties": {"__proto__": {"type": "object", "properties": {"constructor": {"enum": ["a"]}}}}}',
    /^\/inputSchema\/properties\/__proto__\/properties\/constructor/,
  ],
  [
    'a property named __proto__ becomes required',
    '{"type": "object", "properties": {"__proto__": {"type": "string"}}}',
    '{"type": "object", "properties": {"__proto__": {"type": "string"}}, "required": ["__proto__"]}',
    /^\/inputSchema/,
  ],
  [
    'a definition named __proto__, reached by $ref, narrows its type',
    '{"type": "object", "properties": {"q": {"$ref": "#/$defs/__proto__"}}, "$defs": {"__proto__": {"type": ["string", "integer"]}}}',
    '{"type": "object", "properties": {"q": {"$ref": "#/$defs/__proto__"}}, "$defs": {"__proto__": {"type": "string"}}}',
    /^\/inputSchema/,
  ],
  [
    'a property named prototype narrows its type',
    '{"type": "object", "properties": {"prototype": {"type": ["string", "null"]}}}',
    '{"type": "object", "properties": {"prototype": {"type": "string"}}}',
    /^\/inputSchema\/properties\/prototype/,
  ],
  [
    'a property named __proto__ removed from a closed object',
    '{"type": "object", "properties": {"q": {"type": "string"}, "__proto__": {"type": "string"}}, "additionalProperties": false}',
    '{"type": "object", "properties": {"q": {"type": "string"}}, "additionalProperties": false}',
    /^\/inputSchema/,
  ],
  [
    'dependentRequired gains a dependency for __proto__',
    '{"type": "object", "properties": {"__proto__": {"type": "string"}, "b": {"type": "string"}}}',
    '{"type": "object", "properties": {"__proto__": {"type": "string"}, "b": {"type": "string"}}, "dependentRequired": {"__proto__": ["b"]}}',
    /^\/inputSchema/,
  ],
];

describe('schema narrowing under keys named like Object.prototype members (built CLI)', () => {
  it.each(CASES)('%s: breaking, exit 1', async (_label, before, after, pointer) => {
    const dir = workdir();
    writeFileSync(join(dir, 'base.json'), searchSnapshot(before));
    writeFileSync(join(dir, 'head.json'), searchSnapshot(after));
    const { code, stdout, stderr } = await cli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const breaking = (JSON.parse(stdout) as JsonReport).changes.filter((change) => change.severity === 'breaking');
    expect(breaking.length).toBeGreaterThan(0);
    for (const change of breaking) expect(change.pointer).toMatch(pointer);
  }, 60_000);
});
