import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../../src/schema/compare.js';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { schema } from './schema-arbitraries.js';

// The most reported complaint about schema-diff tools is false alarms from refactors (design §5).
// For generated schemas, rewrites that accept exactly the same values must produce no finding, in
// either direction: the hand-picked cases of fixtures/schema/refactor-cases.json, generalised.

function reordered(value: Json): Json {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reordered(value[key] as Json)]));
}

/** Every anyOf/oneOf's branches and every required list in reverse order. */
function branchesReversed(value: Json): Json {
  if (Array.isArray(value)) return value.map(branchesReversed);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = (key === 'anyOf' || key === 'oneOf' || key === 'required') && Array.isArray(item) ? [...item].reverse().map(branchesReversed) : branchesReversed(item as Json);
  }
  return out;
}

/** The root's properties each moved into `$defs` and referred to. */
function propertiesIntoDefs(root: JsonObject): JsonObject {
  if (root.properties === null || typeof root.properties !== 'object' || Array.isArray(root.properties)) return root;
  const defs: JsonObject = {};
  const properties: JsonObject = {};
  Object.entries(root.properties).forEach(([name, value], index) => {
    defs[`p${index}`] = value as Json;
    properties[name] = { $ref: `#/$defs/p${index}` };
  });
  return { ...root, properties, $defs: defs };
}

const REFACTORS: Array<[string, (s: JsonObject) => JsonObject]> = [
  ['keys reordered', (s) => reordered(s) as JsonObject],
  ['union branches and required reordered', (s) => branchesReversed(s) as JsonObject],
  ['properties moved into $defs', propertiesIntoDefs],
  ['wrapped in a one-branch allOf', (s) => ({ allOf: [s] })],
  ['wrapped in a one-branch anyOf', (s) => ({ anyOf: [s] })],
];

describe('compareSchemas: refactors of generated schemas change nothing', () => {
  it.each(REFACTORS)('%s', (_name, refactor) => {
    fc.assert(
      fc.property(schema, (before) => {
        const after = refactor(before);
        expect(compareSchemas(before, after)).toEqual([]);
        expect(compareSchemas(after, before)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
