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
  for (let i = 0; i < count; i++) out.push(generate(schema, random, 0));
  return out;
}

type Random = () => number;


function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

function generate(schema: Json, random: Random, depth: number): Json {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema) || depth > 6) return pick(random, [null, 1, 'a', true]);
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && random() < 0.8) return pick(random, schema.enum);
  if ('const' in schema && random() < 0.8) return schema.const;
  if (Array.isArray(schema.anyOf) && schema.anyOf.length > 0) return generate(pick(random, schema.anyOf), random, depth + 1);
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : ['object', 'array', 'string', 'number', 'boolean', 'null'];
  switch (pick(random, types)) {
    case 'object':
      return object(schema, random, depth);
    case 'array': {
      const length = Math.floor(random() * 4);
      return Array.from({ length }, () => generate(schema.items ?? {}, random, depth + 1));
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

function object(schema: JsonObject, random: Random, depth: number): Json {
  const properties = (schema.properties as JsonObject | undefined) ?? {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const out: JsonObject = {};
  for (const [name, sub] of Object.entries(properties)) {
    if (required.has(name) || random() < 0.6) out[name] = generate(sub, random, depth + 1);
  }
  return out;
}

function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
