import { own, sameJson, token } from '../schema/json.js';
import { compareCodeUnits } from '../snapshot/canonical.js';
import type { Json } from '../snapshot/model.js';

/** Structural equality of JSON values; object key order is irrelevant. */
export const jsonEqual = sameJson;

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
