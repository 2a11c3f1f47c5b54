import { workflowCommand } from '../github.js';
import { cleanLine } from '../sanitize.js';
import type { LintReport, LintReportFinding } from './model.js';
import { lintSummaryLine } from './text.js';

/** Annotations: an error per finding that fails the run (or is an error), a warning per other warning, a notice per info. */
export function renderLintGithub(report: LintReport): string {
  const lines = report.findings.map((finding) =>
    workflowCommand(
      level(finding),
      { file: finding.location?.path, line: finding.location?.line, title: `${finding.severity}: ${finding.rule} (${finding.entity} ${cleanLine(finding.name)})` },
      `${cleanLine(finding.message)}\nFingerprint: ${finding.fingerprint}`,
    ),
  );
  lines.push(`mcp-compat lint: ${lintSummaryLine(report)}`);
  return `${lines.join('\n')}\n`;
}

function level(finding: LintReportFinding): 'error' | 'warning' | 'notice' {
  if (finding.failing || finding.severity === 'error') return 'error';
  return finding.severity === 'warning' ? 'warning' : 'notice';
}
