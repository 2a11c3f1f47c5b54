import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../../src/diff/json.js';
import { sameJson } from '../../../src/schema/json.js';
import type { Json } from '../../../src/snapshot/model.js';

/** The same value with every object's keys in another order. */
function reordered(value: Json): Json {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, member]) => [key, reordered(member as Json)])) as Json;
}

describe('jsonEqual', () => {
  it('gives the verdict of sameJson on any two JSON values, equal, reordered or not', () => {
    const json = fc.jsonValue() as fc.Arbitrary<Json>;
    fc.assert(
      fc.property(json, json, (a, b) => {
        expect(jsonEqual(a, b)).toBe(sameJson(a, b));
        expect(jsonEqual(a, reordered(a))).toBe(true);
        expect(jsonEqual(a, JSON.parse(JSON.stringify(a)) as Json)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells apart what differs in one key, a missing key, an array from an object, and never reads inherited members', () => {
    expect(jsonEqual({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { a: 1 })).toBe(false);
    expect(jsonEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(jsonEqual({ a: undefined } as unknown as Json, { b: undefined } as unknown as Json)).toBe(false);
    expect(jsonEqual([], {})).toBe(false);
    expect(jsonEqual({}, [])).toBe(false);
    expect(jsonEqual({ 0: 'x' }, ['x'])).toBe(false);
    const withProto = JSON.parse('{"__proto__": {"x": 1}, "constructor": 2}') as Json;
    expect(jsonEqual(withProto, JSON.parse('{"constructor": 2, "__proto__": {"x": 1}}') as Json)).toBe(true);
    expect(jsonEqual(withProto, JSON.parse('{"constructor": 2, "__proto__": {"x": 2}}') as Json)).toBe(false);
    expect(jsonEqual({ toString: 1 } as Json, {})).toBe(false);
    expect(jsonEqual({}, { toString: 1 } as Json)).toBe(false);
  });
});
