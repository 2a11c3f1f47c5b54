import type { Json, PromptSnapshot, ToolSnapshot } from '../snapshot/model.js';
import { compareStrings } from './json.js';

export interface Rename<T = ToolSnapshot> {
  before: T;
  after: T;
  /** 0..1, two decimals. */
  similarity: number;
  /** The names are the same words in another case style or with other separators (`get_user` -> `getUser`). */
  sameWords: boolean;
}

export interface RenameDetection<T> {
  renames: Array<Rename<T>>;
  removed: T[];
  added: T[];
}

/** Pairs scoring at least this are reported as one rename instead of a removal and an addition. */
export const RENAME_THRESHOLD = 0.75;
/** Candidates fully scored per removed entity; keeps detection linear in the number of entities. */
const MAX_CANDIDATES = 16;
/** Tokens shared by more added entities than this say nothing about identity and are not indexed. */
const MAX_POSTING = 64;
const MAX_FEATURES = 4000;
const IGNORED_SCHEMA_KEYS = new Set(['description', 'title', 'examples', '$schema', '$comment', '$id']);

interface Profile {
  schema: Set<string>;
  words: Set<string>;
  nameParts: Set<string>;
  /** Identity-bearing tokens used to find candidates: property or argument names, description words. */
  keys: Set<string>;
}

function schemaFeatures(schema: Json | undefined, prefix: string, out: Set<string>, keys: Set<string>): void {
  // `underProperties`: the path ends with `/properties` (the key was `properties`, or a key ending with `/properties`),
  // told along instead of tested on the path, whose text grows with the depth.
  const walk = (value: Json, path: string, underProperties: boolean): void => {
    if (out.size >= MAX_FEATURES) return;
    if (value === null || typeof value !== 'object') {
      out.add(`${path}=${JSON.stringify(value)}`);
      return;
    }
    if (Array.isArray(value)) {
      const items = `${path}[]`;
      for (let index = 0; index < value.length; index++) walk(value[index] as Json, items, false);
      if (value.length === 0) out.add(`${path}=[]`);
      return;
    }
    let empty = true;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      empty = false;
      const child = value[key] as Json;
      if (IGNORED_SCHEMA_KEYS.has(key) && typeof child === 'string') continue;
      if (underProperties) keys.add(`p:${key}`);
      walk(child, `${path}/${key}`, key === 'properties' || key.endsWith('/properties'));
    }
    if (empty) out.add(`${path}={}`);
  };
  if (schema !== undefined) walk(schema, prefix, false);
}

function words(...texts: Array<string | undefined>): Set<string> {
  const result = new Set<string>();
  for (const text of texts) for (const word of (text ?? '').toLowerCase().split(/[^a-z0-9]+/)) if (word.length >= 3) result.add(word);
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

/**
 * The name without its case style: lower case, separators (`_ - . /`, spaces, any non-alphanumeric)
 * dropped, so `getTinyImage`, `get-tiny-image`, `GET_TINY_IMAGE` and `tiny/get.image`... share
 * `gettinyimage` only when they carry the same letters in the same order. Letters of any script
 * count; a name with none yields '' and is never bucketed.
 */
export function nameWordsKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function toolProfile(tool: ToolSnapshot): Profile {
  const schema = new Set<string>();
  const keys = new Set<string>();
  schemaFeatures(tool.inputSchema, 'in', schema, keys);
  schemaFeatures(tool.outputSchema, 'out', schema, keys);
  const descriptionWords = words(tool.description);
  for (const word of descriptionWords) keys.add(`w:${word}`);
  return { schema, words: descriptionWords, nameParts: nameParts(tool.name), keys };
}

/** A prompt's "schema" is its argument list: names and whether each is required. */
function promptProfile(prompt: PromptSnapshot): Profile {
  const schema = new Set<string>();
  const keys = new Set<string>();
  for (const argument of prompt.arguments ?? []) {
    schema.add(`arg:${argument.name}:${argument.required === true ? 'required' : 'optional'}`);
    keys.add(`p:${argument.name}`);
  }
  const descriptionWords = words(prompt.description, ...(prompt.arguments ?? []).map((argument) => argument.description));
  for (const word of descriptionWords) keys.add(`w:${word}`);
  return { schema, words: descriptionWords, nameParts: nameParts(prompt.name), keys };
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Weighted: the schema says most about identity, the description next, the name least (it changed). */
function similarity(a: Profile, b: Profile): number {
  const schema = jaccard(a.schema, b.schema);
  const name = jaccard(a.nameParts, b.nameParts);
  let score: number;
  if (a.schema.size === 0 && b.schema.size === 0) {
    // Two prompts without arguments: no structure to share, so the description alone decides
    // (`review_code` and `explain_code`, "... the code in this file", are two prompts, not one).
    score = a.words.size === 0 && b.words.size === 0 ? 0 : (0.35 * jaccard(a.words, b.words) + 0.1 * name) / 0.45;
  } else if (a.words.size === 0 && b.words.size === 0) {
    // Nothing but an empty schema to go on: two parameterless, undescribed entities are not "close".
    score = a.keys.size === 0 && b.keys.size === 0 ? 0 : (0.55 * schema + 0.1 * name) / 0.65;
  } else {
    score = 0.55 * schema + 0.35 * jaccard(a.words, b.words) + 0.1 * name;
  }
  return Math.round(score * 100) / 100;
}

interface Pair {
  from: number;
  to: number;
  similarity: number;
}

/** Takes pairs greedily by similarity (ties by names), each entity at most once. */
function takeGreedily<T extends { name: string }>(
  pairs: Pair[],
  removed: readonly T[],
  added: readonly T[],
  usedFrom: Set<number>,
  usedTo: Set<number>,
  sameWords: boolean,
): Array<Rename<T>> {
  pairs.sort(
    (a, b) =>
      b.similarity - a.similarity ||
      compareStrings(removed[a.from]!.name, removed[b.from]!.name) ||
      compareStrings(added[a.to]!.name, added[b.to]!.name),
  );
  const renames: Array<Rename<T>> = [];
  for (const pair of pairs) {
    if (usedFrom.has(pair.from) || usedTo.has(pair.to)) continue;
    usedFrom.add(pair.from);
    usedTo.add(pair.to);
    renames.push({ before: removed[pair.from]!, after: added[pair.to]!, similarity: pair.similarity, sameWords });
  }
  return renames;
}

/**
 * First pass: names that are the same words in another style. A tool (or prompt) that went from
 * `getTinyImage` to `get-tiny-image` is the same entity whatever happened to its schema, so such
 * pairs need no similarity threshold. Entities are bucketed by `nameWordsKey`; within a bucket
 * (almost always one removed and one added) the closest pairs are taken first.
 */
function pairSameWords<T extends { name: string }>(
  removed: readonly T[],
  added: readonly T[],
  profiles: { removed: Profile[]; added: Profile[] },
  usedFrom: Set<number>,
  usedTo: Set<number>,
): Array<Rename<T>> {
  const addedByKey = new Map<string, number[]>();
  added.forEach((item, i) => {
    const key = nameWordsKey(item.name);
    if (key === '') return;
    const bucket = addedByKey.get(key);
    if (bucket) bucket.push(i);
    else addedByKey.set(key, [i]);
  });
  const pairs: Pair[] = [];
  removed.forEach((item, from) => {
    const bucket = addedByKey.get(nameWordsKey(item.name));
    if (!bucket) return;
    for (const to of bucket.slice(0, MAX_CANDIDATES)) {
      pairs.push({ from, to, similarity: similarity(profiles.removed[from]!, profiles.added[to]!) });
    }
  });
  return takeGreedily(pairs, removed, added, usedFrom, usedTo, true);
}

/**
 * Finds renames among removed and added entities. Added entities are indexed by their identity
 * tokens; each removed one scores at most MAX_CANDIDATES of them, so the cost is linear in the
 * entity count. Same-words names are paired first; the rest pair greedily above RENAME_THRESHOLD.
 */
function detect<T extends { name: string }>(
  removed: readonly T[],
  added: readonly T[],
  profileOf: (item: T) => Profile,
): RenameDetection<T> {
  if (removed.length === 0 || added.length === 0) return { renames: [], removed: [...removed], added: [...added] };
  const profiles = { removed: removed.map(profileOf), added: added.map(profileOf) };
  const usedFrom = new Set<number>();
  const usedTo = new Set<number>();
  const renames = pairSameWords(removed, added, profiles, usedFrom, usedTo);

  const index = new Map<string, number[]>();
  profiles.added.forEach((p, i) => {
    if (usedTo.has(i)) return;
    for (const key of p.keys) {
      const posting = index.get(key);
      if (posting) posting.push(i);
      else index.set(key, [i]);
    }
  });
  const open = profiles.added.map((_, i) => i).filter((i) => !usedTo.has(i));
  const pairs: Pair[] = [];
  profiles.removed.forEach((p, from) => {
    if (usedFrom.has(from)) return;
    let candidates: number[];
    if (open.length <= MAX_CANDIDATES) {
      candidates = open;
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
      const score = similarity(p, profiles.added[to]!);
      if (score >= RENAME_THRESHOLD) pairs.push({ from, to, similarity: score });
    }
  });
  renames.push(...takeGreedily(pairs, removed, added, usedFrom, usedTo, false));
  renames.sort((a, b) => compareStrings(a.before.name, b.before.name));
  return {
    renames,
    removed: removed.filter((_, i) => !usedFrom.has(i)),
    added: added.filter((_, i) => !usedTo.has(i)),
  };
}

export function detectRenames(removed: readonly ToolSnapshot[], added: readonly ToolSnapshot[]): RenameDetection<ToolSnapshot> {
  return detect(removed, added, toolProfile);
}

export function detectPromptRenames(
  removed: readonly PromptSnapshot[],
  added: readonly PromptSnapshot[],
): RenameDetection<PromptSnapshot> {
  return detect(removed, added, promptProfile);
}
