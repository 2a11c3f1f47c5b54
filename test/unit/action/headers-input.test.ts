import { describe, expect, it } from 'vitest';
import { parseHeaders } from '../../../src/action/run.js';

describe('the Action headers input', () => {
  it('reads one "Name: value" per line, any name an own entry', () => {
    const headers = parseHeaders('X-Env: ci\n__proto__: p\nconstructor: c\n');
    expect(Object.entries(headers ?? {})).toEqual([['X-Env', 'ci'], ['__proto__', 'p'], ['constructor', 'c']]);
    expect(parseHeaders('')).toBeUndefined();
  });
});
