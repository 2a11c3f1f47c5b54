import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonical, sameJson } from '../../../src/schema/json.js';
import type { Json } from '../../../src/snapshot/model.js';

/** The same value with every object's keys in reverse order. */
function reordered(value: Json): Json {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(reordered);
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reordered(value[key] as Json)]));
}

describe('sameJson', () => {
  it('agrees with comparing canonical strings, on arbitrary pairs', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(sameJson(a as Json, b as Json)).toBe(canonical(a as Json) === canonical(b as Json));
      }),
      { numRuns: 500 },
    );
  });

  it('ignores key order and tells apart any value from a changed copy', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(sameJson(value as Json, reordered(value as Json))).toBe(true);
        expect(sameJson({ value } as Json, { value, extra: null } as Json)).toBe(false);
        expect(sameJson([value] as Json, [value, value] as Json)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps arrays ordered and types apart', () => {
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson({}, [])).toBe(false);
    expect(sameJson([], {})).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
    expect(sameJson({ a: { b: [1, { c: 'x' }] } }, { a: { b: [1, { c: 'x' }] } })).toBe(true);
  });
});
