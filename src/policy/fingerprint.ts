import { createHash } from 'node:crypto';
import type { EntityKind } from '../rules/types.js';

export interface FingerprintFields {
  rule: string;
  entity: EntityKind;
  name: string;
  pointer: string;
}

/**
 * A short stable id of a change: 12 hex characters of the SHA-256 of rule, entity, name and
 * pointer (as a JSON array, so no separator can make two different changes collide). The message
 * is left out on purpose: rewording it must not invalidate acknowledgements.
 */
export function fingerprint(change: FingerprintFields): string {
  const key = JSON.stringify([change.rule, change.entity, change.name, change.pointer]);
  return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 12);
}
