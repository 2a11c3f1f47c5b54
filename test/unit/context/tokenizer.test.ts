import { describe, expect, it } from 'vitest';
import { countTokens, ENCODING } from '../../../src/context/tokenizer.js';

// Counts checked against js-tiktoken, an independent implementation of the same encoding.
describe('countTokens (o200k_base)', () => {
  it.each([
    ['hello world', 2],
    ['The quick brown fox jumps over the lazy dog.', 10],
    ['Поиск заметок по тексту 🔍', 9],
    ['{"inputSchema":{"type":"object"},"name":"search"}', 13],
    ['', 0],
  ])('%j is %i tokens', (text, tokens) => {
    expect(countTokens(text)).toBe(tokens);
  });

  it('counts a special-token spelling in a server\'s text as the plain text it is, without throwing', () => {
    expect(countTokens('<|endoftext|>')).toBe(7);
  });

  it('names its encoding', () => {
    expect(ENCODING).toBe('o200k_base');
  });
});
