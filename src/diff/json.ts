import { own, token } from '../schema/json.js';
import { compareCodeUnits } from '../snapshot/canonical.js';
import type { Json } from '../snapshot/model.js';

/**
 * Structural equality of JSON values; object key order is irrelevant. The verdict of the schema
 * comparator's sameJson, for the diff's hottest call (is this tool unchanged?): keys are walked
 * with for...in rather than listed with Object.keys, so comparing two large equal trees allocates
 * nothing.
 */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!jsonEqual(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  let keys = 0;
  for (const key in a) {
    if (!Object.hasOwn(a, key)) continue;
    if (!Object.hasOwn(b, key) || !jsonEqual(a[key], b[key])) return false;
    keys++;
  }
  for (const key in b) if (Object.hasOwn(b, key)) keys--;
  return keys === 0;
}

export { own };

/** Code-unit order: deterministic across locales and platforms. */
export const compareStrings = compareCodeUnits;

/** One RFC 6901 reference token, without its leading slash. */
export function escapePointerToken(key: string): string {
  return token(key).slice(1);
}

export function pointer(...tokens: string[]): string {
  return tokens.map(token).join('');
}
