// Everything a server sends (names, descriptions, property names) ends up in reports. None of it
// may drive a terminal, forge a line, or reorder text: escape sequences and bidi controls go.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-character ESC sequences, C1 CSI/OSC.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const BLOCK_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** For text shown on one line: control characters, newlines included, become spaces. */
export function cleanLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BIDI_CONTROL, '').replace(LINE_CONTROL, ' ');
}

/** For multi-line text (code snippets): keeps newlines and tabs, drops other controls. */
export function cleanBlock(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BIDI_CONTROL, '')
    .replace(BLOCK_CONTROL, '');
}
