// The three functions used, not the whole package: semver's index loads every range helper too.
import type SemVer from 'semver/classes/semver.js';
import compare from 'semver/functions/compare.js';
import inc from 'semver/functions/inc.js';
import parse from 'semver/functions/parse.js';
import type { Change } from '../diff/model.js';
import { getRule, hasRule } from '../rules/registry.js';

export type Bump = 'major' | 'minor' | 'patch' | 'none';

const RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/**
 * Any breaking change -> major; else any change whose rule calls for `minor` (additions,
 * loosening) -> minor; else any change -> patch; nothing -> none. Uses the change's severity as it
 * stands after policy, so a breaking change downgraded by an override falls back to its rule's bump.
 */
export function recommendBump(changes: readonly Pick<Change, 'rule' | 'severity'>[]): Bump {
  if (changes.length === 0) return 'none';
  if (changes.some((c) => c.severity === 'breaking')) return 'major';
  // An id the registry does not know (a report from another version) cannot call for more than patch.
  if (changes.some((c) => hasRule(c.rule) && getRule(c.rule).bump === 'minor')) return 'minor';
  return 'patch';
}

/**
 * The bump that, from `base`, signals what `required` means. Under semver §4 anything may change
 * in 0.x; we follow the reading npm's caret ranges and Cargo give it: the first non-zero component
 * is the compatibility boundary. So from 0.y.z a breaking change needs a minor bump (0.3.1 ->
 * 0.4.0) and an addition a patch bump; from 0.0.z every bump is breaking.
 */
function effectiveRequirement(base: SemVer, required: Bump): Bump {
  if (required === 'none' || base.major > 0) return required;
  if (base.minor > 0) return required === 'major' ? 'minor' : 'patch';
  return 'patch';
}

function declaredBump(base: SemVer, next: SemVer): Bump {
  if (next.major !== base.major) return 'major';
  if (next.minor !== base.minor) return 'minor';
  if (next.patch !== base.patch) return 'patch';
  return 'none';
}

/**
 * Checks a declared next version against the base version and the bump the changes require.
 * Never throws: an invalid version is a failed check with a message saying which one.
 *
 * Prereleases: the bump is measured on major.minor.patch, so 1.4.2 -> 2.0.0-rc.1 declares a major
 * bump. A base that is itself a prerelease (2.0.0-beta.1) carries no compatibility promise
 * (semver §9), so any later version is accepted from it. Build metadata is ignored (semver §10).
 */
export function checkDeclaredVersion(
  baseVersion: string,
  nextVersion: string,
  required: Bump,
): { ok: boolean; declared: Bump; message: string; minimumVersion?: string } {
  const base = parse(baseVersion.trim());
  const next = parse(nextVersion.trim());
  if (!base || !next) {
    const bad = [!base ? `base version "${baseVersion}"` : '', !next ? `declared version "${nextVersion}"` : '']
      .filter(Boolean)
      .join(' and ');
    return { ok: false, declared: 'none', message: `Cannot check the version: ${bad} is not valid semver (expected MAJOR.MINOR.PATCH).` };
  }
  const declared = declaredBump(base, next);
  const order = compare(next, base);
  if (order < 0) {
    const minimumVersion = suggestVersion(base, effectiveRequirement(base, required));
    return { ok: false, declared, message: `Declared version ${next.version} is lower than the base version ${base.version}.`, minimumVersion };
  }
  if (base.prerelease.length > 0) {
    return {
      ok: true,
      declared,
      message: `Base version ${base.version} is a prerelease, which promises no compatibility; ${next.version} is accepted (required: ${required}).`,
    };
  }
  if (order === 0) {
    return required === 'none'
      ? { ok: true, declared, message: `Version ${next.version} is unchanged and nothing changed.` }
      : {
          ok: false,
          declared,
          message: `Version ${next.version} is unchanged, but the changes require a ${required} bump.`,
          minimumVersion: suggestVersion(base, effectiveRequirement(base, required)),
        };
  }
  const needed = effectiveRequirement(base, required);
  const zeroNote =
    needed !== required ? ` (in ${base.major}.${base.minor}.x a ${needed} bump is what signals a ${required} change)` : '';
  if (RANK[declared] >= RANK[needed]) {
    return {
      ok: true,
      declared,
      message: `${base.version} -> ${next.version} is a ${declared} bump; the changes require ${required}${zeroNote}.`,
    };
  }
  return {
    ok: false,
    declared,
    message: `${base.version} -> ${next.version} is a ${declared} bump, but the changes require ${required}${zeroNote}; declare at least ${suggestVersion(base, needed)}.`,
    minimumVersion: suggestVersion(base, needed),
  };
}

function suggestVersion(base: SemVer, bump: Bump): string {
  return bump === 'none' ? base.version : (inc(base.version, bump) ?? base.version);
}
