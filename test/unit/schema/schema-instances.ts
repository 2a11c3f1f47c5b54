import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { NUMBERS, STRINGS } from './schema-arbitraries.js';

/**
 * Instances shaped by a schema: objects with its declared (and required) properties, arrays of
 * its items, strings and numbers near its bounds, its enum values. Random JSON rarely reaches a
 * property three levels down with the right shape; these do, so the property tests can find a
 * witness for a change deep inside a schema. Deterministic for a seed.
 */
export function instancesFor(schema: Json, count: number, seed: number): Json[] {
  const random = mulberry32(seed);
  const out: Json[] = [];
  for (let i = 0; i < count; i++) out.push(generate(schema, random, 0, schema));
  return out;
}

/** A local `$ref` (`#/$defs/x`, any JSON Pointer into the root) resolved, or undefined. */
function resolve(root: Json, ref: string): Json | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (node !== null && typeof node === 'object' && Object.hasOwn(node, key)) node = node[key];
    else return undefined;
  }
  return node;
}

export type Random = () => number;


function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function generate(schema: Json, random: Random, depth: number, root: Json): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || depth > 6) return pick(random, [null, 1, 'a', true]);
  if (typeof schema.$ref === 'string' && random() < 0.9) {
    const target = resolve(root, schema.$ref);
    if (target !== undefined) return generate(target, random, depth + 1, root);
  }
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && random() < 0.8) return pick(random, schema.enum);
  if (Object.hasOwn(schema, 'const') && random() < 0.8) return schema.const as Json;
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (Array.isArray(branches) && branches.length > 0 && random() < 0.85) return generate(pick(random, branches), random, depth + 1, root);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0 && random() < 0.85) {
    // Instances of each part, objects merged: what every part declares, together.
    const parts = schema.allOf.map((part) => generate(part, random, depth + 1, root));
    if (parts.every((part) => part !== null && typeof part === 'object' && !Array.isArray(part))) {
      const merged: JsonObject = {};
      for (const part of parts as JsonObject[]) for (const key of Object.keys(part)) member(merged, key, part[key] as Json);
      return merged;
    }
    return pick(random, parts);
  }
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : ['object', 'array', 'string', 'number', 'boolean', 'null'];
  switch (pick(random, types)) {
    case 'object':
      return object(schema, random, depth, root);
    case 'array': {
      const length = Math.floor(random() * 4);
      return Array.from({ length }, () => generate(schema.items ?? {}, random, depth + 1, root));
    }
    case 'string':
      return pick(random, STRINGS);
    case 'integer':
      return Math.round(pick(random, numbersNear(schema)));
    case 'number':
      return pick(random, numbersNear(schema));
    case 'boolean':
      return random() < 0.5;
    default:
      return null;
  }
}

function numbersNear(schema: JsonObject): number[] {
  const bounds = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].map((k) => schema[k]).filter((v): v is number => typeof v === 'number');
  return [...NUMBERS, ...bounds.flatMap((b) => [b - 1, b - 0.5, b, b + 0.5, b + 1])];
}

function object(schema: JsonObject, random: Random, depth: number, root: Json): Json {
  const properties = (schema.properties as JsonObject | undefined) ?? {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const out: JsonObject = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (required.has(name) || random() < 0.6) member(out, name, generate(sub, random, depth + 1, root));
  }
  if (schema.additionalProperties !== undefined && schema.additionalProperties !== false && random() < 0.3) out.extra = generate(schema.additionalProperties, random, depth + 1, root);
  return out;
}

/** Sets a member as JSON.parse does: a key named `__proto__` becomes an own member, not the prototype. */
function member(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A seeded PRNG (mulberry32): the same seed gives the same instances. */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
