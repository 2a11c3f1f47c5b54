import { createHash } from 'node:crypto';
import type { EntityKind } from '../rules/types.js';

export interface FingerprintFields {
  rule: string;
  entity: EntityKind;
  name: string;
  pointer: string;
  /** What tells this change apart from another of its rule at its pointer (see changeSubject). */
  subject?: string;
}

/**
 * A short stable id of a change: 12 hex characters of the SHA-256 of rule, entity, name and
 * pointer (as a JSON array, so no separator can make two different changes collide), followed by
 * the change's subject when it has one. The message is left out on purpose: rewording it must not
 * invalidate acknowledgements.
 */
export function fingerprint(change: FingerprintFields): string {
  const fields = [change.rule, change.entity, change.name, change.pointer];
  if (change.subject !== undefined) fields.push(change.subject);
  return createHash('sha256').update(JSON.stringify(fields), 'utf8').digest('hex').slice(0, 12);
}

/** The fingerprint of a change of a diff: its four fields and its subject. */
export function changeFingerprint(change: FingerprintFields & { params?: Readonly<Record<string, unknown>>; after?: unknown }): string {
  return fingerprint({ rule: change.rule, entity: change.entity, name: change.name, pointer: change.pointer, subject: changeSubject(change) });
}

/**
 * What a change's rule, entity, name and pointer leave open, so that an acknowledgement accepts
 * this change and not the next one at the same place: every property made required sits at the
 * same `/required`, every removal from an enum at the same `/enum`, and a bound lowered again is
 * the same rule at the same pointer. The subject is the property, the enum values or types (as a
 * set), or the new value of a setting (a string, number, boolean or null); undefined for a change
 * its pointer names fully (a tool removed, a property added: its schema's own changes are changes
 * of their own).
 */
export function changeSubject(change: { params?: Readonly<Record<string, unknown>>; after?: unknown }): string | undefined {
  const parts: Record<string, unknown> = {};
  const params = change.params ?? {};
  if (typeof params.property === 'string') parts.property = params.property;
  for (const key of ['values', 'types'] as const) {
    const list = params[key];
    if (Array.isArray(list)) parts[key] = list.map((value) => JSON.stringify(value)).sort();
  }
  const after = change.after;
  if (after === null || typeof after === 'string' || typeof after === 'number' || typeof after === 'boolean') parts.after = after;
  return Object.keys(parts).length > 0 ? JSON.stringify(parts) : undefined;
}
