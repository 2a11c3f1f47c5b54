import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanLine, escapeJsonText } from '../../../src/report/sanitize.js';

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

describe('invisible characters beyond zero-width space', () => {
  it('shows a zero-width joiner between letters, and keeps it between emoji', () => {
    expect(cleanLine('pay\u200dpal')).toBe('pay<U+200D>pal');
    expect(cleanLine('\u200dstart')).toBe('<U+200D>start');
    expect(cleanLine('👨\u200D👩 👍🏽\u200D🔥')).toBe('👨\u200D👩 👍🏽\u200D🔥');
  });

  it('shows soft hyphens, Hangul fillers and the invisible separator', () => {
    expect(cleanLine('a\u00adb\u3164c\u2063d')).toBe('a<U+00AD>b<U+3164>c<U+2063>d');
  });

  it('shows invisible characters in blocks too, and turns line separators into newlines', () => {
    expect(cleanBlock('x\u200by\u2028z\u{E0041}')).toBe('x<U+200B>y\nz<U+E0041>');
  });
});

describe('escapeJsonText', () => {
  const hostile = 'a\u001b[31m\u0085\u009b\u202e\u2066\u200b\u200d\ufeff\u2028\u{E0041}ok 👨\u200D👩 Заметки';

  it('writes controls, bidi and invisible characters as \\u escapes: the value reads back the same', () => {
    const text = escapeJsonText(JSON.stringify({ [hostile]: hostile }, null, 2));
    expect(text).not.toMatch(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2028\ufeff]|\udb40/);
    expect(text).toContain('\\u202e');
    expect(text).toContain('\\udb40\\udc41');
    expect(JSON.parse(text)).toEqual({ [hostile]: hostile });
    expect(text).toContain('Заметки');
  });

  it('leaves JSON without such characters as it is', () => {
    const text = JSON.stringify({ a: ['b', 1, null], 'c\\u0085': 'Büße ✓' }, null, 2);
    expect(escapeJsonText(text)).toBe(text);
  });
});
