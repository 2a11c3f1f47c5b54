import type { Json, JsonObject } from '../snapshot/model.js';

const canonicalCache = new WeakMap<object, string>();

/** A canonical string for a JSON value (object keys sorted), memoised per object: equal values give equal strings. */
export function canonical(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const cached = canonicalCache.get(value);
  if (cached !== undefined) return cached;
  const text = Array.isArray(value)
    ? `[${value.map((item) => canonical(item)).join(',')}]`
    : `{${Object.keys(value)
        .sort()
        .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
        .join(',')}}`;
  canonicalCache.set(value, text);
  return text;
}

/** Structural equality of JSON values, object key order ignored: the same verdict as comparing `canonical` strings, without building them. */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) if (!Object.hasOwn(b, key) || !sameJson(a[key], b[key])) return false;
  return true;
}

/**
 * A member of a JSON object, or undefined when the object has no such member of its own: keys come
 * from servers, and `obj[key]` for `constructor` or `toString` would find Object.prototype's.
 */
export function own(object: Readonly<Record<string, Json | undefined>>, key: string): Json | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/**
 * A copy of a JSON object with no prototype: keys come from servers, and on an ordinary object
 * assigning `__proto__` replaces the prototype instead of adding a member, and `in` finds
 * `constructor` or `toString` on any object.
 */
export function dict(source?: Readonly<Record<string, Json | undefined>>): JsonObject {
  const out = Object.create(null) as JsonObject;
  if (source) for (const key of Object.keys(source)) if (source[key] !== undefined) out[key] = source[key] as Json;
  return out;
}

/** Whether a JSON object has a member of its own (never one inherited from Object.prototype). */
export function has(object: Readonly<Record<string, Json | undefined>>, key: string): boolean {
  return Object.hasOwn(object, key);
}

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One RFC 6901 reference token. */
export function token(key: string | number): string {
  return `/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

const refCache = new WeakMap<object, boolean>();

/** Whether a subtree holds a `$ref` anywhere: equal text then does not mean equal meaning, since the targets may differ. */
export function containsRef(value: Json | undefined): boolean {
  if (value === null || typeof value !== 'object') return false;
  const cached = refCache.get(value);
  if (cached !== undefined) return cached;
  const result = Array.isArray(value)
    ? value.some(containsRef)
    : '$ref' in value || '$dynamicRef' in value || '$recursiveRef' in value || Object.values(value).some(containsRef);
  refCache.set(value, result);
  return result;
}

const UNORDERED = new Set(['anyOf', 'oneOf', 'allOf', 'required', 'enum', 'type']);
const orderFreeCache = new WeakMap<object, string>();

/** Like `canonical`, but blind to the order of union branches, `required`, `enum` and `type`, which carries no meaning. */
export function orderFreeCanonical(value: Json | undefined, key = ''): string {
  if (value === undefined || value === null || typeof value !== 'object') return canonical(value);
  if (Array.isArray(value)) {
    const items = value.map((item) => orderFreeCanonical(item));
    return `[${(UNORDERED.has(key) ? items.sort() : items).join(',')}]`;
  }
  const cached = orderFreeCache.get(value);
  if (cached !== undefined) return cached;
  const text = `{${Object.keys(value)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${orderFreeCanonical(value[k], k)}`)
    .join(',')}}`;
  orderFreeCache.set(value, text);
  return text;
}

/** The JSON Schema type of a value: `integer` for whole numbers, `number` for the rest. */
export function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** Whether a set of JSON Schema types admits values of `type`: `number` covers `integer`. */
export function coversType(types: ReadonlySet<string>, type: string): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** Whether a set of JSON Schema types admits `value`. */
export function typeAccepts(types: ReadonlySet<string>, value: Json): boolean {
  return coversType(types, jsonType(value));
}

/**
 * A cache of values computed per union as written (its branch list) and per document (the root
 * its `$ref`s resolve against): a node is normalised each time it is compared, so the same union
 * is asked about again and again.
 */
export type UnionCache<T> = WeakMap<Json[], WeakMap<object, { value: T }>>;

/** `compute()` for this union and document, computed once; a document that is not an object is not cached. */
export function oncePerUnion<T>(cache: UnionCache<T>, branches: Json[], root: Json, compute: () => T): T {
  if (root === null || typeof root !== 'object') return compute();
  let byRoot = cache.get(branches);
  if (!byRoot) cache.set(branches, (byRoot = new WeakMap()));
  let entry = byRoot.get(root);
  if (!entry) byRoot.set(root, (entry = { value: compute() }));
  return entry.value;
}
