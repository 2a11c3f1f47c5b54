import type { Json, ToolSnapshot } from '../snapshot/model.js';
import { compareStrings } from './json.js';

export interface Rename {
  before: ToolSnapshot;
  after: ToolSnapshot;
  /** 0..1, two decimals. */
  similarity: number;
}

/** Pairs scoring at least this are reported as one rename instead of a removal and an addition. */
export const RENAME_THRESHOLD = 0.75;
/** Candidates fully scored per removed tool; keeps detection linear in the number of tools. */
const MAX_CANDIDATES = 16;
/** Tokens shared by more added tools than this say nothing about identity and are not indexed. */
const MAX_POSTING = 64;
const MAX_FEATURES = 4000;
const IGNORED_SCHEMA_KEYS = new Set(['description', 'title', 'examples', '$schema', '$comment', '$id']);

interface Profile {
  tool: ToolSnapshot;
  schema: Set<string>;
  words: Set<string>;
  nameParts: Set<string>;
  /** Identity-bearing tokens used to find candidates: property names and description words. */
  keys: Set<string>;
}

function schemaFeatures(schema: Json | undefined, prefix: string, out: Set<string>, keys: Set<string>): void {
  const walk = (value: Json, path: string): void => {
    if (out.size >= MAX_FEATURES) return;
    if (value === null || typeof value !== 'object') {
      out.add(`${path}=${JSON.stringify(value)}`);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item) => walk(item, `${path}[]`));
      if (value.length === 0) out.add(`${path}=[]`);
      return;
    }
    const entries = Object.entries(value);
    if (entries.length === 0) out.add(`${path}={}`);
    for (const [key, child] of entries) {
      if (IGNORED_SCHEMA_KEYS.has(key) && typeof child === 'string') continue;
      if (path.endsWith('/properties')) keys.add(`p:${key}`);
      walk(child, `${path}/${key}`);
    }
  };
  if (schema !== undefined) walk(schema, prefix);
}

function words(text: string | undefined): Set<string> {
  const result = new Set<string>();
  for (const word of (text ?? '').toLowerCase().split(/[^a-z0-9]+/)) if (word.length >= 3) result.add(word);
  return result;
}

function nameParts(name: string): Set<string> {
  return new Set(
    name
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean),
  );
}

function profile(tool: ToolSnapshot): Profile {
  const schema = new Set<string>();
  const keys = new Set<string>();
  schemaFeatures(tool.inputSchema, 'in', schema, keys);
  schemaFeatures(tool.outputSchema, 'out', schema, keys);
  const descriptionWords = words(tool.description);
  for (const word of descriptionWords) keys.add(`w:${word}`);
  return { tool, schema, words: descriptionWords, nameParts: nameParts(tool.name), keys };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Weighted: the schema says most about identity, the description next, the name least (it changed). */
export function toolSimilarity(a: Profile, b: Profile): number {
  const schema = jaccard(a.schema, b.schema);
  const name = jaccard(a.nameParts, b.nameParts);
  if (a.words.size === 0 && b.words.size === 0) {
    // Nothing but an empty schema to go on: two parameterless, undescribed tools are not "close".
    if (a.keys.size === 0 && b.keys.size === 0) return 0;
    return (0.55 * schema + 0.1 * name) / 0.65;
  }
  return 0.55 * schema + 0.35 * jaccard(a.words, b.words) + 0.1 * name;
}

/**
 * Finds renames among removed and added tools. Added tools are indexed by their identity tokens;
 * each removed tool scores at most MAX_CANDIDATES of them, so the cost is linear in the tool
 * count. Pairs are then taken greedily by similarity (ties by names), each tool used once.
 */
export function detectRenames(
  removed: readonly ToolSnapshot[],
  added: readonly ToolSnapshot[],
): { renames: Rename[]; removed: ToolSnapshot[]; added: ToolSnapshot[] } {
  if (removed.length === 0 || added.length === 0) return { renames: [], removed: [...removed], added: [...added] };
  const addedProfiles = added.map(profile);
  const index = new Map<string, number[]>();
  addedProfiles.forEach((p, i) => {
    for (const key of p.keys) {
      const posting = index.get(key);
      if (posting) posting.push(i);
      else index.set(key, [i]);
    }
  });

  const pairs: Array<{ from: number; to: number; similarity: number }> = [];
  removed.forEach((tool, from) => {
    const p = profile(tool);
    let candidates: number[];
    if (addedProfiles.length <= MAX_CANDIDATES) {
      candidates = addedProfiles.map((_, i) => i);
    } else {
      const counts = new Map<number, number>();
      for (const key of p.keys) {
        const posting = index.get(key);
        if (!posting || posting.length > MAX_POSTING) continue;
        for (const i of posting) counts.set(i, (counts.get(i) ?? 0) + 1);
      }
      candidates = [...counts.entries()]
        .sort((a, b) => b[1] - a[1] || compareStrings(added[a[0]]!.name, added[b[0]]!.name))
        .slice(0, MAX_CANDIDATES)
        .map(([i]) => i);
    }
    for (const to of candidates) {
      const similarity = Math.round(toolSimilarity(p, addedProfiles[to]!) * 100) / 100;
      if (similarity >= RENAME_THRESHOLD) pairs.push({ from, to, similarity });
    }
  });

  pairs.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      compareStrings(removed[a.from]!.name, removed[b.from]!.name) ||
      compareStrings(added[a.to]!.name, added[b.to]!.name),
  );
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const renames: Rename[] = [];
  for (const pair of pairs) {
    if (usedFrom.has(pair.from) || usedTo.has(pair.to)) continue;
    usedFrom.add(pair.from);
    usedTo.add(pair.to);
    renames.push({ before: removed[pair.from]!, after: added[pair.to]!, similarity: pair.similarity });
  }
  renames.sort((a, b) => compareStrings(a.before.name, b.before.name));
  return {
    renames,
    removed: removed.filter((_, i) => !usedFrom.has(i)),
    added: added.filter((_, i) => !usedTo.has(i)),
  };
}
