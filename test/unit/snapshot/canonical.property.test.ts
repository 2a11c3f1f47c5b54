import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import type { Json, JsonObject, Snapshot } from '../../../src/snapshot/model.js';

/** The same JSON value with every object's keys in reverse insertion order. */
function reverseKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([key, item]) => [key, reverseKeys(item)]));
  return value;
}

const json = fc.jsonValue() as fc.Arbitrary<Json>;
const schema = fc.dictionary(fc.string(), json) as fc.Arbitrary<JsonObject>;
const tool = fc.record({ name: fc.string({ minLength: 1 }), description: fc.string(), inputSchema: schema });
const snapshotArb = fc.record({
  tools: fc.uniqueArray(tool, { selector: (t) => t.name, maxLength: 6 }),
  prompts: fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1 }) }), { selector: (p) => p.name, maxLength: 4 }),
  resources: fc.uniqueArray(fc.record({ uri: fc.webUrl(), name: fc.string() }), { selector: (r) => r.uri, maxLength: 4 }),
  capabilities: schema,
});

describe('serializeSnapshot (properties)', () => {
  it('gives the same bytes whatever the order of lists and keys, and reads back to the same bytes', () => {
    fc.assert(
      fc.property(snapshotArb, fc.boolean(), ({ tools, prompts, resources, capabilities }, reverse) => {
        const base: Snapshot = {
          formatVersion: 1,
          client: { capabilities: {} },
          server: { name: 's', version: '1', protocolVersion: '2025-06-18', capabilities },
          tools,
          prompts,
          resources,
          resourceTemplates: [],
        };
        const shuffled = reverseKeys({ ...base, tools: [...tools].reverse(), prompts: [...prompts].reverse(), resources: reverse ? [...resources].reverse() : resources } as unknown as Json) as unknown as Snapshot;
        const text = serializeSnapshot(base);
        expect(serializeSnapshot(shuffled)).toBe(text);
        expect(serializeSnapshot(JSON.parse(text) as Snapshot)).toBe(text);
        expect(text.endsWith('\n')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
