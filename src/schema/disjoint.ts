import type { Json, JsonObject } from '../snapshot/model.js';
import { FALSE, normalize, type Node } from './normalize.js';
import { canonical, isObject, jsonType, oncePerUnion, own, type UnionCache } from './json.js';

/**
 * Whether no instance can match two schemas at once, proven from what they say outright:
 * distinct JSON types, enum values the other side rejects, or a property both require whose
 * schemas are themselves disjoint (a discriminator such as `kind: {const: "a"}` vs `{const: "b"}`).
 * False means "not proven", never "they overlap".
 */
export function provablyDisjoint(a: Node, b: Node, rootA: Json, rootB: Json, depth = 0, memo?: Map<Json, Node>): boolean {
  if (a === FALSE || b === FALSE) return true;
  if (depth > 4) return false;
  const typesA = typesOf(a, rootA);
  const typesB = typesOf(b, rootB);
  if (typesA && typesB && !overlaps(typesA, typesB)) return true;
  if (Array.isArray(a.enum) && a.enum.every((value) => rejects(b, value))) return true;
  if (Array.isArray(b.enum) && b.enum.every((value) => rejects(a, value))) return true;
  // A schema accepts no more than its `anyOf` does: disjoint when each of its branches is.
  if (unionDisjoint(a, b, rootA, rootB, depth, memo) || unionDisjoint(b, a, rootB, rootA, depth, memo)) return true;
  // A shared required discriminator only separates objects: at least one side must admit nothing else.
  if (!onlyObjects(typesA) && !onlyObjects(typesB)) return false;
  const propsA = isObject(a.properties) ? a.properties : undefined;
  const propsB = isObject(b.properties) ? b.properties : undefined;
  if (!propsA || !propsB) return false;
  const requiredB = new Set(strings(b.required));
  for (const name of strings(a.required)) {
    if (!requiredB.has(name)) continue;
    const schemaA = own(propsA, name);
    const schemaB = own(propsB, name);
    if (schemaA === undefined || schemaB === undefined) continue;
    const normalizedA = rootA === rootB ? normalizedOnce(schemaA, rootA, memo) : normalize(schemaA, rootA);
    const normalizedB = rootA === rootB ? normalizedOnce(schemaB, rootB, memo) : normalize(schemaB, rootB);
    if (provablyDisjoint(normalizedA, normalizedB, rootA, rootB, depth + 1, memo)) return true;
  }
  return false;
}

function unionDisjoint(union: JsonObject, other: Node, unionRoot: Json, otherRoot: Json, depth: number, memo: Map<Json, Node> | undefined): boolean {
  const branches = Array.isArray(union.anyOf) ? union.anyOf : undefined;
  if (!branches || branches.length > MAX_UNION_BRANCHES || depth > 1) return false;
  return branches.every((branch) => {
    const node = unionRoot === otherRoot ? normalizedOnce(branch, unionRoot, memo) : normalize(branch, unionRoot);
    return provablyDisjoint(node, other, unionRoot, otherRoot, depth + 1, memo);
  });
}

/** Branches of a nested union looked through when proving disjointness (at the top two levels); larger ones are not. */
const MAX_UNION_BRANCHES = 8;

/** Larger unions are left unproven rather than compared pair by pair. */
const MAX_PAIRWISE = 64;

/**
 * The first two branches of a union that cannot be proven disjoint, or undefined when every
 * pair is: then `oneOf` accepts exactly what `anyOf` accepts.
 */
export function firstOverlap(branches: Node[], root: Json): [number, number] | undefined {
  // Unions of `const`s, of any size: disjoint when no value repeats (each branch accepts at most its enum).
  if (branches.every((branch) => branch === FALSE || Array.isArray(branch.enum))) {
    const repeated = repeatedValue(branches);
    if (repeated === undefined || branches.length > MAX_PAIRWISE) return repeated;
  }
  if (branches.length > MAX_PAIRWISE) return [0, 1];
  const memo = new Map<Json, Node>();
  for (let i = 0; i < branches.length; i++) {
    for (let j = i + 1; j < branches.length; j++) {
      if (!provablyDisjoint(branches[i], branches[j], root, root, 0, memo)) return [i, j];
    }
  }
  return undefined;
}

/** A property schema normalised once per union check, however many pairs it is in (same document only). */
function normalizedOnce(schema: Json, root: Json, memo: Map<Json, Node> | undefined): Node {
  if (!memo || schema === null || typeof schema !== 'object') return normalize(schema, root);
  let node = memo.get(schema);
  if (node === undefined) memo.set(schema, (node = normalize(schema, root)));
  return node;
}

function repeatedValue(branches: Node[]): [number, number] | undefined {
  const firstSeen = new Map<string, number>();
  for (let index = 0; index < branches.length; index++) {
    const branch = branches[index];
    if (branch === FALSE || !Array.isArray(branch.enum)) continue;
    for (const value of branch.enum) {
      const key = canonical(value);
      const seen = firstSeen.get(key);
      if (seen !== undefined && seen !== index) return [seen, index];
      firstSeen.set(key, index);
    }
  }
  return undefined;
}

/** The JSON types a node admits by its `type` or `enum`, or (given its document) by the branches of its `anyOf`; undefined when unconstrained. */
function typesOf(node: JsonObject, root?: Json): Set<string> | undefined {
  if (Array.isArray(node.type)) {
    const types = new Set(node.type.map(String));
    if (types.has('number')) types.add('integer');
    return types;
  }
  if (Array.isArray(node.enum)) return new Set(node.enum.map(jsonType));
  if (root !== undefined && Array.isArray(node.anyOf)) return unionTypes(node.anyOf, root);
  return undefined;
}

/** Per union as written and per document: a union's types are asked for once per pair of branches it is in. */
const UNION_TYPES: UnionCache<Set<string> | undefined> = new WeakMap();

/** The types a union admits: those of its branches (normalised, so nested unions are spliced in), undefined when one is unconstrained. */
function unionTypes(branches: Json[], root: Json): Set<string> | undefined {
  const compute = () => {
    const out = new Set<string>();
    for (const branch of branches) {
      const node = normalize(branch, root);
      if (node === FALSE) continue;
      const types = typesOf(node);
      if (!types) return undefined;
      for (const type of types) out.add(type);
    }
    return out;
  };
  return oncePerUnion(UNION_TYPES, branches, root, compute);
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const type of a) if (b.has(type) || (type === 'integer' && b.has('number')) || (type === 'number' && b.has('integer'))) return true;
  return false;
}

function onlyObjects(types: Set<string> | undefined): boolean {
  return types !== undefined && [...types].every((type) => type === 'object');
}

/** Whether a schema rejects a value by its `type` or `enum` alone. */
function rejects(node: JsonObject, value: Json): boolean {
  const types = typesOf(node);
  if (Array.isArray(node.type) && types && !types.has(jsonType(value))) return true;
  if (Array.isArray(node.enum)) {
    const key = canonical(value);
    return !node.enum.some((item) => canonical(item) === key);
  }
  return false;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
