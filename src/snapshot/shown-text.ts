// Names and values in messages come from a file: one line, no terminal control, not too long.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

export function escapeUnsafe(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A pointer segment, RFC 6901-escaped and shown safely. */
export function shownSegment(segment: string): string {
  return shorten(escapeUnsafe(segment.replace(/~/g, '~0').replace(/\//g, '~1')), 60);
}

/** A pointer from its reference tokens, shown safely: at most `max` tokens, then `/…`. */
export function shownTokens(tokens: readonly string[], max = 8): string {
  if (tokens.length === 0) return '/';
  return tokens.slice(0, max).map((token) => `/${shownSegment(token)}`).join('') + (tokens.length > max ? '/…' : '');
}

/** A JSON value (a key, say) as it reads in a message. */
export function shownValue(value: unknown): string {
  return shorten(escapeUnsafe(JSON.stringify(value) ?? String(value)), 60);
}
