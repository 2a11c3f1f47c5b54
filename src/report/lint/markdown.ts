import { DEFAULT_MARKDOWN_BUDGET, escapeMarkdown, escapeMessage } from '../markdown.js';
import { plural } from '../plural.js';
import type { LintReport, LintReportFinding, LintSeverity } from './model.js';

const ICON: Record<LintSeverity, string> = { error: '🔴', warning: '🟠', info: '🔵' };
const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];

/**
 * For pull-request comments and job summaries: the verdict, the counts, and a table of findings.
 * Rows that would pass the budget are left out whole, with a note saying how many.
 */
export function renderLintMarkdown(report: LintReport, options: { budget?: number } = {}): string {
  const budget = options.budget ?? DEFAULT_MARKDOWN_BUDGET;
  const s = report.summary;
  const verdict = s.failed ? `❌ mcp-compat lint: ${plural(s.failing, 'finding')} at or above ${s.failOn}` : `✅ mcp-compat lint: passed`;
  const head = [
    `### ${verdict}`,
    '',
    `${escapeMessage(`\`${report.server.name}\` \`${report.server.version}\``)} · fail-on: **${s.failOn}**`,
    '',
    '| Severity | Findings |',
    '| --- | ---: |',
    ...SEVERITIES.map((severity) => `| ${ICON[severity]} ${severity} | ${s[severity]} |`),
    '',
  ];
  if (report.findings.length === 0) return `${[...head, 'No findings.'].join('\n')}\n`;
  const table = ['| | Rule | Where | Finding |', '| --- | --- | --- | --- |'];
  let used = [...head, ...table].join('\n').length + 200;
  let shown = 0;
  for (const finding of report.findings) {
    const row = findingRow(finding);
    if (used + row.length + 1 > budget) break;
    table.push(row);
    used += row.length + 1;
    shown++;
  }
  const omitted = report.findings.length - shown;
  const note = omitted > 0 ? ['', `_To keep this comment under ${budget.toLocaleString('en-US')} characters, ${plural(omitted, 'finding')} ${omitted === 1 ? 'is' : 'are'} left out: the job log and \`--format text\` have everything._`] : [];
  return `${[...head, ...table, ...note].join('\n')}\n`;
}

function findingRow(finding: LintReportFinding): string {
  const where = escapeMessage(`${finding.entity} \`${finding.name}\` \`${finding.pointer || '(entity)'}\``);
  return `| ${ICON[finding.severity]}${finding.failing ? ' **x**' : ''} | \`${finding.rule}\` | ${where} | ${escapeMessage(finding.message)} ${escapeMarkdown(`[${finding.fingerprint}]`)} |`;
}
