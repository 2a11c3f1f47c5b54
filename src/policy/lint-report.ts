import { compareFindings, lintSeverityRank, lintSnapshot } from '../lint/lint-snapshot.js';
import type { LintContext, LintFinding, LintRule, LintSeverity } from '../lint/model.js';
import type { Snapshot } from '../snapshot/model.js';
import { fingerprint } from './fingerprint.js';
import { entityKey, locateEntities } from './locate.js';
import type { ReportLocation, ReportParty } from './report-model.js';
import type { LintFailOn, LintRuleSetting } from './lint-fail-on.js';

export { DEFAULT_LINT_FAIL_ON, isLintFailOn, LINT_FAIL_ON_LEVELS, LINT_RULE_SETTINGS, type LintFailOn, type LintRuleSetting } from './lint-fail-on.js';

export function reachesLintFailOn(severity: LintSeverity, failOn: LintFailOn): boolean {
  return failOn !== 'none' && lintSeverityRank(severity) >= lintSeverityRank(failOn);
}

/** A finding after policy: its effective severity, fingerprint and place in the file. */
export interface LintReportFinding extends LintFinding {
  fingerprint: string;
  /** The catalog severity when a severity setting changed it. */
  defaultSeverity?: LintSeverity;
  /** At or above fail-on: this finding alone fails the run. */
  failing: boolean;
  location?: ReportLocation;
}

/** What a reporter says about a rule (SARIF descriptors, JUnit types): the rules that ran. */
export interface LintRuleInfo {
  id: string;
  severity: LintSeverity;
  title: string;
  rationale: string;
}

export interface LintSummary {
  error: number;
  warning: number;
  info: number;
  /** Findings at or above fail-on. */
  failing: number;
  failOn: LintFailOn;
  failed: boolean;
}

/** Everything a lint reporter prints, computed once by `buildLintReport`: reporters only format it. */
export interface LintReport {
  formatVersion: 1;
  server: ReportParty;
  summary: LintSummary;
  /** Errors first, then warnings and infos; within a severity by entity, name and pointer. */
  findings: LintReportFinding[];
  /** Every tool name of the snapshot, sorted: one JUnit test case each. */
  tools: string[];
  /** The rules that ran, in catalog order. */
  rules: LintRuleInfo[];
  /** Rule ids turned off by the settings. */
  disabled: string[];
}

export interface LintPolicy {
  failOn: LintFailOn;
  /** Per rule id: a severity replacing the catalog's, or `off`. */
  rules?: Readonly<Record<string, LintRuleSetting>>;
}

export interface BuildLintReportInput {
  snapshot: Snapshot;
  rules: readonly LintRule[];
  policy: LintPolicy;
  /** The snapshot file, when there is one: findings point at their entity's line in it. */
  source?: { path: string; text?: string };
  /** The client profiles whose limits the client rules check (none: they find nothing). */
  context?: LintContext;
}

/** Runs the enabled rules and applies the policy. Pure. */
export function buildLintReport({ snapshot, rules, policy, source, context }: BuildLintReportInput): LintReport {
  const settings = policy.rules ?? {};
  const setting = (id: string): LintRuleSetting | undefined => (Object.hasOwn(settings, id) ? settings[id] : undefined);
  const enabled = rules.filter((rule) => setting(rule.id) !== 'off');
  const lines = source?.text === undefined ? undefined : locateEntities(source.text);

  const findings = lintSnapshot(snapshot, enabled, context)
    .map((finding): LintReportFinding => {
      const override = setting(finding.rule) as LintSeverity | undefined;
      const severity = override ?? finding.severity;
      const line = lines?.get(entityKey(finding.entity, finding.entity === 'server' ? '' : finding.name));
      return {
        ...finding,
        severity,
        ...(override !== undefined && override !== finding.severity ? { defaultSeverity: finding.severity } : {}),
        fingerprint: fingerprint(finding),
        failing: reachesLintFailOn(severity, policy.failOn),
        ...(source ? { location: { path: source.path, line: line ?? 1 } } : {}),
      };
    })
    .sort(compareFindings);

  const count = (severity: LintSeverity) => findings.filter((finding) => finding.severity === severity).length;
  const failing = findings.filter((finding) => finding.failing).length;
  return {
    formatVersion: 1,
    server: { name: snapshot.server.name, version: snapshot.server.version, ...(source ? { file: source.path } : {}) },
    summary: { error: count('error'), warning: count('warning'), info: count('info'), failing, failOn: policy.failOn, failed: failing > 0 },
    findings,
    tools: snapshot.tools.map((tool) => tool.name).sort(),
    rules: enabled.map((rule) => ({ id: rule.id, severity: (setting(rule.id) as LintSeverity | undefined) ?? rule.severity, title: rule.title, rationale: rule.rationale })),
    disabled: rules.filter((rule) => setting(rule.id) === 'off').map((rule) => rule.id),
  };
}
