import { escapeJsonText } from '../sanitize.js';
import type { LintReport } from './model.js';

/** The machine contract of `lint --format json`; schemas/lint-report.schema.json describes it. */
export function renderLintJson(report: LintReport): string {
  const document = {
    formatVersion: report.formatVersion,
    server: { name: report.server.name, version: report.server.version },
    summary: { ...report.summary },
    findings: report.findings.map((finding) => ({
      rule: finding.rule,
      severity: finding.severity,
      entity: finding.entity,
      name: finding.name,
      pointer: finding.pointer,
      message: finding.message,
      fingerprint: finding.fingerprint,
    })),
  };
  // The server's strings exactly, with controls, bidi and invisible characters as \uXXXX escapes.
  return `${escapeJsonText(JSON.stringify(document, null, 2))}\n`;
}
