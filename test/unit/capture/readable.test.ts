import { describe, expect, it } from 'vitest';
import { firstTooDeep, shownPath } from '../../../src/capture/readable.js';

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('firstTooDeep', () => {
  it('counts the value itself as level 1, and scalars as no level', () => {
    expect(firstTooDeep('text', 0)).toBeUndefined();
    expect(firstTooDeep({}, 1)).toBeUndefined();
    expect(firstTooDeep({}, 0)).toEqual([]);
    expect(firstTooDeep(nested(3), 3)).toBeUndefined();
    expect(firstTooDeep(nested(3), 2)).toEqual(['a', '0']);
  });

  it('walks 100,000 levels without recursion and names the path to the first value past the limit', () => {
    const path = firstTooDeep(nested(100_000), 1000);
    expect(path).toHaveLength(1000);
    expect(path?.slice(-2)).toEqual(['0', 'a']);
  });

  it('finds the deep member among shallow siblings, whatever its key', () => {
    const value = JSON.parse('{"x":{},"__proto__":{"y":[[{}]]}}') as unknown;
    expect(firstTooDeep(value, 4)).toEqual(['__proto__', 'y', '0', '0']);
  });
});

describe('shownPath', () => {
  it('is an RFC 6901 pointer, cut after a few segments, without control characters', () => {
    expect(shownPath(['a/b', '~', 'c'])).toBe('/a~1b/~0/c');
    expect(shownPath(['1', '2', '3'], 2)).toBe('/1/2/…');
    expect(shownPath(['\u001b[31mred'])).not.toMatch(/\u001b/);
  });
});
