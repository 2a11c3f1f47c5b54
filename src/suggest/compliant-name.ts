import type { ClientProfile } from '../clients/model.js';
import { nameBudget, nameFits } from '../clients/violations.js';
import { TOOL_NAME_MAX_LENGTH } from './tool-name.js';

/**
 * A tool name that every name limit of the chosen client profiles accepts, close to `name`:
 * characters outside a-z, A-Z, 0-9, `_` and `-` become `_`, and a name that is too long is cut,
 * at a word boundary when one is near. Names in `taken` are avoided. Undefined when no tool name
 * can fit (the server's own name already uses up the client's budget).
 */
export function compliantToolName(name: string, profiles: readonly ClientProfile[], serverKey: string, taken: ReadonlySet<string>): string | undefined {
  const budget = Math.min(nameBudget(profiles, serverKey), TOOL_NAME_MAX_LENGTH);
  if (budget < 1) return undefined;
  const cleaned = name.replace(/[^A-Za-z0-9_-]/gu, '_');
  const stem = cut(cleaned, budget).replace(/[_-]+$/, '') || 'tool';
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '' : `_${n}`;
    const candidate = `${stem.slice(0, budget - suffix.length)}${suffix}`;
    if (candidate !== '' && !taken.has(candidate) && nameFits(candidate, profiles, serverKey)) return candidate;
  }
  return undefined;
}

/** The first `max` characters, dropping a partial last word when that keeps most of the name. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  if (/[_-]/.test(text.charAt(max))) return head;
  const boundary = Math.max(head.lastIndexOf('_'), head.lastIndexOf('-'));
  return boundary >= max / 2 ? head.slice(0, boundary) : head;
}
