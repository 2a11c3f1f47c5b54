// Everything a server sends (names, descriptions, property names) ends up in reports. None of it
// may drive a terminal, forge a line, or reorder text: escape sequences and bidi controls go.

// CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-character ESC sequences, C1 CSI/OSC.
const ESCAPE_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]|\u009d[^\u0007\u009c]*[\u0007\u009c]?/g;
const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const BLOCK_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

// Characters that take no space: `search` and `search\u200b` would read as the same name, and tag
// characters can hide a whole sentence. Shown as <U+200B> so a reviewer sees them. The zero-width
// joiner is kept only where it joins two emoji (👨\u200d👩 is one family): anywhere else it hides.
const INVISIBLE = /[\u00ad\u034f\u115f\u1160\u17b4\u17b5\u180e\u200b\u200c\u2060-\u2065\u3164\ufeff\uffa0\u{e0000}-\u{e007f}]|(?<!\p{Extended_Pictographic}[\u{1f3fb}-\u{1f3ff}\ufe0f]?)\u200d|\u200d(?!\p{Extended_Pictographic})/gu;

function visible(char: string): string {
  return `<U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}>`;
}

// What may not stand raw in printed JSON: DEL and C1 controls, bidi controls, line and paragraph
// separators and invisible characters (JSON.stringify escapes C0 controls only). As \uXXXX escapes
// the value read back is the server's own, byte for byte.
const JSON_UNSAFE = /[\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff\uffa0]|\udb40[\udc00-\udc7f]/g;

/**
 * For text shown on one line: escape sequences and bidi controls go, control characters (newlines
 * included) become spaces, and invisible characters are shown as <U+XXXX>.
 */
export function cleanLine(text: string): string {
  return text.replace(ESCAPE_SEQUENCE, '').replace(BIDI_CONTROL, '').replace(LINE_CONTROL, ' ').replace(INVISIBLE, visible);
}

/** For multi-line text (code snippets): keeps newlines and tabs, drops other controls, shows invisible characters. */
export function cleanBlock(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(ESCAPE_SEQUENCE, '')
    .replace(BIDI_CONTROL, '')
    .replace(BLOCK_CONTROL, '')
    .replace(INVISIBLE, visible);
}

/**
 * Serialised JSON made safe to print: every character of JSON_UNSAFE (which can only stand inside a
 * string there) becomes its \uXXXX escape, so the text parses to the same value.
 */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (match) =>
    match
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}
