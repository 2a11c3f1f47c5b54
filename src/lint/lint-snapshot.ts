import { LINT_RULES } from '../rules/lint-registry.js';
import type { Snapshot } from '../snapshot/model.js';
import { type LintContext, type LintFinding, type LintRule, type LintSeverity, NO_LINT_CONTEXT } from './model.js';

const RANK: Record<LintSeverity, number> = { error: 3, warning: 2, info: 1 };
const ENTITY_ORDER = ['server', 'tool', 'prompt', 'resource', 'resourceTemplate'];

/**
 * Runs every rule over the snapshot (with the chosen client profiles in `context`): findings ordered by severity (errors first), then entity,
 * name, pointer and rule. Pure: the same snapshot gives the same findings in the same order.
 */
export function lintSnapshot(snapshot: Snapshot, rules: readonly LintRule[] = LINT_RULES, context: LintContext = NO_LINT_CONTEXT): LintFinding[] {
  const findings = rules.flatMap((rule) => rule.check(snapshot, context).map((facts): LintFinding => ({ ...facts, rule: rule.id, severity: rule.severity, message: rule.message(facts) })));
  return findings.sort(compareFindings);
}

export function lintSeverityRank(severity: LintSeverity): number {
  return RANK[severity];
}

export function compareFindings(a: LintFinding, b: LintFinding): number {
  return (
    RANK[b.severity] - RANK[a.severity] ||
    ENTITY_ORDER.indexOf(a.entity) - ENTITY_ORDER.indexOf(b.entity) ||
    compareText(a.name, b.name) ||
    compareText(a.pointer, b.pointer) ||
    compareText(a.rule, b.rule)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
