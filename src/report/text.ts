import { Chalk, type ChalkInstance } from 'chalk';
import type { EntityKind, Severity } from '../rules/types.js';
import type { Report, ReportChange } from './model.js';
import { acknowledgementSnippet, hasNextSteps } from './next-steps.js';
import { cleanBlock, cleanLine } from './sanitize.js';

export interface TextOptions {
  /** Colour the output (decide with `shouldColor`). */
  color?: boolean;
}

const ENTITY_LABEL: Record<EntityKind, string> = {
  server: 'server',
  tool: 'tool',
  prompt: 'prompt',
  resource: 'resource',
  resourceTemplate: 'resource template',
};
const SEVERITY_ORDER: readonly Severity[] = ['breaking', 'risky', 'compatible'];

/**
 * Colours only on a TTY, unless NO_COLOR (any non-empty value) turns them off or FORCE_COLOR
 * (anything but 0/false) turns them on.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/** The terminal report: grouped by severity then entity, suggestions under breaking changes. */
export function renderText(report: Report, options: TextOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, ChalkInstance> = { breaking: c.red.bold, risky: c.yellow.bold, compatible: c.green };
  const out: string[] = [];

  out.push(c.bold(`${cleanLine(report.base.name)} ${cleanLine(report.base.version)} -> ${cleanLine(report.head.name)} ${cleanLine(report.head.version)}`));
  for (const note of report.notes) out.push(c.cyan(`note: ${cleanLine(note)}`));

  for (const severity of SEVERITY_ORDER) {
    const changes = report.changes.filter((change) => change.severity === severity);
    if (changes.length === 0) continue;
    out.push('', paint[severity](`${severity.toUpperCase()} (${changes.length})`));
    let group = '';
    for (const change of changes) {
      const heading = `${ENTITY_LABEL[change.entity]} ${cleanLine(change.name)}`;
      if (heading !== group) {
        group = heading;
        out.push(`  ${c.bold(heading)}`);
      }
      out.push(...renderChange(change, c, paint[severity]));
    }
  }
  if (report.changes.length === 0) out.push('', 'No changes.');

  if (report.versionCheck) {
    const check = report.versionCheck;
    out.push('', `${check.ok ? c.green('version ok') : c.red.bold('version too low')}: ${cleanLine(check.message)}`);
  }

  out.push('', summaryLine(report, c));

  if (hasNextSteps(report)) {
    const { acknowledgements, configFile, refreshCommand } = report.nextSteps;
    out.push('', c.bold('What to do now:'));
    if (acknowledgements.length > 0) {
      out.push(
        `  If ${acknowledgements.length === 1 ? 'this change is' : 'these changes are'} intended, add to "acknowledged" in ${configFile} (and write the reason):`,
        ...indent(cleanBlock(acknowledgementSnippet(acknowledgements)), 4),
      );
    }
    if (refreshCommand) out.push('  Then refresh the baseline:', `    ${cleanLine(refreshCommand)}`);
  }
  return `${out.join('\n')}\n`;
}

function renderChange(change: ReportChange, c: ChalkInstance, paint: ChalkInstance): string[] {
  const marks: string[] = [];
  if (change.acknowledged) marks.push(c.dim(`acknowledged: ${cleanLine(change.acknowledgement?.reason ?? '')}`));
  if (change.acknowledgement?.expired) marks.push(c.red(`acknowledgement expired ${change.acknowledgement.expires ?? ''}`));
  if (change.defaultSeverity) marks.push(c.dim(`severity overridden (default ${change.defaultSeverity})`));
  const lines = [
    `    ${paint(change.failing ? 'x' : '-')} ${cleanLine(change.message)}`,
    `      ${c.dim(`${change.rule}  ${cleanLine(change.pointer) || '(entity)'}  [${change.fingerprint}]`)}`,
  ];
  if (marks.length > 0) lines.push(`      ${marks.join('; ')}`);
  if (change.suggestion && change.severity === 'breaking') {
    lines.push(`      ${c.cyan('suggestion:')} ${cleanLine(change.suggestion.text)}`, ...indent(cleanBlock(change.suggestion.snippet), 8).map((line) => c.dim(line)));
  }
  return lines;
}

function summaryLine(report: Report, c: ChalkInstance): string {
  const s = report.summary;
  const counts = `${s.breaking} breaking, ${s.risky} risky, ${s.compatible} compatible${s.acknowledged > 0 ? ` (${s.acknowledged} acknowledged)` : ''}`;
  const verdict = s.failed ? c.red.bold(`FAILED (fail-on: ${s.failOn})`) : c.green(`passed (fail-on: ${s.failOn})`);
  return `${counts}; recommended bump: ${c.bold(s.recommendedBump)}; ${verdict}`;
}

function indent(text: string, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => (line === '' ? '' : pad + line));
}
