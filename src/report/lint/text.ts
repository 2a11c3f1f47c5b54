import { Chalk, type ChalkInstance } from 'chalk';
import type { EntityKind } from '../../rules/types.js';
import { groupBySeverity } from '../group.js';
import { plural } from '../plural.js';
import { repeatedLines } from '../text.js';
import { cleanLine } from '../sanitize.js';
import type { LintReport, LintReportFinding, LintSeverity } from './model.js';

const SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];
const ENTITY_LABEL: Record<EntityKind, string> = { server: 'server', tool: 'tool', prompt: 'prompt', resource: 'resource', resourceTemplate: 'resource template' };

/**
 * The terminal report, about one line per finding: grouped by severity, then a line per finding
 * repeated across many entities (the same rule at the same pointer), then by entity; the summary last.
 */
export function renderLintText(report: LintReport, options: { color?: boolean } = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<LintSeverity, ChalkInstance> = { error: c.red.bold, warning: c.yellow.bold, info: c.cyan };
  const out = [c.bold(`${cleanLine(report.server.name)} ${cleanLine(report.server.version)}`)];
  for (const section of groupBySeverity(report.findings, SEVERITIES)) {
    const severity = section.severity;
    out.push('', paint[severity](`${severity.toUpperCase()} (${section.count})`));
    for (const group of section.repeated) out.push(...repeatedLines(group, c, paint[severity]));
    for (const entity of section.entities) {
      out.push(`  ${c.bold(`${ENTITY_LABEL[entity.entity]} ${cleanLine(entity.name)}`)}`);
      for (const finding of entity.changes) out.push(findingLine(finding, c, paint[severity]));
    }
  }
  if (report.findings.length === 0) out.push('', 'No findings.');
  out.push('', lintSummaryLine(report, c));
  return `${out.join('\n')}\n`;
}

function findingLine(finding: LintReportFinding, c: ChalkInstance, paint: ChalkInstance): string {
  const line = `    ${paint(finding.failing ? 'x' : '-')} ${cleanLine(finding.message)}  ${c.dim(`[${finding.rule} ${finding.fingerprint}]`)}`;
  return finding.defaultSeverity ? `${line} ${c.dim(`severity overridden (default ${finding.defaultSeverity})`)}` : line;
}

/** `2 errors, 1 warning, 0 infos; FAILED (fail-on: error)`: the last line of text and GitHub output. */
export function lintSummaryLine(report: LintReport, c: ChalkInstance = new Chalk({ level: 0 })): string {
  const s = report.summary;
  const counts = `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.info, 'info', 'info')}`;
  return `${counts}; ${s.failed ? c.red.bold(`FAILED (fail-on: ${s.failOn})`) : c.green(`passed (fail-on: ${s.failOn})`)}`;
}
