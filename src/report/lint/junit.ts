import { casesByEntity, junitDocument, renderCase } from '../junit.js';
import { cleanLine } from '../sanitize.js';
import type { LintReport, LintReportFinding } from './model.js';

/** JUnit XML: a test case per tool (and per other entity with findings), failing when it has a finding at or above fail-on. */
export function renderLintJunit(report: LintReport): string {
  const cases = casesByEntity(report.tools, report.findings, 'mcp-compat.lint');
  const failures = cases.filter((entry) => entry.items.some((finding) => finding.failing)).length;
  const suite = `lint ${cleanLine(report.server.name)} ${cleanLine(report.server.version)}`;
  return junitDocument(suite, cases.map((entry) => renderCase(entry, details)), failures);
}

function details(finding: LintReportFinding): string {
  return `${finding.severity}: ${finding.rule} at ${finding.pointer || '(entity)'} [${finding.fingerprint}]\n${finding.message}`;
}
