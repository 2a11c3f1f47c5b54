import { artifactLocation } from '../artifact-location.js';
import { INFORMATION_URI, sarifLog, sarifText } from '../sarif.js';
import { cleanLine } from '../sanitize.js';
import type { LintReport, LintReportFinding, LintRuleInfo, LintSeverity } from './model.js';

const LEVEL: Record<LintSeverity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/**
 * SARIF 2.1.0 for code scanning: one reporting descriptor per rule that ran, one result per finding,
 * located at its entity's line in the snapshot file when there is one.
 */
export function renderLintSarif(report: LintReport, options: { toolVersion?: string } = {}): string {
  const index = new Map(report.rules.map((rule, position) => [rule.id, position]));
  return sarifLog({
    toolVersion: options.toolVersion,
    rules: report.rules.map(descriptor),
    results: report.findings.map((finding) => result(finding, index.get(finding.rule))),
    properties: { server: { name: report.server.name, version: report.server.version }, failOn: report.summary.failOn, failed: report.summary.failed },
  });
}

function descriptor(rule: LintRuleInfo): Record<string, unknown> {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, char: string) => char.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    helpUri: `${INFORMATION_URI}/blob/main/docs/rules.md#${rule.id}`,
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { severity: rule.severity, tags: ['mcp', 'lint', rule.severity] },
  };
}

function result(finding: LintReportFinding, ruleIndex: number | undefined): Record<string, unknown> {
  return {
    ruleId: finding.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[finding.severity],
    message: { text: sarifText(finding.message) },
    ...(finding.location
      ? {
          locations: [
            {
              physicalLocation: { artifactLocation: artifactLocation(finding.location.path), region: { startLine: finding.location.line } },
              logicalLocations: [{ name: cleanLine(finding.name), fullyQualifiedName: `${finding.entity}:${cleanLine(finding.name)}${cleanLine(finding.pointer)}`, kind: 'member' }],
            },
          ],
        }
      : {}),
    partialFingerprints: { 'mcpCompatLint/v1': finding.fingerprint },
    properties: { entity: finding.entity, name: finding.name, pointer: finding.pointer, severity: finding.severity, failing: finding.failing },
  };
}
