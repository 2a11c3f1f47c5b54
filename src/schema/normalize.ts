import type { Json, JsonObject } from '../snapshot/model.js';
import { canonical, dict, has, isObject, jsonType, oncePerUnion, own, type UnionCache } from './json.js';
import { firstOverlap } from './disjoint.js';

/**
 * A schema node in one canonical spelling, so that refactors compare equal: `$ref` resolved,
 * `const` as a one-value `enum`, `type` as a sorted array, the nullable union folded into
 * `type`, draft-04/07 forms rewritten to 2020-12 (boolean exclusive bounds, array `items`,
 * `dependencies`), trivially nested `allOf`/`anyOf`/`oneOf` flattened, unions of `const`s folded
 * into one `enum`, a `oneOf` whose branches are provably disjoint read as `anyOf`, keywords that
 * constrain nothing (`minLength: 0`, `propertyNames: {type: "string"}`, ...) and zod's ±(2^53-1)
 * integer bounds dropped. `false` (and `{not: {}}`) is the FALSE node. Nodes have no prototype:
 * a property named `__proto__` is a key like any other.
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
    if (Array.isArray(node)) node = /^(0|[1-9][0-9]*)$/.test(key) ? node[Number(key)] : undefined;
    else if (isObject(node)) node = own(node, key);
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
  const out = dict();
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

  const out = dict();
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
  foldMultipleOf(out);
  dropNoOps(out);
  return flattenCombinators(out, root);
}

/**
 * `{$ref, ...siblings}`: siblings apply in addition to the target (2019-09+); disjoint keys merge,
 * overlapping ones go to `allOf`, and so do keywords that read each other standing on both sides
 * (`additionalProperties` next to the `$ref` sees none of the target's `properties`). An
 * `unevaluatedProperties` next to the `$ref` sees what the target evaluates, so it may join it.
 */
function mergeSiblings(target: JsonObject, siblings: JsonObject): JsonObject {
  const keys = Object.keys(siblings).filter((key) => !IGNORED.has(key) && !ANNOTATIONS.has(key));
  if (keys.length === 0) return dict({ ...target, ...siblings });
  const apart = ADJACENT_KEYWORDS.some((group) => {
    const inSiblings = group.filter((key) => has(siblings, key));
    return inSiblings.length > 0 && group.some((key) => has(target, key)) && !inSiblings.every((key) => key.startsWith('unevaluated'));
  });
  if (!apart && keys.every((key) => !has(target, key))) return dict({ ...target, ...siblings });
  // Kept next to the `allOf`, `unevaluatedProperties` still sees what both parts evaluate.
  const { unevaluatedProperties, ...rest } = siblings;
  if (unevaluatedProperties === undefined) return dict({ allOf: [target, siblings] });
  return dict({ allOf: [target, dict(rest)], unevaluatedProperties });
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

function foldConst(node: JsonObject): void {
  if (!has(node, 'const')) return;
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
  // No JSON number lies beyond ±Number.MAX_VALUE, so an inclusive bound there admits them all.
  if (node.minimum === -Number.MAX_VALUE) delete node.minimum;
  if (node.maximum === Number.MAX_VALUE) delete node.maximum;
}

/** Keywords whose value constrains nothing: the same node without them accepts the same instances. */
function dropNoOps(node: JsonObject): void {
  for (const key of ['minLength', 'minItems', 'minProperties'] as const) if (node[key] === 0) delete node[key];
  if (node.uniqueItems === false) delete node.uniqueItems;
  if (Array.isArray(node.required) && node.required.length === 0) delete node.required;
  // Property names are always strings.
  const names = node.propertyNames;
  if (names === true || (isObject(names) && Object.keys(names).every((key) => ANNOTATIONS.has(key) || (key === 'type' && (names.type === 'string' || canonical(names.type) === '["string"]'))))) {
    delete node.propertyNames;
  }
}

/**
 * `multipleOf` with a positive integer admits integers only, so `number` there reads as
 * `integer`; and on integers only, `multipleOf: 1` (or 1/2, 1/4, ...) constrains nothing.
 * (Per the specification: ajv's check of `multipleOf` on numbers of 1e21 and more rejects them,
 * which is a property of its arithmetic, not of the schema.)
 */
function foldMultipleOf(node: JsonObject): void {
  const step = node.multipleOf;
  if (typeof step !== 'number' || !(step > 0) || !Array.isArray(node.type)) return;
  if (Number.isSafeInteger(step) && node.type.includes('number')) {
    node.type = [...new Set(node.type.map((type) => (type === 'number' ? 'integer' : type)))].sort();
  }
  const reciprocal = 1 / step;
  const dividesEveryInteger = Number.isSafeInteger(reciprocal) && Number.isInteger(Math.log2(reciprocal));
  if (dividesEveryInteger && node.type.includes('integer') && !node.type.includes('number')) delete node.multipleOf;
}

/** Keywords whose subschemas evaluate properties in place, which `unevaluatedProperties` then also sees. */
const IN_PLACE_APPLICATORS = ['allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'dependentSchemas', '$ref', '$dynamicRef', '$recursiveRef'];

/**
 * In a schema with no in-place applicator, `unevaluatedProperties` applies to exactly the
 * properties `additionalProperties` would (those `properties` and `patternProperties` leave), so it
 * is read as `additionalProperties`; next to an `additionalProperties`, which evaluates all the
 * others, it constrains nothing. With an applicator it stays as written (and is compared as an
 * unknown keyword).
 */
function foldUnevaluatedProperties(node: JsonObject): void {
  if (!has(node, 'unevaluatedProperties') || IN_PLACE_APPLICATORS.some((key) => has(node, key))) return;
  if (!has(node, 'additionalProperties')) node.additionalProperties = node.unevaluatedProperties;
  delete node.unevaluatedProperties;
}

function foldArrayForms(node: JsonObject): void {
  // draft-07 tuples: `items: [..]` + `additionalItems` are 2020-12's `prefixItems` + `items`.
  if (Array.isArray(node.items)) {
    node.prefixItems = node.items;
    if (has(node, 'additionalItems')) node.items = node.additionalItems;
    else delete node.items;
  }
  delete node.additionalItems;
}

function foldDependencies(node: JsonObject): void {
  if (!isObject(node.dependencies)) return;
  const required = dict(isObject(node.dependentRequired) ? node.dependentRequired : undefined);
  const schemas = dict(isObject(node.dependentSchemas) ? node.dependentSchemas : undefined);
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
 * `anyOf` branches that are themselves `anyOf`s (spliced in, also through `$ref`), `const`/`enum`
 * branches (folded into one `enum` branch), a `oneOf` whose branches are provably disjoint (an
 * `anyOf`), `allOf` branches whose keywords do not overlap (merged into the node), and the
 * nullable union `anyOf: [X, {type: "null"}]` (folded into X's `type`).
 */
function flattenCombinators(node: JsonObject, root: Json): Node {
  // `unevaluatedProperties` sees what `allOf` parts (and a lone `anyOf` branch) evaluate, so
  // merging them into the node leaves its meaning as it was: it is set aside while they merge.
  const unevaluated = own(node, 'unevaluatedProperties');
  if (unevaluated === undefined) return mergeCombinators(node, root);
  const rest = dict(node);
  delete rest.unevaluatedProperties;
  const flat = mergeCombinators(rest, root);
  if (flat === FALSE) return FALSE;
  const out = dict({ ...flat, unevaluatedProperties: unevaluated });
  foldUnevaluatedProperties(out);
  return out;
}

function mergeCombinators(node: JsonObject, root: Json): Node {
  const merged = mergeParts(node, root);
  // Parts merged may have brought a `multipleOf` and a `type` together.
  if (merged !== FALSE) foldMultipleOf(merged);
  return merged;
}

function mergeParts(node: JsonObject, root: Json): Node {
  const unified = flattenUnions(node, root);
  if (unified === FALSE || !Array.isArray(unified.allOf)) return unified;
  const rest: Json[] = [];
  const positions: number[] = [];
  let merged: Node = dict(unified);
  delete merged.allOf;
  const cached = NORMALIZED_BRANCHES.get(unified.allOf);
  unified.allOf.forEach((branch, index) => {
    const next: Node | null = merged === FALSE ? FALSE : mergeIntoOrNull(merged, cached?.[index] ?? normalize(branch, root));
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

function flattenUnions(node: JsonObject, root: Json): Node {
  if (Array.isArray(node.oneOf)) {
    const branches = node.oneOf;
    const normalized = branches.map((branch) => normalize(branch, root));
    const overlap = oncePerUnion(OVERLAP_CACHE, branches, root, () => firstOverlap(normalized, root));
    if (overlap !== undefined || Array.isArray(node.anyOf)) {
      if (overlap !== undefined) OVERLAPS.set(branches, overlap);
    } else {
      // No value can match two branches: "exactly one" is "at least one".
      delete node.oneOf;
      const pointers = branches.map((_, index) => `/oneOf/${index}`);
      return flattenAnyOf(node, branches, normalized, pointers, root, true);
    }
  }
  if (Array.isArray(node.anyOf)) {
    const branches = node.anyOf;
    const normalized = branches.map((branch) => normalize(branch, root));
    return flattenAnyOf(node, branches, normalized, branches.map((_, index) => `/anyOf/${index}`), root, false);
  }
  return node;
}

/** firstOverlap per `oneOf` as written and per document. */
const OVERLAP_CACHE: UnionCache<[number, number] | undefined> = new WeakMap();

/** Where each union branch left after normalising stood, relative to the node, as written. */
const UNION_POINTERS = new WeakMap<Json[], string[]>();
/** The normalised form of each branch of a flattened union, so an enclosing union reuses it. */
const NORMALIZED_BRANCHES = new WeakMap<Json[], Node[]>();
/** Flattened `anyOf`s written as a `oneOf` whose branches are provably disjoint. */
const WRITTEN_AS_ONE_OF = new WeakSet<Json[]>();
/** For a `oneOf` kept as written: two branches that could not be proven disjoint. */
const OVERLAPS = new WeakMap<Json[], [number, number]>();

export function unionBranchPointer(branches: Json[], index: number, keyword: string): string {
  return UNION_POINTERS.get(branches)?.[index] ?? `/${keyword}/${index}`;
}

/** The branches of a union normalised: those of a union this module flattened are known already. */
export function normalizedBranches(branches: Json[], root: Json): Node[] {
  return NORMALIZED_BRANCHES.get(branches) ?? branches.map((branch) => normalize(branch, root));
}

export function writtenAsOneOf(branches: Json[]): boolean {
  return WRITTEN_AS_ONE_OF.has(branches);
}

export function overlappingBranches(branches: Json[]): [number, number] | undefined {
  return OVERLAPS.get(branches);
}

function flattenAnyOf(node: JsonObject, branches: Json[], normalized: Node[], pointers: string[], root: Json, oneOf: boolean): Node {
  delete node.anyOf;
  const out: Json[] = [];
  const outNodes: Node[] = [];
  const outPointers: string[] = [];
  const seen = new Map<string, Array<{ node: Node; key?: string }>>();
  const add = (branch: Json, branchNode: Node, pointer: string) => {
    // A repeated branch accepts nothing new. Within one document, equal text (`$ref`s included) is
    // equal meaning. The full text is built only for branches whose outline matches another's.
    const outline = branchOutline(branchNode);
    const similar = seen.get(outline);
    if (similar) {
      const key = branchKey(branchNode);
      if (similar.some((entry) => (entry.key ??= branchKey(entry.node)) === key)) return;
      similar.push({ node: branchNode, key });
    } else {
      seen.set(outline, [{ node: branchNode }]);
    }
    out.push(branch);
    outNodes.push(branchNode);
    outPointers.push(pointer);
  };
  let values: { list: Json[]; keys: Set<string>; index: number } | undefined;
  /** A branch of the flattened union: `const`/`enum`-only ones gather into one `enum` branch, the rest are added. */
  const take = (branch: Json, branchNode: Node, pointer: string) => {
    if (branchNode === FALSE) return;
    if (!Array.isArray(branchNode.enum) || !onlyKeywords(branchNode, ['enum', 'type'])) {
      add(branch, branchNode, pointer);
      return;
    }
    if (!values) {
      values = { list: [], keys: new Set(), index: out.length };
      out.push(branch);
      outNodes.push(branchNode);
      outPointers.push(pointer);
    }
    const types = Array.isArray(branchNode.type) ? branchNode.type : undefined;
    for (const value of branchNode.enum) {
      const key = canonical(value);
      if (values.keys.has(key) || (types && !typeAdmits(types, value))) continue;
      values.keys.add(key);
      values.list.push(value);
    }
  };
  branches.forEach((branch, index) => {
    const branchNode = normalized[index];
    if (branchNode === FALSE) return;
    const inner = Array.isArray(branchNode.anyOf) && onlyKeywords(branchNode, ['anyOf']) ? branchNode.anyOf : undefined;
    if (inner) {
      const innerNodes = NORMALIZED_BRANCHES.get(inner) ?? inner.map((item) => normalize(item, root));
      const viaRef = isObject(branch) && has(branch, '$ref');
      inner.forEach((item, j) => take(item, innerNodes[j], viaRef ? pointers[index] : `${pointers[index]}${unionBranchPointer(inner, j, 'anyOf')}`));
      return;
    }
    const nullable = splitNullable(branchNode);
    if (nullable) {
      // `{type: [X, "null"]}` is the union of X and null: spliced as two branches, it pairs with either spelling.
      add(nullable, nullable, pointers[index]);
      add(NULL_BRANCH, NULL_BRANCH, pointers[index]);
      return;
    }
    take(branch, branchNode, pointers[index]);
  });
  if (values && values.list.length === 0) {
    // Constants none of whose `type`s admit them: a branch that accepts nothing.
    out.splice(values.index, 1);
    outNodes.splice(values.index, 1);
    outPointers.splice(values.index, 1);
  } else if (values) {
    const merged = dict({ enum: values.list });
    out[values.index] = merged;
    outNodes[values.index] = merged;
  }
  if (out.length === 0) return FALSE;
  if (out.length === 1) return mergeIntoOrNull(node, outNodes[0]) ?? withAllOf(node, out[0], outNodes[0]);
  const folded = foldNullUnion(outNodes);
  if (folded) return mergeIntoOrNull(node, folded) ?? withAllOf(node, folded, folded);
  node.anyOf = out;
  UNION_POINTERS.set(out, outPointers);
  NORMALIZED_BRANCHES.set(out, outNodes);
  if (oneOf) WRITTEN_AS_ONE_OF.add(out);
  return node;
}

/** The node with one more `allOf` branch, whose normalised form is kept so it is not computed again. */
function withAllOf(node: JsonObject, branch: Json, branchNode: Node): JsonObject {
  const existing = Array.isArray(node.allOf) ? node.allOf : [];
  const allOf = [...existing, branch];
  const out = dict({ ...node, allOf });
  const known = NORMALIZED_BRANCHES.get(existing);
  if (existing.length === 0 || known) NORMALIZED_BRANCHES.set(allOf, [...(known ?? []), branchNode]);
  return out;
}

const NULL_BRANCH: JsonObject = Object.freeze(dict({ type: ['null'] })) as JsonObject;

/** A branch that admits null next to other types, through `type` only: the branch without null. */
function splitNullable(node: Node): JsonObject | undefined {
  if (node === FALSE || !Array.isArray(node.type) || node.type.length < 2 || !node.type.includes('null')) return undefined;
  if (has(node, 'enum') || TYPE_INDEPENDENT_APPLICATORS.some((key) => has(node, key))) return undefined;
  return dict({ ...node, type: node.type.filter((type) => type !== 'null') });
}

/** A cheap summary that equal branches share: their keywords, types, property names and enum size. */
function branchOutline(node: Node): string {
  if (node === FALSE) return 'false';
  const keywords = Object.keys(node).filter((key) => !ANNOTATIONS.has(key) && key !== 'exclusiveMinimum' && key !== 'exclusiveMaximum' && key !== 'minimum' && key !== 'maximum');
  const names = isObject(node.properties) ? Object.keys(node.properties).sort().join(',') : '';
  return `${keywords.sort().join(',')}|${canonical(node.type)}|${names}|${Array.isArray(node.enum) ? node.enum.length : ''}`;
}

/**
 * What a branch accepts, as text: annotations left out, and for integers the bound spellings
 * that admit the same values (`exclusiveMinimum: 0`, `minimum: 1`) written one way.
 */
function branchKey(node: Node): string {
  if (node === FALSE) return 'false';
  const key = dict();
  for (const [name, value] of Object.entries(node)) if (!ANNOTATIONS.has(name)) key[name] = value;
  if (canonical(key.type) === '["integer"]') {
    if (typeof key.exclusiveMinimum === 'number' && key.minimum === undefined && Number.isSafeInteger(key.exclusiveMinimum)) {
      key.minimum = key.exclusiveMinimum + 1;
      delete key.exclusiveMinimum;
    }
    if (typeof key.exclusiveMaximum === 'number' && key.maximum === undefined && Number.isSafeInteger(key.exclusiveMaximum)) {
      key.maximum = key.exclusiveMaximum - 1;
      delete key.exclusiveMaximum;
    }
  }
  return canonical(key);
}

/** Whether a node has no validation keywords but the given ones. */
function onlyKeywords(node: JsonObject, keys: string[]): boolean {
  return Object.keys(node).every((key) => keys.includes(key) || ANNOTATIONS.has(key));
}

function typeAdmits(types: Json[], value: Json): boolean {
  const type = jsonType(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

const TYPE_INDEPENDENT_APPLICATORS = ['anyOf', 'oneOf', 'allOf', 'not', 'if', 'then', 'else', '$ref', '$invalid'];

function foldNullUnion(normalized: Node[]): JsonObject | undefined {
  if (normalized.length !== 2) return undefined;
  const nullIndex = normalized.findIndex((b) => b !== FALSE && Object.keys(b).length === 1 && canonical(b.type) === '["null"]');
  if (nullIndex < 0) return undefined;
  const other = normalized[1 - nullIndex];
  if (other === FALSE) return undefined;
  // Constants without a `type` (a union of literals): null is one more constant.
  if (Array.isArray(other.enum) && !has(other, 'type') && onlyKeywords(other, ['enum'])) {
    return dict({ ...other, enum: other.enum.includes(null) ? other.enum : [...other.enum, null] });
  }
  if (!Array.isArray(other.type)) return undefined;
  // These keywords apply to every type, null included: folded into `type`, they would reject the null the union accepted.
  if (TYPE_INDEPENDENT_APPLICATORS.some((key) => has(other, key))) return undefined;
  const copy = dict({ ...other, type: [...other.type, 'null'] });
  if (Array.isArray(copy.enum) && !copy.enum.includes(null)) copy.enum = [...copy.enum, null];
  return copy;
}

const LOWER_LIMITS = new Set(['minimum', 'exclusiveMinimum', 'minLength', 'minItems', 'minProperties']);
const UPPER_LIMITS = new Set(['maximum', 'exclusiveMaximum', 'maxLength', 'maxItems', 'maxProperties']);

/**
 * Merges a normalised sub-schema into a node (both must hold): keywords only one side has are
 * copied, the same keyword on both sides is combined where the combination is exact (types and
 * enums intersected, the tighter bound, `required` joined, the schemas of a property listed on
 * both sides joined in an `allOf`); null when they cannot be combined.
 */
function mergeIntoOrNull(node: JsonObject, normalized: Node): Node | null {
  if (normalized === FALSE) return FALSE;
  // A part's own `unevaluatedProperties` sees only what that part evaluates.
  if (has(normalized, 'unevaluatedProperties') || has(normalized, 'unevaluatedItems')) return null;
  if (ADJACENT_KEYWORDS.some((group) => interferes(group, node, normalized))) return null;
  const merged = dict(node);
  for (const [key, value] of Object.entries(normalized)) {
    const current = own(merged, key);
    if (current === undefined || ANNOTATIONS.has(key)) {
      if (current === undefined) merged[key] = value;
    } else if (canonical(current) === canonical(value)) {
      continue;
    } else if (key === 'required' && Array.isArray(current) && Array.isArray(value)) {
      merged.required = [...new Set([...current, ...value].map(String))].sort();
    } else if (key === 'properties' && isObject(current) && isObject(value)) {
      merged.properties = mergeProperties(current, value);
    } else if (key === 'type' && Array.isArray(current) && Array.isArray(value)) {
      const types = intersectTypes(current, value);
      if (types.length === 0) return FALSE;
      merged.type = types;
    } else if (key === 'enum' && Array.isArray(current) && Array.isArray(value)) {
      const keys = new Set(value.map((item) => canonical(item)));
      const both = current.filter((item) => keys.has(canonical(item)));
      if (both.length === 0) return FALSE;
      merged.enum = both;
    } else if (LOWER_LIMITS.has(key) && typeof current === 'number' && typeof value === 'number') {
      merged[key] = Math.max(current, value);
    } else if (UPPER_LIMITS.has(key) && typeof current === 'number' && typeof value === 'number') {
      merged[key] = Math.min(current, value);
    } else {
      return null;
    }
  }
  return merged;
}

/** Two `properties` keywords that both apply: a property listed in both must match both schemas. */
function mergeProperties(a: JsonObject, b: JsonObject): JsonObject {
  const out = dict(a);
  for (const [name, schema] of Object.entries(b)) {
    const current = own(out, name);
    out[name] = current === undefined ? schema : dict({ allOf: [current, schema] });
  }
  return out;
}

function intersectTypes(a: Json[], b: Json[]): string[] {
  const left = new Set(a.map(String));
  const right = new Set(b.map(String));
  const out = new Set<string>();
  for (const type of left) if (right.has(type) || (type === 'integer' && right.has('number'))) out.add(type);
  for (const type of right) if (type === 'integer' && left.has('number')) out.add(type);
  return [...out].sort();
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

/** Whether both schemas use keywords of one adjacent group differently (`properties` alone on both sides are safe to merge). */
function interferes(group: string[], a: JsonObject, b: JsonObject): boolean {
  const inA = group.filter((key) => has(a, key));
  const inB = group.filter((key) => has(b, key));
  if (inA.length === 0 || inB.length === 0) return false;
  if (inA.length === 1 && inB.length === 1 && inA[0] === 'properties' && inB[0] === 'properties') return false;
  return group.some((key) => canonical(a[key]) !== canonical(b[key]));
}

