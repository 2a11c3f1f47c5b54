/**
 * What JSON.parse accepts but a file of this project may not have: a key written twice in one
 * object (`{"name": "a", "name": "b"}`, which JSON.parse reads as `"b"`, silently), and nesting
 * deeper than the code that walks values recursively can follow.
 *
 * scanJson finds either in one pass over the text, with the place (offsets, pointer). A large
 * snapshot takes checkParsedJson instead, which proves neither is there from the parsed values and
 * a count of the text's colons (both native-speed work), and scans only a text that fails the proof:
 * a character-by-character pass in JavaScript costs several times JSON.parse itself.
 */
import { UserError } from '../errors.js';
import { lineAndColumn } from './json-syntax.js';
import { shownTokens, shownValue } from './shown-text.js';

export interface JsonScanOptions {
  /** The deepest nesting of arrays and objects allowed (the document itself is level 1). */
  maxDepth?: number;
  /** Skip `//` and `/* *\/` comments (JSONC, e.g. VS Code's mcp.json); trailing commas are always let through. */
  comments?: boolean;
}

export interface DuplicateKey {
  key: string;
  /** Offsets of the opening quotes of the first and the repeated key. */
  firstOffset: number;
  offset: number;
  /** Reference tokens of the object holding both (unescaped; [] for the document itself). */
  path: string[];
}

export interface TooDeep {
  /** Offset of the first array or object nested deeper than maxDepth. */
  offset: number;
  /** Reference tokens of that value. */
  path: string[];
}

export type JsonScanProblem = ({ kind: 'duplicate-key' } & DuplicateKey) | ({ kind: 'too-deep' } & TooDeep);

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SLASH = 0x2f;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;
/** Past this many keys, an object's keys are also kept in a Set: a long object is not compared key by key. */
const LINEAR_KEYS = 16;

/**
 * The first duplicate key or too-deep value of `text`, a JSON (or, with `comments`, JSONC) document
 * that JSON.parse accepted; undefined when there is neither. On a text that is not JSON the answer
 * is unspecified (it never throws for a string, and never loops forever).
 */
export function scanJson(text: string, options: JsonScanOptions = {}): JsonScanProblem | undefined {
  const maxDepth = options.maxDepth ?? Number.MAX_SAFE_INTEGER;
  const comments = options.comments === true;
  const length = text.length;
  // Per open container (index = depth - 1): whether it is an object, the key or index it is at,
  // and where its keys start in the flat key arrays below.
  let capacity = 64;
  let isObject = new Uint8Array(capacity);
  let memberKey = new Int32Array(capacity); // offset of the current key's quote, or -1 before the first
  let arrayIndex = new Int32Array(capacity);
  let keysFrom = new Int32Array(capacity);
  let keySets: Array<Set<string> | undefined> = [];
  // Every key of every open object: offset of its quote, its end, a hash of its characters.
  let keyCapacity = 256;
  let keyStart = new Int32Array(keyCapacity);
  let keyEnd = new Int32Array(keyCapacity);
  let keyHash = new Int32Array(keyCapacity);
  let keyCount = 0;
  let depth = 0;
  let expectKey = false;

  const path = (levels: number): string[] => {
    const tokens: string[] = [];
    for (let level = 0; level < levels; level++) tokens.push(isObject[level] === 1 ? keyText(text, memberKey[level] as number) : String(arrayIndex[level]));
    return tokens;
  };

  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) {
      if (!expectKey) {
        i = stringEnd(text, i);
        continue;
      }
      // A key: hash it while finding its end; a key with escapes is hashed as it reads.
      let hash = 0;
      let j = i + 1;
      let escaped = false;
      for (; j < length; j++) {
        const c = text.charCodeAt(j);
        if (c === QUOTE) break;
        if (c === BACKSLASH) {
          escaped = true;
          j = stringEnd(text, i) - 1;
          break;
        }
        hash = (Math.imul(hash, 31) + c) | 0;
      }
      const end = j + 1;
      if (escaped) hash = hashOf(keyText(text, i));
      const level = depth - 1;
      const from = keysFrom[level] as number;
      const count = keyCount - from;
      let set = keySets[level];
      if (set === undefined && count >= LINEAR_KEYS) {
        set = new Set<string>();
        for (let k = from; k < keyCount; k++) set.add(keyText(text, keyStart[k] as number));
        keySets[level] = set;
      }
      if (set !== undefined) {
        const key = keyText(text, i);
        if (set.has(key)) {
          for (let k = from; k < keyCount; k++) {
            if (keyText(text, keyStart[k] as number) === key) return { kind: 'duplicate-key', key, firstOffset: keyStart[k] as number, offset: i, path: path(level) };
          }
        }
        set.add(key);
      } else {
        for (let k = from; k < keyCount; k++) {
          if (keyHash[k] === hash && sameKey(text, keyStart[k] as number, keyEnd[k] as number, i, end)) {
            return { kind: 'duplicate-key', key: keyText(text, i), firstOffset: keyStart[k] as number, offset: i, path: path(level) };
          }
        }
      }
      if (keyCount === keyCapacity) {
        keyCapacity *= 2;
        keyStart = grow(keyStart, keyCapacity);
        keyEnd = grow(keyEnd, keyCapacity);
        keyHash = grow(keyHash, keyCapacity);
      }
      keyStart[keyCount] = i;
      keyEnd[keyCount] = end;
      keyHash[keyCount] = hash;
      keyCount++;
      memberKey[level] = i;
      expectKey = false;
      i = end;
      continue;
    }
    if (code === OPEN_OBJECT || code === OPEN_ARRAY) {
      if (depth >= maxDepth) return { kind: 'too-deep', offset: i, path: path(depth) };
      if (depth === capacity) {
        capacity *= 2;
        isObject = grow(isObject, capacity);
        memberKey = grow(memberKey, capacity);
        arrayIndex = grow(arrayIndex, capacity);
        keysFrom = grow(keysFrom, capacity);
      }
      const object = code === OPEN_OBJECT;
      isObject[depth] = object ? 1 : 0;
      memberKey[depth] = -1;
      arrayIndex[depth] = 0;
      keysFrom[depth] = keyCount;
      keySets[depth] = undefined;
      depth++;
      expectKey = object;
      i++;
      continue;
    }
    if (code === CLOSE_OBJECT || code === CLOSE_ARRAY) {
      if (depth > 0) {
        depth--;
        keyCount = keysFrom[depth] as number;
        keySets[depth] = undefined;
      }
      expectKey = false;
      i++;
      continue;
    }
    if (code === COMMA) {
      if (depth > 0) {
        if (isObject[depth - 1] === 1) expectKey = true;
        else arrayIndex[depth - 1]++;
      }
      i++;
      continue;
    }
    if (code === SLASH && comments) {
      i = commentEnd(text, i);
      continue;
    }
    if (code === COLON) expectKey = false;
    i++;
  }
  return undefined;
}

/**
 * scanJson for a document JSON.parse has just read from `text`, fast in the usual case: one walk of
 * the parsed values proves there is no duplicate key and no nesting beyond maxDepth, and only a
 * document that fails the proof is scanned, to say where. The proof counts keys: JSON.parse keeps
 * one member per key, so the document has no duplicate when it has as many keys as the text. The
 * text's keys are its colons outside strings: every colon of the text, less those inside strings,
 * which are the colons of the parsed strings when no string spells one as an escape (`\u003a`).
 */
export function checkParsedJson(text: string, document: unknown, options: { maxDepth: number }): JsonScanProblem | undefined {
  const walked = walkParsed(document, options.maxDepth);
  if (!walked.tooDeep && !ESCAPED_COLON.test(text) && colonsIn(text) - walked.colons === walked.keys) return undefined;
  return scanJson(text, options);
}

const ESCAPED_COLON = /u003a/i;

/** Keys of all objects, colons in all keys and strings, and whether a value is nested deeper than maxDepth. */
function walkParsed(document: unknown, maxDepth: number): { keys: number; colons: number; tooDeep: boolean } {
  let keys = 0;
  let colons = 0;
  const values: object[] = [];
  const depths: number[] = [];
  if (typeof document === 'string') colons += colonsIn(document);
  else if (document !== null && typeof document === 'object') {
    values.push(document);
    depths.push(1);
  }
  while (values.length > 0) {
    const value = values.pop() as object;
    const depth = depths.pop() as number;
    if (depth > maxDepth) return { keys, colons, tooDeep: true };
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const member: unknown = value[index];
        if (typeof member === 'string') {
          if (member.indexOf(':') !== -1) colons += colonsIn(member);
        } else if (member !== null && typeof member === 'object') {
          values.push(member);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    const record = value as Record<string, unknown>;
    for (const key in record) {
      keys++;
      if (key.indexOf(':') !== -1) colons += colonsIn(key);
      const member = record[key];
      if (typeof member === 'string') {
        if (member.indexOf(':') !== -1) colons += colonsIn(member);
      } else if (member !== null && typeof member === 'object') {
        values.push(member);
        depths.push(depth + 1);
      }
    }
  }
  return { keys, colons, tooDeep: false };
}

/**
 * The path to the first array or object nested deeper than `maxDepth` levels in `value` (itself
 * level 1), or undefined. A loop, not recursion: a value from JSON.parse may be 100,000 levels deep,
 * and JSON.stringify, the canonical form and the masking would all overflow the stack on it. A
 * walk that allocates nothing per value rules most values out; only a value that fails it is walked
 * again with a frame per container, to name the place.
 */
export function firstTooDeep(value: unknown, maxDepth: number): string[] | undefined {
  if (!nestedDeeperThan(value, maxDepth)) return undefined;
  interface Frame {
    value: unknown;
    depth: number;
    key?: string;
    parent?: Frame;
  }
  const stack: Frame[] = [{ value, depth: 1 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.value === null || typeof frame.value !== 'object') continue;
    if (frame.depth > maxDepth) {
      const path: string[] = [];
      for (let at: Frame | undefined = frame; at?.key !== undefined; at = at.parent) path.push(at.key);
      return path.reverse();
    }
    const container = frame.value as Record<string, unknown>;
    const keys = Array.isArray(container) ? container.map((_, index) => String(index)) : Object.keys(container);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index] as string;
      const member = container[key];
      if (member !== null && typeof member === 'object') stack.push({ value: member, depth: frame.depth + 1, key, parent: frame });
    }
  }
  return undefined;
}

/** Whether some array or object of `value` is nested deeper than `maxDepth` levels: no recursion, nothing allocated per value. */
function nestedDeeperThan(value: unknown, maxDepth: number): boolean {
  if (value === null || typeof value !== 'object') return false;
  const values: object[] = [value];
  const depths: number[] = [1];
  for (let container = values.pop(); container !== undefined; container = values.pop()) {
    const depth = depths.pop() as number;
    if (depth > maxDepth) return true;
    const members = Array.isArray(container) ? container : Object.values(container);
    for (const member of members) {
      if (member !== null && typeof member === 'object') {
        values.push(member);
        depths.push(depth + 1);
      }
    }
  }
  return false;
}

function colonsIn(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/** The offset just past the string whose opening quote is at `start` (the text's length if it never closes). */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

function commentEnd(text: string, start: number): number {
  const next = text.charCodeAt(start + 1);
  if (next === SLASH) {
    const newline = text.indexOf('\n', start);
    return newline === -1 ? text.length : newline;
  }
  if (next === 0x2a /* * */) {
    const close = text.indexOf('*/', start + 2);
    return close === -1 ? text.length : close + 2;
  }
  return start + 1;
}

/** The key whose quote is at `start`, as JSON reads it (escapes decoded). */
function keyText(text: string, start: number): string {
  const raw = text.slice(start, stringEnd(text, start));
  if (!raw.includes('\\')) return raw.slice(1, -1);
  try {
    return JSON.parse(raw) as string;
  } catch {
    return raw.slice(1, -1);
  }
}

function sameKey(text: string, startA: number, endA: number, startB: number, endB: number): boolean {
  if (endA - startA === endB - startB) {
    let same = true;
    for (let k = 1; k < endA - startA - 1; k++) {
      if (text.charCodeAt(startA + k) !== text.charCodeAt(startB + k)) {
        same = false;
        break;
      }
    }
    if (same) return true;
  }
  // Escapes can spell one key two ways ("a" and "\u0061"): compare what JSON reads.
  const escaped = text.slice(startA, endA).includes('\\') || text.slice(startB, endB).includes('\\');
  return escaped && keyText(text, startA) === keyText(text, startB);
}

function hashOf(key: string): number {
  let hash = 0;
  for (let k = 0; k < key.length; k++) hash = (Math.imul(hash, 31) + key.charCodeAt(k)) | 0;
  return hash;
}

function grow<T extends Int32Array | Uint8Array>(array: T, capacity: number): T {
  const larger = new (array.constructor as new (length: number) => T)(capacity);
  larger.set(array);
  return larger;
}

/**
 * `the key "name" appears twice in the object at /tools/0 (line 12, column 7, and line 14, column 7);
 * JSON would keep only the last one`: what to say about a duplicate key, shown safely.
 */
export function describeDuplicateKey(text: string, duplicate: DuplicateKey): string {
  const first = lineAndColumn(text, duplicate.firstOffset);
  const second = lineAndColumn(text, duplicate.offset);
  return `the key ${shownValue(duplicate.key)} appears twice in the object at ${shownTokens(duplicate.path)} (line ${first.line}, column ${first.column}, and line ${second.line}, column ${second.column}); JSON would keep only the last one`;
}

/** describeDuplicateKey of the first duplicate key of a JSON (or JSONC) text, or undefined when there is none. */
export function duplicateKeyProblem(text: string, options: { comments?: boolean } = {}): string | undefined {
  const found = scanJson(text, options);
  return found?.kind === 'duplicate-key' ? describeDuplicateKey(text, found) : undefined;
}

/**
 * Throws a UserError when a JSON (or JSONC) text has a key twice in one object; `message` turns the
 * problem (`the key "x" appears twice ...`) into the one line to show, naming the file.
 */
export function assertNoDuplicateKeys(text: string, message: (problem: string) => string, options: { comments?: boolean } = {}): void {
  const problem = duplicateKeyProblem(text, options);
  if (problem !== undefined) throw new UserError(message(problem));
}
