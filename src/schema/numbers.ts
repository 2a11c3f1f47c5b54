import type { JsonObject } from '../snapshot/model.js';
import type { At, Emitter } from './compare.js';

interface Bound {
  /** The bound as compared: for integers, the least (greatest) integer it admits, inclusive. */
  value: number;
  exclusive: boolean;
  keyword: string;
  /** The bound as written, for messages. */
  written: number;
  writtenExclusive: boolean;
}

function lowerBound(node: JsonObject, integers: boolean): Bound | undefined {
  const inclusive = typeof node.minimum === 'number' ? node.minimum : undefined;
  const exclusive = typeof node.exclusiveMinimum === 'number' ? node.exclusiveMinimum : undefined;
  if (inclusive === undefined && exclusive === undefined) return undefined;
  const bound: Bound =
    exclusive !== undefined && (inclusive === undefined || exclusive >= inclusive)
      ? { value: exclusive, exclusive: true, keyword: 'exclusiveMinimum', written: exclusive, writtenExclusive: true }
      : { value: inclusive as number, exclusive: false, keyword: 'minimum', written: inclusive as number, writtenExclusive: false };
  if (integers) {
    // `exclusiveMinimum: 0` and `minimum: 1` (or `minimum: 0.5`) admit the same integers. Past
    // 2^53 the arithmetic is not exact: such bounds stay as written.
    const least = bound.exclusive ? Math.floor(bound.value) + 1 : Math.ceil(bound.value);
    // zod's -(2^53-1), however spelled, is dropped like the inclusive one (normalize.ts).
    if (least === -Number.MAX_SAFE_INTEGER) return undefined;
    if (Number.isSafeInteger(least)) return { ...bound, value: least, exclusive: false };
  }
  return bound;
}

function upperBound(node: JsonObject, integers: boolean): Bound | undefined {
  const inclusive = typeof node.maximum === 'number' ? node.maximum : undefined;
  const exclusive = typeof node.exclusiveMaximum === 'number' ? node.exclusiveMaximum : undefined;
  if (inclusive === undefined && exclusive === undefined) return undefined;
  const bound: Bound =
    exclusive !== undefined && (inclusive === undefined || exclusive <= inclusive)
      ? { value: exclusive, exclusive: true, keyword: 'exclusiveMaximum', written: exclusive, writtenExclusive: true }
      : { value: inclusive as number, exclusive: false, keyword: 'maximum', written: inclusive as number, writtenExclusive: false };
  if (integers) {
    const greatest = bound.exclusive ? Math.ceil(bound.value) - 1 : Math.floor(bound.value);
    if (greatest === Number.MAX_SAFE_INTEGER) return undefined;
    if (Number.isSafeInteger(greatest)) return { ...bound, value: greatest, exclusive: false };
  }
  return bound;
}

/** -1: `a` admits less than `b` on this side; 1: more; 0: the same. Missing bounds are infinite. */
function compareLower(a: Bound | undefined, b: Bound | undefined): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  if (a.value !== b.value) return a.value > b.value ? -1 : 1;
  if (a.exclusive === b.exclusive) return 0;
  return a.exclusive ? -1 : 1;
}

function compareUpper(a: Bound | undefined, b: Bound | undefined): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  if (a.exclusive === b.exclusive) return 0;
  return a.exclusive ? -1 : 1;
}

/** Whether the values at stake are integers only: one side admits no other number. */
function integersOnly(before: JsonObject, after: JsonObject): boolean {
  const integerOnly = (node: JsonObject) => Array.isArray(node.type) && node.type.includes('integer') && !node.type.includes('number');
  return integerOnly(before) || integerOnly(after);
}

function pointerOf(at: At, bound: Bound | undefined, fallback: string): string {
  return `${at.pointer}/${bound?.keyword ?? fallback}`;
}

function show(bound: Bound | undefined): number | null {
  return bound ? bound.written : null;
}

/** minimum/exclusiveMinimum and maximum/exclusiveMaximum, in both their spellings (draft-04 booleans are folded earlier). */
export function compareBounds(emitter: Emitter, before: JsonObject, after: JsonObject, at: At): void {
  const integers = integersOnly(before, after);
  const lowBefore = lowerBound(before, integers);
  const lowAfter = lowerBound(after, integers);
  const low = compareLower(lowAfter, lowBefore);
  if (low !== 0) {
    const where = { pointer: pointerOf(at, lowAfter ?? lowBefore, 'minimum'), path: at.path };
    const params = { exclusiveBefore: lowBefore?.writtenExclusive ?? false, exclusiveAfter: lowAfter?.writtenExclusive ?? false };
    emitter.emit(low < 0 ? 'minimum-increased' : 'minimum-decreased', where, show(lowBefore), show(lowAfter), params);
  }
  const highBefore = upperBound(before, integers);
  const highAfter = upperBound(after, integers);
  const high = compareUpper(highAfter, highBefore);
  if (high !== 0) {
    const where = { pointer: pointerOf(at, highAfter ?? highBefore, 'maximum'), path: at.path };
    const params = { exclusiveBefore: highBefore?.writtenExclusive ?? false, exclusiveAfter: highAfter?.writtenExclusive ?? false };
    emitter.emit(high < 0 ? 'maximum-decreased' : 'maximum-increased', where, show(highBefore), show(highAfter), params);
  }
}

/** x is a multiple of m2 for every multiple x of m1 exactly when m1 is an integer multiple of m2. */
function isMultiple(value: number, of: number): boolean {
  const ratio = value / of;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

export function compareMultipleOf(emitter: Emitter, before: JsonObject, after: JsonObject, at: At): void {
  const was = typeof before.multipleOf === 'number' ? before.multipleOf : undefined;
  const now = typeof after.multipleOf === 'number' ? after.multipleOf : undefined;
  if (was === now) return;
  const where = { pointer: `${at.pointer}/multipleOf`, path: at.path };
  if (was === undefined) emitter.emit('multiple-of-added', where, undefined, now);
  else if (now === undefined) emitter.emit('multiple-of-removed', where, was, undefined);
  else if (isMultiple(now, was)) emitter.emit('multiple-of-tightened', where, was, now);
  else if (isMultiple(was, now)) emitter.emit('multiple-of-loosened', where, was, now);
  else emitter.emit('multiple-of-changed', where, was, now, { reason: `multiples of ${was} and of ${now} are different sets, neither containing the other` });
}

const COUNT_ASPECTS: Record<string, string> = {
  minLength: 'min-length',
  maxLength: 'max-length',
  minItems: 'min-items',
  maxItems: 'max-items',
  minProperties: 'min-properties',
  maxProperties: 'max-properties',
  minContains: 'min-contains',
  maxContains: 'max-contains',
};

/** A lower (`min`) or upper (`max`) count bound: lengths, item and property counts. */
export function compareCount(emitter: Emitter, before: JsonObject, after: JsonObject, at: At, keyword: string, kind: 'min' | 'max'): void {
  const was = typeof before[keyword] === 'number' ? (before[keyword] as number) : undefined;
  const now = typeof after[keyword] === 'number' ? (after[keyword] as number) : undefined;
  const effectiveWas = was ?? (kind === 'min' ? 0 : Infinity);
  const effectiveNow = now ?? (kind === 'min' ? 0 : Infinity);
  if (effectiveWas === effectiveNow) return;
  const aspect = `${COUNT_ASPECTS[keyword]}-${effectiveNow > effectiveWas ? 'increased' : 'decreased'}`;
  emitter.emit(aspect, { pointer: `${at.pointer}/${keyword}`, path: at.path }, was ?? null, now ?? null);
}
