import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, lineAndColumn } from '../../../src/snapshot/json-syntax.js';

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on what is JSON', () => {
    const almostJson = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', '\\', ':', '\u0001', 'x', ' ', '-', '.', 'e', '{', '['))
      .map(([text, at, insert]) => {
        const index = at % (text.length + 1);
        return text.slice(0, index) + insert + text.slice(index);
      });
    fc.assert(
      fc.property(fc.oneof(fc.json(), almostJson, fc.string()), (text) => {
        expect(findJsonSyntaxError(text) === undefined).toBe(parses(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('calls every cut-off JSON document truncated', () => {
    fc.assert(
      fc.property(fc.json(), fc.nat(), (text, at) => {
        const prefix = text.slice(0, at % text.length);
        fc.pre(!parses(prefix));
        const found = findJsonSyntaxError(prefix);
        expect(found?.truncated).toBe(true);
        expect(found?.offset).toBe(prefix.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('points at the first offending character with its line and column', () => {
    expect(findJsonSyntaxError('{\n  "a": 1\n  "b": 2\n}')).toMatchObject({ line: 3, column: 3, truncated: false, problem: 'unexpected """ where "," or "}" was expected' });
    expect(findJsonSyntaxError('[1, 2,\n]')).toMatchObject({ line: 2, column: 1, problem: '"]" right after a comma (a trailing comma is not JSON)' });
    expect(findJsonSyntaxError('{"a": 01}')).toMatchObject({ column: 7, problem: 'a malformed number' });
    expect(findJsonSyntaxError('{"a": "\t"}')).toMatchObject({ column: 8, problem: 'U+0009 inside a string (control characters must be escaped)' });
    expect(findJsonSyntaxError('\u{1F600}')).toMatchObject({ column: 1, problem: 'unexpected U+1F600 where a value was expected' });
    expect(findJsonSyntaxError('[' + '['.repeat(100_000))).toMatchObject({ truncated: true, problem: 'the file ends inside an array' });
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\n', 3)).toEqual({ line: 2, column: 1 });
  });
});
