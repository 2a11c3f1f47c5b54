import { compareStrings } from './json.js';

export interface Matching<T> {
  matched: Array<[before: T, after: T]>;
  removed: T[];
  added: T[];
}

/**
 * Pairs entities of two lists by key. Lists come sorted from snapshots, but hand-edited files may
 * not be; the outcome is sorted by key either way. A duplicate key keeps its first occurrence.
 */
export function matchByKey<T>(before: readonly T[], after: readonly T[], key: (item: T) => string): Matching<T> {
  const afterByKey = new Map<string, T>();
  for (const item of after) if (!afterByKey.has(key(item))) afterByKey.set(key(item), item);
  const seen = new Set<string>();
  const matched: Array<[T, T]> = [];
  const removed: T[] = [];
  for (const item of before) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    const other = afterByKey.get(k);
    if (other === undefined) removed.push(item);
    else matched.push([item, other]);
  }
  const added = [...afterByKey.entries()].filter(([k]) => !seen.has(k)).map(([, item]) => item);
  const byKey = (a: T, b: T) => compareStrings(key(a), key(b));
  matched.sort((a, b) => byKey(a[0], b[0]));
  removed.sort(byKey);
  added.sort(byKey);
  return { matched, removed, added };
}
