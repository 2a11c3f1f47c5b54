// The LintReport is built by policy (src/policy/lint-report.ts); lint reporters only format it.
export type { LintFailOn, LintReport, LintReportFinding, LintRuleInfo, LintSummary } from '../../policy/lint-report.js';
export type { LintSeverity } from '../../lint/model.js';
