import { describe, expect, it } from 'vitest';
import { lazyProperty } from '../../../src/diff/lazy-property.js';

describe('lazyProperty', () => {
  it('computes the value on the first read only, and reads as an ordinary enumerable property', () => {
    let computed = 0;
    const target: { a: number; b?: string } = { a: 1 };
    lazyProperty(target, 'b', () => {
      computed++;
      return 'two';
    });
    expect(computed).toBe(0);
    expect(Object.keys(target)).toEqual(['a', 'b']);
    expect(computed).toBe(0);
    expect(target.b).toBe('two');
    expect(target.b).toBe('two');
    expect(computed).toBe(1);
    expect({ ...target }).toEqual({ a: 1, b: 'two' });
    expect(JSON.stringify(target)).toBe('{"a":1,"b":"two"}');
    expect(Object.getOwnPropertyDescriptor(target, 'b')).toEqual({ value: 'two', writable: true, enumerable: true, configurable: true });
  });

  it('is computed by JSON.stringify and spreading, and an assignment replaces it without computing', () => {
    let computed = 0;
    const spread: { b?: number } = {};
    lazyProperty(spread, 'b', () => ++computed);
    expect({ ...spread }).toEqual({ b: 1 });
    const assigned: { b?: number } = {};
    lazyProperty(assigned, 'b', () => ++computed);
    assigned.b = 7;
    expect(assigned.b).toBe(7);
    expect(computed).toBe(1);
  });
});
