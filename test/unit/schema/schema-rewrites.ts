import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { schema as arbitrarySchema } from './schema-arbitraries.js';
import { mulberry32, type Random } from './schema-instances.js';

/**
 * Rewrites that change how a schema is spelled but not which values it accepts: the refactors
 * schema libraries and code generators ship (zod 3 -> zod 4 above all). Each is applied at a
 * random place of a real tool schema (fixtures/real-servers, every inputSchema/outputSchema,
 * some of their leaves made into enums and unions so every class has somewhere to apply) or of
 * a generated one. Deterministic for a seed. Used by the refactor-equivalence property test and
 * by scripts/measure-false-alarms.ts.
 */

export const REWRITE_CLASSES = [
  'enum-as-const-union',
  'enum-split-through-ref',
  'nested-union',
  'nested-union-through-ref',
  'allof-split',
  'no-op-keywords',
  'integer-bound-spelling',
  'disjoint-anyof-as-oneof',
] as const;

/**
 * Rewrites into unions whose branches together accept what the schema accepted, and the
 * spellings around them: a type list as single-type branches, an enum (of the schema or of one
 * property) split across branches, zod's nullable literals, `multipleOf: 1` for integers,
 * `unevaluatedProperties` for `additionalProperties`. A separate corpus (its own leaves, see
 * `enrichForUnions`), so the figures measured on the one above stay comparable.
 */
export const UNION_REWRITE_CLASSES = [
  'type-list-as-union',
  'enum-split-across-branches',
  'property-enum-split-across-branches',
  'nullable-literals-as-union',
  'integer-as-multiple-of-one',
  'unevaluated-properties',
] as const;
export type RewriteClass = (typeof REWRITE_CLASSES)[number] | (typeof UNION_REWRITE_CLASSES)[number];

export interface RewritePair {
  rewrite: RewriteClass;
  /** A second rewrite applied on top of the first (one pair in five), to catch interactions. */
  then?: RewriteClass;
  /** Where the base schema came from: `memory/2025.9.25.json create_entities input`, `generated #12`. */
  source: string;
  before: JsonObject;
  after: JsonObject;
}

function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Every tool schema of the raw captures of published servers. */
export function realToolSchemas(): Array<{ source: string; schema: JsonObject }> {
  const root = new URL('../../../fixtures/real-servers/', import.meta.url);
  const out: Array<{ source: string; schema: JsonObject }> = [];
  for (const server of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()) {
    for (const file of readdirSync(new URL(`${server}/`, root)).filter((name) => name.endsWith('.json')).sort()) {
      const capture = JSON.parse(readFileSync(new URL(`${server}/${file}`, root), 'utf8')) as JsonObject;
      for (const tool of Array.isArray(capture.tools) ? capture.tools.filter(isObject) : []) {
        for (const key of ['inputSchema', 'outputSchema'] as const) {
          const schema = tool[key];
          if (isObject(schema)) out.push({ source: `${server}/${file} ${String(tool.name)} ${key === 'inputSchema' ? 'input' : 'output'}`, schema });
        }
      }
    }
  }
  return out;
}

/** A place in a schema: the path of keys from the root, and the sub-schema there. */
interface Place {
  path: Array<string | number>;
  node: JsonObject;
}

/** Every sub-schema reachable through properties, items, additionalProperties and union/allOf branches (not $defs). */
function places(root: JsonObject): Place[] {
  const out: Place[] = [];
  const visit = (node: Json | undefined, path: Array<string | number>, depth: number) => {
    if (!isObject(node) || depth > 12) return;
    out.push({ path, node });
    if (isObject(node.properties)) for (const name of Object.keys(node.properties)) visit(node.properties[name], [...path, 'properties', name], depth + 1);
    if (isObject(node.items)) visit(node.items, [...path, 'items'], depth + 1);
    if (isObject(node.additionalProperties)) visit(node.additionalProperties, [...path, 'additionalProperties'], depth + 1);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const branches = node[key];
      if (Array.isArray(branches)) branches.forEach((branch, index) => visit(branch, [...path, key, index], depth + 1));
    }
  };
  visit(root, [], 0);
  return out;
}

function replaceAt(root: JsonObject, path: Array<string | number>, next: JsonObject): JsonObject {
  if (path.length === 0) return next;
  const copy = structuredClone(root);
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
  (node as Record<string | number, Json>)[path[path.length - 1]] = next;
  return copy;
}

/** Adds a definition to the root's `$defs` under a fresh name; returns the new root and the `$ref`. */
function define(root: JsonObject, schema: Json): { root: JsonObject; ref: string } {
  const defs = isObject(root.$defs) ? root.$defs : {};
  let index = 0;
  while (Object.hasOwn(defs, `R${index}`)) index++;
  return { root: { ...root, $defs: { ...defs, [`R${index}`]: schema } }, ref: `#/$defs/R${index}` };
}

function jsonType(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

const types = (node: JsonObject): string[] => (Array.isArray(node.type) ? node.type.map(String) : typeof node.type === 'string' ? [node.type] : []);

/** An enum whose values the sibling `type` (if any) all admit, so dropping or keeping that `type` changes nothing. */
function cleanEnum(node: JsonObject): Json[] | undefined {
  if (!Array.isArray(node.enum) || node.enum.length === 0) return undefined;
  const allowed = types(node);
  if (allowed.length > 0 && !node.enum.every((value) => allowed.includes(jsonType(value)) || (jsonType(value) === 'integer' && allowed.includes('number')))) return undefined;
  return node.enum;
}

function without(node: JsonObject, ...keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) if (!keys.includes(key)) out[key] = value;
  return out;
}

/** Whether the branches of a union can never both match, by construction: distinct types, distinct constants, or a distinct required tag. */
function disjointByConstruction(branches: Json[]): boolean {
  const objects = branches.filter(isObject);
  if (objects.length !== branches.length || objects.length < 2) return false;
  const typeSets = objects.map((branch) => (Array.isArray(branch.enum) ? branch.enum.map(jsonType) : types(branch)).map((t) => (t === 'integer' ? 'number' : t)));
  if (typeSets.every((set) => set.length > 0)) {
    const all = typeSets.flat();
    if (new Set(all).size === all.length) return true;
  }
  const constants = objects.map((branch) => (Object.hasOwn(branch, 'const') ? [branch.const] : Array.isArray(branch.enum) ? branch.enum : undefined));
  if (constants.every((values) => values !== undefined)) {
    const keys = constants.flat().map((value) => JSON.stringify(value));
    if (new Set(keys).size === keys.length) return true;
  }
  const tags = objects.map((branch) => {
    if (!types(branch).every((t) => t === 'object') || types(branch).length === 0 || !isObject(branch.properties)) return undefined;
    const tag = branch.properties.kind;
    const required = Array.isArray(branch.required) && branch.required.includes('kind');
    return required && isObject(tag) && Object.hasOwn(tag, 'const') ? JSON.stringify(tag.const) : undefined;
  });
  return tags.every((tag) => tag !== undefined) && new Set(tags).size === tags.length;
}

type Rewriter = (root: JsonObject, random: Random) => JsonObject | undefined;

function at(root: JsonObject, random: Random, fits: (node: JsonObject) => boolean, change: (node: JsonObject, root: JsonObject) => { node: JsonObject; root?: JsonObject } | undefined): JsonObject | undefined {
  const candidates = places(root).filter((place) => fits(place.node));
  if (candidates.length === 0) return undefined;
  const place = pick(random, candidates);
  const result = change(place.node, root);
  if (!result) return undefined;
  // Rewriting the root itself: the definitions just added go with it.
  if (place.path.length === 0 && result.root) return { ...result.node, $defs: result.root.$defs as Json };
  return replaceAt(result.root ?? root, place.path, result.node);
}

const REWRITERS: Record<RewriteClass, Rewriter> = {
  // `enum: [a, b]` <-> `anyOf`/`oneOf` of `{const}` branches, each with or without a `type`, the sibling `type` kept or dropped.
  'enum-as-const-union': (root, random) =>
    at(root, random, (node) => cleanEnum(node) !== undefined, (node) => {
      const values = cleanEnum(node) as Json[];
      const typed = random() < 0.5;
      const keyword = random() < 0.5 ? 'anyOf' : 'oneOf';
      const branches = values.map((value): JsonObject => (typed ? { type: jsonType(value), const: value } : { const: value }));
      const rest = random() < 0.5 ? without(node, 'enum') : without(node, 'enum', 'type');
      return { node: { ...rest, [keyword]: branches } };
    }),
  // `enum: [a, b, c]` -> `anyOf: [{$ref: enum [a, b]}, {const: c}]`.
  'enum-split-through-ref': (root, random) =>
    at(root, random, (node) => (cleanEnum(node)?.length ?? 0) >= 2, (node, current) => {
      const values = cleanEnum(node) as Json[];
      const cut = 1 + Math.floor(random() * (values.length - 1));
      const { root: next, ref } = define(current, { enum: values.slice(0, cut) });
      const rest = values.slice(cut).map((value) => ({ const: value }));
      return { root: next, node: { ...without(node, 'enum'), anyOf: [{ $ref: ref }, ...rest] } };
    }),
  // `anyOf: [X, Y, Z]` <-> `anyOf: [{anyOf: [X, Y]}, Z]`.
  'nested-union': (root, random) =>
    at(root, random, (node) => Array.isArray(node.anyOf) && node.anyOf.length >= 2, (node) => {
      const branches = node.anyOf as Json[];
      const cut = 1 + Math.floor(random() * (branches.length - 1));
      return { node: { ...node, anyOf: [{ anyOf: branches.slice(0, cut) }, ...branches.slice(cut)] } };
    }),
  // `anyOf: [X, Y, Z]` -> `$defs: {U: {anyOf: [X, Y]}}`, `anyOf: [{$ref: U}, Z]`: the shape of a shared union later widened.
  'nested-union-through-ref': (root, random) =>
    at(root, random, (node) => Array.isArray(node.anyOf) && node.anyOf.length >= 2 && !JSON.stringify(node.anyOf).includes('"$ref"'), (node, current) => {
      const branches = node.anyOf as Json[];
      const cut = 1 + Math.floor(random() * (branches.length - 1));
      const { root: next, ref } = define(current, { anyOf: branches.slice(0, cut) });
      return { root: next, node: { ...node, anyOf: [{ $ref: ref }, ...branches.slice(cut)] } };
    }),
  // An object's `properties`/`required` spread across `allOf` parts (a property's keywords may be split too).
  'allof-split': (root, random) =>
    at(
      root,
      random,
      (node) => isObject(node.properties) && Object.keys(node.properties).length >= 1 && !('additionalProperties' in node) && !('patternProperties' in node) && !('unevaluatedProperties' in node),
      (node) => {
        const properties = node.properties as JsonObject;
        const required = Array.isArray(node.required) ? node.required.map(String) : [];
        const parts: JsonObject[] = [{ properties: {} }, { properties: {} }];
        for (const [name, schema] of Object.entries(properties)) {
          const part = parts[random() < 0.5 ? 0 : 1].properties as JsonObject;
          const keys = isObject(schema) ? Object.keys(schema) : [];
          if (isObject(schema) && keys.length >= 2 && !keys.some((key) => key.startsWith('$')) && random() < 0.4) {
            // One property's keywords split across both parts.
            const [first, ...others] = keys;
            (parts[0].properties as JsonObject)[name] = { [first]: schema[first] };
            (parts[1].properties as JsonObject)[name] = Object.fromEntries(others.map((key) => [key, schema[key]])) as JsonObject;
          } else {
            part[name] = schema;
          }
        }
        for (const name of required) {
          const part = parts[random() < 0.5 ? 0 : 1];
          part.required = [...(Array.isArray(part.required) ? part.required : []), name];
        }
        return { node: { ...without(node, 'properties', 'required'), allOf: parts } };
      },
    ),
  // Keywords that constrain nothing, added where they apply.
  'no-op-keywords': (root, random) =>
    at(root, random, (node) => types(node).length > 0, (node) => {
      const out: JsonObject = { ...node };
      const kinds = types(node);
      if (kinds.includes('object')) {
        if (random() < 0.6) out.propertyNames = { type: 'string' };
        if (random() < 0.4 && !('minProperties' in node)) out.minProperties = 0;
        if (random() < 0.4 && !('required' in node)) out.required = [];
      }
      if (kinds.includes('string') && !('minLength' in node)) out.minLength = 0;
      if (kinds.includes('array')) {
        if (!('minItems' in node)) out.minItems = 0;
        if (!('uniqueItems' in node)) out.uniqueItems = false;
      }
      if (kinds.includes('number') || kinds.includes('integer')) {
        if (!('minimum' in node) && !('exclusiveMinimum' in node)) out.minimum = -Number.MAX_VALUE;
        if (!('maximum' in node) && !('exclusiveMaximum' in node)) out.maximum = Number.MAX_VALUE;
      }
      return Object.keys(out).length === Object.keys(node).length ? undefined : { node: out };
    }),
  // For integers, `minimum: n` <-> `exclusiveMinimum: n - 1` (and the upper bound alike).
  'integer-bound-spelling': (root, random) =>
    at(root, random, (node) => types(node).length === 1 && types(node)[0] === 'integer' && ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'].some((key) => key in node), (node) => {
      const out = { ...node };
      for (const [inclusive, exclusive, step] of [
        ['minimum', 'exclusiveMinimum', -1],
        ['maximum', 'exclusiveMaximum', 1],
      ] as const) {
        const value = node[inclusive];
        const other = node[exclusive];
        if (typeof value === 'number' && Number.isSafeInteger(value + step) && other === undefined && random() < 0.8) {
          delete out[inclusive];
          out[exclusive] = value + step;
        } else if (typeof other === 'number' && Number.isSafeInteger(other - step) && value === undefined) {
          delete out[exclusive];
          out[inclusive] = other - step;
        }
      }
      return JSON.stringify(out) === JSON.stringify(node) ? undefined : { node: out };
    }),
  // `anyOf` -> `oneOf` where no value can match two branches.
  'disjoint-anyof-as-oneof': (root, random) =>
    at(root, random, (node) => Array.isArray(node.anyOf) && disjointByConstruction(node.anyOf), (node) => ({ node: { ...without(node, 'anyOf'), oneOf: node.anyOf as Json[] } })),
  // `{type: [A, B, C], ...k}` -> `anyOf: [{type: A, ...k}, {type: B, ...k}, {type: C, ...k}]`,
  // sometimes nested (`anyOf: [{anyOf: [A, B]}, C]`), the description moved into the first branch.
  'type-list-as-union': (root, random) =>
    at(root, random, (node) => types(node).length >= 2 && !('enum' in node) && !('const' in node) && !hasApplicator(node), (node) => {
      const { outer, inner } = splitAnnotations(node, random);
      const branches: JsonObject[] = types(node).map((type) => ({ ...without(inner, 'type'), type }));
      if (random() < 0.5) moveDescription(outer, branches[0]);
      const nested = branches.length >= 3 && random() < 0.4 ? [{ anyOf: branches.slice(0, 2) }, ...branches.slice(2)] : branches;
      return { node: { ...outer, anyOf: shuffle(nested, random) } };
    }),
  // `{enum: [a, b, c], ...k}` -> `anyOf: [{enum: [a], ...k}, {enum: [b, c], ...k}]`.
  'enum-split-across-branches': (root, random) =>
    at(root, random, (node) => (cleanEnum(node)?.length ?? 0) >= 2 && !hasApplicator(node), (node) => {
      const { outer, inner } = splitAnnotations(node, random);
      const [first, second] = cutInTwo(cleanEnum(node) as Json[], random);
      return { node: { ...outer, anyOf: shuffle([{ ...inner, enum: first }, { ...inner, enum: second }], random) } };
    }),
  // An object whose property `p` has `enum: [a, b, c]` -> `anyOf` of two copies of the object, `p`
  // restricted to `[a]` in one and `[b, c]` in the other (both still accept the object without `p`).
  'property-enum-split-across-branches': (root, random) =>
    at(root, random, (node) => enumProperty(node) !== undefined && !hasApplicator(node), (node) => {
      const name = enumProperty(node) as string;
      const properties = node.properties as JsonObject;
      const property = properties[name] as JsonObject;
      const { outer, inner } = splitAnnotations(node, random);
      const [first, second] = cutInTwo(cleanEnum(property) as Json[], random);
      const copy = (values: Json[]): JsonObject => ({ ...inner, properties: { ...properties, [name]: { ...property, enum: values } } });
      return { node: { ...outer, anyOf: shuffle([copy(first), copy(second)], random) } };
    }),
  // zod-to-json-schema: `{type: [T, "null"], enum: [a, b, null]}` (a union of literals) ->
  // `anyOf: [{type: T, enum: [a, b]}, {type: "null"}]` (z.enum().nullable()), the type kept or not.
  'nullable-literals-as-union': (root, random) =>
    at(root, random, (node) => (cleanEnum(node) ?? []).includes(null) && cleanEnum(node)?.some((value) => value !== null) === true && !hasApplicator(node), (node) => {
      const { outer, inner } = splitAnnotations(node, random);
      const values = (cleanEnum(node) as Json[]).filter((value) => value !== null);
      const rest = types(node).filter((type) => type !== 'null');
      const branch: JsonObject = { ...without(inner, 'type'), enum: values, ...(rest.length > 0 && random() < 0.7 ? { type: rest.length === 1 ? rest[0] : rest } : {}) };
      return { node: { ...outer, anyOf: shuffle([branch, { type: 'null' }], random) } };
    }),
  // `{type: "integer"}` -> `{type: "number", multipleOf: 1}`, or `multipleOf: 1` added.
  'integer-as-multiple-of-one': (root, random) =>
    at(root, random, (node) => types(node).includes('integer') && !types(node).includes('number') && !('multipleOf' in node), (node) => {
      if (random() < 0.5) return { node: { ...node, multipleOf: 1 } };
      const next = types(node).map((type) => (type === 'integer' ? 'number' : type));
      return { node: { ...node, type: next.length === 1 ? next[0] : next, multipleOf: 1 } };
    }),
  // `additionalProperties` -> `unevaluatedProperties` in an object with no applicator.
  'unevaluated-properties': (root, random) =>
    at(root, random, (node) => 'additionalProperties' in node && !hasApplicator(node), (node) => {
      const { additionalProperties, ...rest } = node;
      return { node: random() < 0.8 ? { ...rest, unevaluatedProperties: additionalProperties } : { ...node, unevaluatedProperties: false } };
    }),
};

function hasApplicator(node: JsonObject): boolean {
  return ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref', 'dependentSchemas', 'dependencies', 'unevaluatedProperties'].some((key) => key in node);
}

/** The annotations of a node kept on the union (outer) and its validation keywords for the branches (inner). */
function splitAnnotations(node: JsonObject, random: Random): { outer: JsonObject; inner: JsonObject } {
  const keys = ['title', 'description', 'default', 'deprecated', 'examples', '$comment'];
  const outer: JsonObject = {};
  for (const key of keys) if (key in node) outer[key] = node[key] as Json;
  const inner = without(node, ...keys);
  // A description moved, unchanged, into the union's first branch is no change either.
  if (random() < 0.3 && typeof outer.description === 'string') inner.description = outer.description;
  return { outer, inner };
}

function moveDescription(outer: JsonObject, branch: JsonObject): void {
  for (const key of ['title', 'description']) {
    if (!(key in outer)) continue;
    branch[key] = outer[key] as Json;
    delete outer[key];
  }
}

function cutInTwo<T>(items: T[], random: Random): [T[], T[]] {
  const cut = 1 + Math.floor(random() * (items.length - 1));
  const shuffled = shuffle(items, random);
  return [shuffled.slice(0, cut), shuffled.slice(cut)];
}

function shuffle<T>(items: T[], random: Random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A property of an object node whose schema is an enum of two or more values (no `$ref`). */
function enumProperty(node: JsonObject): string | undefined {
  if (!isObject(node.properties)) return undefined;
  return Object.keys(node.properties).find((name) => {
    const property = (node.properties as JsonObject)[name];
    return isObject(property) && !('$ref' in property) && (cleanEnum(property)?.length ?? 0) >= 2;
  });
}

/** Rewrites one to three places below the root of `schema`, each picked at random, with `rewrite`. */
function rewriteSomePlaces(schema: JsonObject, random: Random, rewrite: (node: JsonObject) => JsonObject): JsonObject {
  let current = schema;
  const steps = 1 + Math.floor(random() * 3);
  for (let step = 0; step < steps; step++) {
    const candidates = places(current).filter((place) => place.path.length > 0);
    if (candidates.length === 0) break;
    const place = pick(random, candidates);
    current = replaceAt(current, place.path, rewrite(place.node));
  }
  return current;
}

/** Turns some leaves of a real schema into enums, nullable or typed unions and tagged unions, so every rewrite class has a place to apply. */
function enrich(schema: JsonObject, random: Random): JsonObject {
  return rewriteSomePlaces(schema, random, (node): JsonObject => {
    const kinds = types(node);
    if (kinds.includes('string') && random() < 0.5) return { ...node, enum: ['alpha', 'beta', 'gamma'].slice(0, 2 + Math.floor(random() * 2)) };
    if (kinds.includes('object') && isObject(node.properties) && random() < 0.5) {
      return { anyOf: [{ ...node, properties: { ...node.properties, kind: { const: 'a' } }, required: [...new Set([...(Array.isArray(node.required) ? node.required.map(String) : []), 'kind'])] }, { type: 'object', properties: { kind: { const: 'b' }, note: { type: 'string' } }, required: ['kind'] }] };
    }
    if (random() < 0.5) return { anyOf: [node, { type: 'null' }, { type: 'integer', minimum: 0 }] };
    return { anyOf: [node, { type: 'boolean' }] };
  });
}

/** Leaves for the union rewrites: type lists, nullable literals, enums on object properties, integers, closed objects. */
function enrichForUnions(schema: JsonObject, random: Random): JsonObject {
  return rewriteSomePlaces(schema, random, (node): JsonObject => {
    const roll = random();
    if (roll < 0.2) return { ...without(node, 'type', 'enum'), type: pick(random, [['string', 'number'], ['string', 'integer', 'null'], ['string', 'number', 'boolean'], ['integer', 'null']]) };
    if (roll < 0.4) return { description: 'Sort order', type: ['string', 'null'], enum: ['asc', 'desc', null] };
    if (roll < 0.6) return { type: 'object', description: 'A block', properties: { type: { enum: ['paragraph', 'bulleted_list_item', 'heading'] }, text: { type: 'string' } }, ...(random() < 0.5 ? { required: ['type'] } : {}), ...(random() < 0.5 ? { additionalProperties: false } : {}) };
    if (roll < 0.8) return { ...without(node, 'type', 'enum'), type: 'integer', ...(random() < 0.5 ? { minimum: 0 } : {}) };
    return isObject(node.properties) ? { ...node, additionalProperties: false } : { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: random() < 0.5 ? false : { type: 'number' } };
  });
}

/** The bases the rewrites apply to: every real tool schema as captured, enriched copies of them, and generated schemas. */
function bases(count: number, random: Random, seed: number, enrichment: (schema: JsonObject, random: Random) => JsonObject = enrich): Array<{ source: string; schema: JsonObject }> {
  const real = realToolSchemas();
  const generated = fc.sample(arbitrarySchema, { numRuns: Math.max(20, Math.ceil(count / 4)), seed });
  const out: Array<{ source: string; schema: JsonObject }> = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.25) out.push(pick(random, real));
    else if (roll < 0.75) {
      const base = pick(random, real);
      out.push({ source: `${base.source}, enriched`, schema: enrichment(base.schema, random) });
    } else {
      const index = Math.floor(random() * generated.length);
      out.push({ source: `generated #${index}`, schema: generated[index] });
    }
  }
  return out;
}

/**
 * `count` rewrite pairs for a seed: a base, one rewrite class applied at a random place where
 * it fits (classes that fit nowhere in the base are skipped, so a pair is always a real rewrite),
 * sometimes a second rewrite on top.
 */
export function rewritePairs(count: number, seed: number): RewritePair[] {
  return pairsOf(REWRITE_CLASSES, REWRITE_CLASSES, enrich, count, seed);
}

/** The same for the union rewrites (UNION_REWRITE_CLASSES), a second rewrite on top drawn from every class. */
export function unionRewritePairs(count: number, seed: number): RewritePair[] {
  return pairsOf(UNION_REWRITE_CLASSES, [...UNION_REWRITE_CLASSES, ...REWRITE_CLASSES], enrichForUnions, count, seed);
}

function pairsOf(classes: readonly RewriteClass[], seconds: readonly RewriteClass[], enrichment: (schema: JsonObject, random: Random) => JsonObject, count: number, seed: number): RewritePair[] {
  const random = mulberry32(seed);
  const out: RewritePair[] = [];
  const pool = bases(count * 2, random, seed, enrichment);
  for (let i = 0; out.length < count && i < pool.length * 4; i++) {
    const base = pool[i % pool.length];
    const rewrite = classes[out.length % classes.length];
    const after = REWRITERS[rewrite](base.schema, random);
    if (!after) continue;
    const then = random() < 0.2 ? pick(random, seconds) : undefined;
    const twice = then ? REWRITERS[then](after, random) : undefined;
    out.push({ rewrite, ...(twice ? { then } : {}), source: base.source, before: base.schema, after: twice ?? after });
  }
  return out;
}
