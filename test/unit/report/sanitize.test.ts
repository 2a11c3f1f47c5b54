import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanLine } from '../../../src/report/sanitize.js';

describe('cleanLine', () => {
  it.each([
    ['\u001b[31mred\u001b[0m', 'red'],
    ['\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007', 'link'],
    ['\u001b]0;title\u001b\\text', 'text'],
    ['\u009b31mred', 'red'],
    ['\u009d8;;https://evil.example\u009clink', 'link'],
    ['a\nb\r\nc\u2028d', 'a b  c d'],
    ['\u202eevil\u202c \u2066x\u2069 \u200fy', 'evil x y'],
    ['tab\there', 'tab here'],
    ['\u0000\u0007\u007f\u0085', '    '],
  ])('removes terminal controls from %j', (input, expected) => {
    expect(cleanLine(input)).toBe(expected);
  });

  it('shows invisible characters, so two names that look alike can be told apart', () => {
    expect(cleanLine('search\u200b')).toBe('search<U+200B>');
    expect(cleanLine('a\ufeffb\u2060c')).toBe('a<U+FEFF>b<U+2060>c');
    expect(cleanLine('ok\u{E0049}\u{E0047}')).toBe('ok<U+E0049><U+E0047>');
  });

  it('keeps ordinary text, emoji sequences and non-Latin scripts', () => {
    for (const text of ['Search the docs (fast).', '👨\u200D👩\u200D👧 ⚠️ 👍🏽', 'Заметки 笔记 ملاحظات', '<b>not HTML here</b> @user #1']) {
      expect(cleanLine(text)).toBe(text);
    }
  });
});

describe('cleanBlock', () => {
  it('keeps newlines and tabs, normalises CRLF, removes escape sequences and other controls', () => {
    expect(cleanBlock('a\r\nb\rc\n\td\u001b[2J\u0007\u202e')).toBe('a\nb\nc\n\td');
  });
});
