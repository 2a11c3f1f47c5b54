import type { Json, JsonObject } from '../snapshot/model.js';
import { canonical, isObject, own } from './json.js';

/**
 * A schema node in one canonical spelling, so that refactors compare equal: `$ref` resolved,
 * `const` as a one-value `enum`, `type` as a sorted array, the nullable union folded into
 * `type`, draft-04/07 forms rewritten to 2020-12 (boolean exclusive bounds, array `items`,
 * `dependencies`), trivially nested `allOf`/`anyOf`/`oneOf` flattened, zod's ±(2^53-1) integer
 * bounds dropped. `false` (and `{not: {}}`) is the FALSE node.
 */
export type Node = JsonObject | typeof FALSE;
export const FALSE = Symbol('false schema');

/** Keywords that say nothing about which instances are valid and are not compared at all. */
export const IGNORED = new Set(['$schema', '$id', '$anchor', '$comment', '$defs', 'definitions', 'examples', '$vocabulary']);

const SAFE_INTEGER_BOUND = Number.MAX_SAFE_INTEGER;

/** Resolves a local `$ref` (`#`, `#/$defs/x`, `#/definitions/x`, any JSON Pointer into the root). */
export function resolveLocalRef(root: Json, ref: string): Json | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let node: Json | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) node = node[Number(key)];
    else if (isObject(node)) node = Object.prototype.hasOwnProperty.call(node, key) ? node[key] : undefined;
    else return undefined;
  }
  return node;
}

/**
 * Normalises one node. `refs` collects the local `$ref`s followed on the way (for cycle
 * detection by the caller); a `$ref` that is external, unresolvable, or loops onto itself stays
 * in the node as `$ref` and is reported by the comparator, never followed.
 */
export function normalize(schema: Json | undefined, root: Json, refs: string[] = []): Node {
  if (schema === undefined || schema === true) return {};
  if (schema === false) return FALSE;
  if (!isObject(schema)) return { $invalid: schema };
  // Reached again while being normalised (through its own `$ref`): taken as written, refs unfollowed.
  if (NORMALIZING.has(schema)) return withoutIgnored(schema);
  NORMALIZING.add(schema);
  try {
    return normalizeObject(schema, root, refs);
  } finally {
    NORMALIZING.delete(schema);
  }
}

/**
 * The schema objects being normalised right now. Unwrapping `allOf`/`anyOf` normalises branches,
 * and a branch may `$ref` back to a schema on the way (`{"$ref": "#", "type": []}` merges the root
 * into itself): such a `$ref` is left in place, not followed, so normalising always ends.
 */
const NORMALIZING = new Set<JsonObject>();

function withoutIgnored(schema: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) if (!IGNORED.has(key)) out[key] = value;
  return out;
}

function normalizeObject(schema: JsonObject, root: Json, refs: string[]): Node {
  let node: JsonObject = schema;
  const seen = new Set<string>();
  while (typeof node.$ref === 'string' && node.$ref.startsWith('#') && !seen.has(node.$ref)) {
    const ref: string = node.$ref;
    const target = resolveLocalRef(root, ref);
    if (target === undefined || (isObject(target) && target !== schema && NORMALIZING.has(target))) break;
    seen.add(ref);
    refs.push(ref);
    const { $ref: _ignored, ...siblings } = node;
    if (target === false) return FALSE;
    const targetObject: JsonObject = target === true || !isObject(target) ? {} : target;
    node = mergeSiblings(targetObject, siblings);
  }

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) {
    if (IGNORED.has(key)) continue;
    if (key === '$ref' && typeof value === 'string' && seen.has(value)) continue;
    out[key] = value;
  }
  if (isObject(out.not) && Object.keys(out.not).length === 0) return FALSE;
  if (out.not === true) return FALSE;

  foldConst(out);
  foldType(out);
  foldNumericBounds(out);
  foldArrayForms(out);
  foldDependencies(out);
  return flattenCombinators(out, root);
}

/** `{$ref, ...siblings}`: siblings apply in addition to the target (2019-09+); disjoint keys merge, overlapping ones go to `allOf`. */
function mergeSiblings(target: JsonObject, siblings: JsonObject): JsonObject {
  const keys = Object.keys(siblings).filter((key) => !IGNORED.has(key) && !ANNOTATIONS.has(key));
  if (keys.length === 0) return { ...target, ...pick(siblings, Object.keys(siblings)) };
  if (keys.every((key) => !(key in target))) return { ...target, ...siblings };
  return { allOf: [target, siblings] };
}

/** Where each `allOf` branch left after merging stood in the schema as written, for exact pointers. */
const ALL_OF_POSITIONS = new WeakMap<Json[], number[]>();

export function allOfPosition(branches: Json[], index: number): number {
  return ALL_OF_POSITIONS.get(branches)?.[index] ?? index;
}

export const ANNOTATIONS = new Set([
  'title',
  'description',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
]);

function pick(object: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (key in object) out[key] = object[key];
  return out;
}

function foldConst(node: JsonObject): void {
  if (!('const' in node)) return;
  const value = node.const;
  delete node.const;
  if (Array.isArray(node.enum)) {
    const key = canonical(value);
    node.enum = node.enum.filter((item) => canonical(item) === key);
  } else {
    node.enum = [value];
  }
}

function foldType(node: JsonObject): void {
  if (typeof node.type === 'string') node.type = [node.type];
  if (Array.isArray(node.type)) {
    const types = new Set(node.type.filter((t): t is string => typeof t === 'string'));
    // `integer` adds nothing next to `number`.
    if (types.has('number')) types.delete('integer');
    node.type = [...types].sort();
  }
}

function foldNumericBounds(node: JsonObject): void {
  // draft-04: boolean exclusiveMinimum/Maximum qualify minimum/maximum.
  for (const [exclusive, inclusive] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[exclusive] === 'boolean') {
      if (node[exclusive] === true && typeof node[inclusive] === 'number') {
        node[exclusive] = node[inclusive];
        delete node[inclusive];
      } else {
        delete node[exclusive];
      }
    }
  }
  // zod bounds every integer by ±(2^53-1): no JSON client sends integers beyond them.
  if (node.minimum === -SAFE_INTEGER_BOUND) delete node.minimum;
  if (node.maximum === SAFE_INTEGER_BOUND) delete node.maximum;
}

function foldArrayForms(node: JsonObject): void {
  // draft-07 tuples: `items: [..]` + `additionalItems` are 2020-12's `prefixItems` + `items`.
  if (Array.isArray(node.items)) {
    node.prefixItems = node.items;
    if ('additionalItems' in node) node.items = node.additionalItems;
    else delete node.items;
  }
  delete node.additionalItems;
}

function foldDependencies(node: JsonObject): void {
  if (!isObject(node.dependencies)) return;
  const required: JsonObject = isObject(node.dependentRequired) ? { ...node.dependentRequired } : {};
  const schemas: JsonObject = isObject(node.dependentSchemas) ? { ...node.dependentSchemas } : {};
  for (const [key, value] of Object.entries(node.dependencies)) {
    if (Array.isArray(value)) required[key] = value;
    else schemas[key] = value;
  }
  delete node.dependencies;
  if (Object.keys(required).length > 0) node.dependentRequired = required;
  if (Object.keys(schemas).length > 0) node.dependentSchemas = schemas;
}

/**
 * Unwraps what a refactor adds without changing meaning: a one-branch `anyOf`/`oneOf`/`allOf`,
 * `allOf` branches whose keywords do not overlap (merged into the node), and the nullable union
 * `anyOf: [X, {type: "null"}]` (folded into X's `type`).
 */
function flattenCombinators(node: JsonObject, root: Json): Node {
  for (const key of ['anyOf', 'oneOf'] as const) {
    let branches = node[key];
    if (!Array.isArray(branches)) continue;
    // A repeated `anyOf` branch accepts nothing new (a repeated `oneOf` branch rejects what it matches: kept).
    if (key === 'anyOf') branches = node.anyOf = uniqueBranches(branches);
    if (branches.length === 1) {
      delete node[key];
      return mergeInto(node, branches[0], root);
    }
    const folded = foldNullUnion(branches, root);
    if (folded) {
      delete node[key];
      return mergeInto(node, folded, root);
    }
  }
  if (Array.isArray(node.allOf)) {
    const rest: Json[] = [];
    const positions: number[] = [];
    let merged: Node = { ...node };
    delete (merged as JsonObject).allOf;
    node.allOf.forEach((branch, index) => {
      const next: Node | null = merged === FALSE ? FALSE : mergeIntoOrNull(merged, branch, root);
      if (next === null) {
        rest.push(branch);
        positions.push(index);
      } else {
        merged = next;
      }
    });
    if ((merged as Node) === FALSE) return FALSE;
    if (rest.length > 0) {
      merged.allOf = rest;
      ALL_OF_POSITIONS.set(rest, positions);
    }
    return merged;
  }
  return node;
}

const TYPE_INDEPENDENT_APPLICATORS = ['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', '$ref', '$invalid'];

function uniqueBranches(branches: Json[]): Json[] {
  const seen = new Set<string>();
  return branches.filter((branch) => {
    const key = canonical(branch);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function foldNullUnion(branches: Json[], root: Json): Json | undefined {
  if (branches.length !== 2) return undefined;
  const normalized = branches.map((branch) => normalize(branch, root));
  const nullIndex = normalized.findIndex((b) => b !== FALSE && Object.keys(b).length === 1 && canonical(b.type) === '["null"]');
  if (nullIndex < 0) return undefined;
  const other = normalized[1 - nullIndex];
  if (other === FALSE || !Array.isArray(other.type)) return undefined;
  // These keywords apply to every type, null included: folded into `type`, they would reject the null the union accepted.
  if (TYPE_INDEPENDENT_APPLICATORS.some((key) => key in other)) return undefined;
  const copy: JsonObject = { ...other, type: [...other.type, 'null'] };
  if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
  return copy;
}

function mergeInto(node: JsonObject, branch: Json, root: Json): Node {
  return mergeIntoOrNull(node, branch, root) ?? { ...node, allOf: [branch] };
}

/** Merges a sub-schema into a node when their validation keywords do not overlap; null when they do. */
function mergeIntoOrNull(node: JsonObject, branch: Json, root: Json): Node | null {
  const normalized = normalize(branch, root);
  if (normalized === FALSE) return FALSE;
  if (ADJACENT_KEYWORDS.some((group) => interferes(group, node, normalized))) return null;
  const merged: JsonObject = { ...node };
  for (const [key, value] of Object.entries(normalized)) {
    const current = own(merged, key);
    if (current === undefined || ANNOTATIONS.has(key)) {
      if (current === undefined) merged[key] = value;
    } else if (canonical(current) === canonical(value)) {
      continue;
    } else if (key === 'required' && Array.isArray(current) && Array.isArray(value)) {
      merged.required = [...new Set([...current, ...value].map(String))].sort();
    } else if (key === 'properties' && isObject(current) && isObject(value) && disjoint(current, value)) {
      merged.properties = { ...current, ...value };
    } else {
      return null;
    }
  }
  return merged;
}

/**
 * Keywords that read each other: `additionalProperties` applies to the properties its own
 * `properties`/`patternProperties` leave out, `items` to the positions after `prefixItems`, and so
 * on. Moved to another schema object, they would apply to different instances.
 */
const ADJACENT_KEYWORDS = [
  ['properties', 'patternProperties', 'additionalProperties', 'unevaluatedProperties'],
  ['prefixItems', 'items', 'unevaluatedItems'],
  ['contains', 'minContains', 'maxContains'],
  ['if', 'then', 'else'],
];

/** Whether both schemas use keywords of one adjacent group differently (disjoint `properties` alone are safe to merge). */
function interferes(group: string[], a: JsonObject, b: JsonObject): boolean {
  const inA = group.filter((key) => key in a);
  const inB = group.filter((key) => key in b);
  if (inA.length === 0 || inB.length === 0) return false;
  if (inA.length === 1 && inB.length === 1 && inA[0] === 'properties' && inB[0] === 'properties') return false;
  return group.some((key) => canonical(a[key]) !== canonical(b[key]));
}

function disjoint(a: JsonObject, b: JsonObject): boolean {
  return Object.keys(b).every((key) => !(key in a));
}
