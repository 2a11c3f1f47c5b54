import type { Change } from '../diff/model.js';
import type { Acknowledgement } from './config.js';
import { indentUnit, lastNonSpace, lineIndent, objectSpan, skipSpace } from './json-text.js';

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

/** An entry written into the config file's `acknowledged` array. */
export interface NewAcknowledgement {
  fingerprint: string;
  rule?: string;
  entity?: string;
  name?: string;
  pointer?: string;
  reason: string;
  expires?: string;
}

/**
 * Adds entries to the `acknowledged` array of a config's JSON text (at `path`: [] for
 * mcp-compat.config.json, ['mcp-compat'] for package.json), creating the array if needed. Only
 * the array changes: every other byte of the file stays as it was, and the entries are written one
 * per line in the file's own indentation. Pure; the caller validates and writes the result.
 */
export function addAcknowledgements(text: string, path: readonly string[], entries: readonly NewAcknowledgement[]): string {
  if (entries.length === 0) return text;
  const unit = indentUnit(text);
  let object = objectSpan(text, skipSpace(text, 0));
  for (const key of path) {
    const member = object.members.get(key);
    if (!member || text[member.start] !== '{') throw new Error(`no object at "${key}"`);
    object = objectSpan(text, member.start);
  }
  const objectIndent = lineIndent(text, object.open);
  const list = object.members.get('acknowledged');
  if (list && text[list.start] === '[') {
    const itemIndent = lineIndent(text, list.start) + unit;
    const lines = entries.map((entry) => itemIndent + entryJson(entry));
    const close = list.end - 1;
    const last = lastNonSpace(text, close - 1);
    if (last === list.start) return `${text.slice(0, list.start)}[\n${lines.join(',\n')}\n${lineIndent(text, list.start)}]${text.slice(list.end)}`;
    return `${text.slice(0, last + 1)},\n${lines.join(',\n')}${text.slice(last + 1)}`;
  }
  if (list) throw new Error('"acknowledged" is not an array');
  const memberIndent = objectIndent + unit;
  const member = `${memberIndent}"acknowledged": [\n${entries.map((entry) => memberIndent + unit + entryJson(entry)).join(',\n')}\n${memberIndent}]`;
  const last = lastNonSpace(text, object.close - 1);
  if (last === object.open) return `${text.slice(0, object.open)}{\n${member}\n${objectIndent}}${text.slice(object.close + 1)}`;
  return `${text.slice(0, last + 1)},\n${member}${text.slice(last + 1)}`;
}

function entryJson(entry: NewAcknowledgement): string {
  const fields = Object.entries(entry).filter(([, value]) => value !== undefined);
  return `{ ${fields.map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`).join(', ')} }`;
}
