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

/** The spans of an object's members in JSON text: where each value starts and ends, and where the object closes. */
interface ObjectSpan {
  open: number;
  close: number;
  members: Map<string, { start: number; end: number }>;
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

/** The file's indentation step: the leading whitespace of its first indented line (two spaces if none). */
function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

function lineIndent(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  return i;
}

function lastNonSpace(text: string, index: number): number {
  let i = index;
  while (i >= 0 && /\s/.test(text[i] as string)) i -= 1;
  return i;
}

/** The end (exclusive) of the JSON value starting at `start`, which must be well-formed JSON. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = start; i < text.length; i += 1) {
      const char = text[i];
      if (char === '"') i = stringEnd(text, i) - 1;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    throw new Error('unbalanced JSON');
  }
  let i = start;
  while (i < text.length && !/[\s,}\]]/.test(text[i] as string)) i += 1;
  return i;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated string');
}

function objectSpan(text: string, open: number): ObjectSpan {
  if (text[open] !== '{') throw new Error('expected an object');
  const members = new Map<string, { start: number; end: number }>();
  let i = skipSpace(text, open + 1);
  while (text[i] !== '}') {
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const start = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, start);
    members.set(key, { start, end });
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return { open, close: i, members };
}
