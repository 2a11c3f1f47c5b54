import type { Json, JsonObject } from '../snapshot/model.js';
import { FALSE, normalize, type Node } from './normalize.js';
import { canonical, containsRef, isObject, jsonType, orderFreeCanonical, own } from './json.js';

export interface BranchMatching {
  pairs: Array<[number, number]>;
  unmatchedBefore: number[];
  unmatchedAfter: number[];
}

/**
 * Pairs the branches of two unions by best overlap, never by position, so reordering branches
 * is not a change and a discriminated union keeps each variant paired with its own. Greedy on
 * descending score: unions in real schemas are small (zod emits one branch per variant), and a
 * shared discriminator value dominates every other signal.
 */
export function matchBranches(before: Json[], after: Json[], beforeRoot: Json, afterRoot: Json): BranchMatching {
  const left = before.map((b) => normalize(b, beforeRoot));
  const right = after.map((a) => normalize(a, afterRoot));
  const candidates: Array<{ i: number; j: number; score: number }> = [];
  for (let i = 0; i < left.length; i++) {
    for (let j = 0; j < right.length; j++) {
      const score = similarity(left[i], right[j], before[i], after[j], beforeRoot, afterRoot);
      if (score > 0) candidates.push({ i, j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedBefore = new Set<number>();
  const usedAfter = new Set<number>();
  const pairs: Array<[number, number]> = [];
  for (const { i, j } of candidates) {
    if (usedBefore.has(i) || usedAfter.has(j)) continue;
    usedBefore.add(i);
    usedAfter.add(j);
    pairs.push([i, j]);
  }
  return {
    pairs,
    unmatchedBefore: left.map((_, i) => i).filter((i) => !usedBefore.has(i)),
    unmatchedAfter: right.map((_, j) => j).filter((j) => !usedAfter.has(j)),
  };
}

function similarity(a: Node, b: Node, rawA: Json, rawB: Json, beforeRoot: Json, afterRoot: Json): number {
  if (a === FALSE || b === FALSE) return a === b ? 1000 : 0;
  if (!containsRef(rawA) && !containsRef(rawB) && orderFreeCanonical(rawA) === orderFreeCanonical(rawB)) return 1000;
  const typesA = typesOf(a, beforeRoot);
  const typesB = typesOf(b, afterRoot);
  if (typesA && typesB && ![...typesA].some((t) => typesB.has(t) || (t === 'integer' && typesB.has('number')) || (t === 'number' && typesB.has('integer')))) {
    return 0;
  }
  let score = 1;
  if (orderFreeCanonical(a) === orderFreeCanonical(b)) score += 500;
  if (Array.isArray(a.enum) && Array.isArray(b.enum)) {
    const values = new Set(a.enum.map((v) => canonical(v)));
    score += b.enum.some((v) => values.has(canonical(v))) ? 50 : -0.5;
  }
  const propsA = isObject(a.properties) ? a.properties : {};
  const propsB = isObject(b.properties) ? b.properties : {};
  for (const [name, schema] of Object.entries(propsA)) {
    if (!Object.hasOwn(propsB, name)) continue;
    score += 10;
    const tagA = discriminator(schema);
    const tagB = discriminator(own(propsB, name));
    if (tagA !== undefined && tagB !== undefined) score += tagA === tagB ? 200 : -200;
  }
  for (const key of ['format', 'pattern', 'items', 'additionalProperties'] as const) {
    if (key in a && key in b && canonical(a[key]) === canonical(b[key])) score += 5;
  }
  return score;
}

/** The JSON types a branch admits, looking through nested unions; undefined when unconstrained. */
function typesOf(node: JsonObject, root: Json, depth = 0): Set<string> | undefined {
  if (Array.isArray(node.type)) return new Set(node.type.map(String));
  if (Array.isArray(node.enum)) return new Set(node.enum.map(jsonType));
  const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (!branches || depth > 8) return undefined;
  const types = new Set<string>();
  for (const branch of branches) {
    const normalized = normalize(branch, root);
    if (normalized === FALSE) continue;
    const inner = typesOf(normalized, root, depth + 1);
    if (!inner) return undefined;
    for (const t of inner) types.add(t);
  }
  return types;
}

/** The single value a discriminator property is fixed to (`const`, or a one-value `enum`). */
function discriminator(schema: Json | undefined): string | undefined {
  if (!isObject(schema)) return undefined;
  if ('const' in schema) return canonical(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length === 1) return canonical(schema.enum[0]);
  return undefined;
}
