import type { LintSeverity } from '../lint/model.js';

// Lint's fail-on levels and rule settings, apart from the engine: the `lint` command's flag
// definitions need them at start-up, when no rule is loaded.

/** The lowest lint severity that fails a run; `none` never fails on findings. */
export type LintFailOn = LintSeverity | 'none';
export const LINT_FAIL_ON_LEVELS: readonly LintFailOn[] = ['error', 'warning', 'info', 'none'];
export const DEFAULT_LINT_FAIL_ON: LintFailOn = 'error';

/** A severity for a rule id in the project config or a flag; `off` turns the rule off. */
export type LintRuleSetting = LintSeverity | 'off';
export const LINT_RULE_SETTINGS: readonly LintRuleSetting[] = ['error', 'warning', 'info', 'off'];

export function isLintFailOn(value: unknown): value is LintFailOn {
  return typeof value === 'string' && (LINT_FAIL_ON_LEVELS as readonly string[]).includes(value);
}
