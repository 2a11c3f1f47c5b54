import { describe, expect, it } from 'vitest';
import { shownPath } from '../../../src/capture/readable.js';

describe('shownPath', () => {
  it('is an RFC 6901 pointer, cut after a few segments, without control characters', () => {
    expect(shownPath(['a/b', '~', 'c'])).toBe('/a~1b/~0/c');
    expect(shownPath(['1', '2', '3'], 2)).toBe('/1/2/…');
    expect(shownPath(['\u001b[31mred'])).not.toMatch(/\u001b/);
  });
});
