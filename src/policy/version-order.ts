import compare from 'semver/functions/compare.js';
import parse from 'semver/functions/parse.js';

/**
 * A note when the head's server version is lower than the base's (both semver): the snapshots were
 * most likely given in the wrong order, and every addition then reads as a removal.
 */
export function swappedVersionsNote(baseVersion: string, headVersion: string): string | undefined {
  const base = parse(baseVersion.trim());
  const head = parse(headVersion.trim());
  if (!base || !head || compare(head, base) >= 0) return undefined;
  return `The head's version ${head.version} is lower than the base's ${base.version}: are BASE and HEAD swapped? (The base is the released version, the head the new one.)`;
}
