import type { Json } from '../snapshot/model.js';

/** Shared wording helpers for rule messages. */

export function code(text: string): string {
  return `\`${text}\``;
}

/** A JSON value as it appears in a message, shortened so one message stays on one line. */
export function show(value: Json | undefined, max = 80): string {
  // Anything JSON.stringify cannot write (only a bug upstream would pass one) reads as absent.
  const text: string | undefined = value === undefined ? undefined : JSON.stringify(value);
  if (text === undefined) return '(absent)';
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function str(value: Json | undefined): string {
  return typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);
}

export function list(values: Json | undefined): string {
  if (!Array.isArray(values)) return show(values);
  return values.map((v) => (typeof v === 'string' ? code(v) : show(v))).join(', ');
}

/** A numeric limit in a message: an absent one (null in the facts) is "unbounded", never "null". */
export function bound(value: Json | undefined, exclusive?: '>' | '<'): string {
  if (value === null || value === undefined) return 'unbounded';
  return exclusive ? `${exclusive} ${show(value)}` : show(value);
}
