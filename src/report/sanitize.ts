// Everything a server sends (names, descriptions, property names) ends up in reports. None of it
// may drive a terminal, forge a line, or reorder text: escape sequences and bidi controls go.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-character ESC sequences, C1 CSI/OSC.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const BLOCK_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Characters that take no space: `search` and `search\u200b` would read as the same name, and tag
// characters can hide a whole sentence. Shown as <U+200B> so a reviewer sees them.
const INVISIBLE = /[\u180e\u200b\u200c\u2060-\u2064\ufeff\u{e0000}-\u{e007f}]/gu;

function visible(char: string): string {
  return `<U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`;
}

/**
 * For text shown on one line: escape sequences and bidi controls go, control characters (newlines
 * included) become spaces, and invisible characters are shown as <U+XXXX>.
 */
export function cleanLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BIDI_CONTROL, '').replace(LINE_CONTROL, ' ').replace(INVISIBLE, visible);
}

/** For multi-line text (code snippets): keeps newlines and tabs, drops other controls. */
export function cleanBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BIDI_CONTROL, '')
    .replace(BLOCK_CONTROL, '');
}
