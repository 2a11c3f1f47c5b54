import type { Change } from '../diff/model.js';
import type { Acknowledgement } from './config.js';

/** Whether an acknowledgement from the config file covers a change (by fingerprint, or by its four fields). */
export function acknowledgementMatches(ack: Acknowledgement, change: Change, changeFingerprint: string, server?: string): boolean {
  if (ack.server !== undefined && ack.server !== server) return false;
  if (ack.fingerprint !== undefined && ack.fingerprint !== changeFingerprint) return false;
  if (ack.rule !== undefined) {
    return ack.rule === change.rule && ack.entity === change.entity && ack.name === change.name && ack.pointer === change.pointer;
  }
  return ack.fingerprint !== undefined;
}

/** An acknowledgement holds through its expiry day; `today` is YYYY-MM-DD (UTC). */
export function isExpired(ack: Pick<Acknowledgement, 'expires'>, today: string): boolean {
  return ack.expires !== undefined && ack.expires < today;
}
