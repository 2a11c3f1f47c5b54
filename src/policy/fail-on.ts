import type { Severity } from '../rules/types.js';

/** The lowest severity that fails a run; `none` never fails on changes. */
export type FailOn = Severity | 'none';
export const FAIL_ON_LEVELS: readonly FailOn[] = ['breaking', 'risky', 'compatible', 'none'];

const RANK: Record<Severity, number> = { breaking: 3, risky: 2, compatible: 1 };

/** Whether a change of `severity` is at or above the `failOn` level. */
export function reachesFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'none' && RANK[severity] >= RANK[failOn];
}

export function severityRank(severity: Severity): number {
  return RANK[severity];
}

export function isFailOn(value: unknown): value is FailOn {
  return typeof value === 'string' && (FAIL_ON_LEVELS as readonly string[]).includes(value);
}
