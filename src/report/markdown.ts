import type { EntityKind, Severity } from '../rules/types.js';
import type { Report, ReportChange } from './model.js';
import { acknowledgementSnippet, hasNextSteps } from './next-steps.js';
import { plural } from './plural.js';
import { cleanBlock, cleanLine } from './sanitize.js';

const ICON: Record<Severity, string> = { breaking: '🔴', risky: '🟠', compatible: '🟢' };
const ENTITY_LABEL: Record<EntityKind, string> = {
  server: 'Server',
  tool: 'Tool',
  prompt: 'Prompt',
  resource: 'Resource',
  resourceTemplate: 'Resource template',
};

/**
 * Text from a server, made inert for GitHub-flavoured markdown and HTML: every ASCII punctuation
 * character becomes a numeric character reference (never markup, in text or in HTML), so no name
 * or description can open a link, an HTML tag or a table cell.
 */
function inert(text: string): string {
  return cleanLine(text).replace(/[!-/:-@[-`{-~]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text from a server, for markdown prose: inert, and with a zero-width space after every `@` and
 * `#` (and in `GH-123`). GitHub finds mentions and issue references in the rendered text, after
 * character references are decoded, so `&#64;team` would still notify a team; `@\u200bteam` does
 * not. Names shown as code (`<code>`) need no such break: GitHub links nothing inside code.
 */
export function escapeMarkdown(text: string): string {
  return inert(text)
    .replace(/&#(64|35);/g, '&#$1;&#8203;')
    .replace(/\b(GH)&#45;(?=\d)/gi, '$1&#45;&#8203;');
}

/** A fenced code block whose fence is longer than any backtick run inside, so it cannot be closed early. */
export function codeBlock(text: string, language = ''): string {
  const body = cleanBlock(text);
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${language}\n${body}\n${fence}`;
}

/**
 * A message or suggestion: escaped like any server text, with its `backquoted` names shown as
 * code. Unbalanced backquotes (a name containing one) leave the whole text plainly escaped.
 */
export function escapeMessage(text: string): string {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return escapeMarkdown(text);
  return parts.map((part, index) => (index % 2 === 1 ? code(part) : escapeMarkdown(part))).join('');
}

function code(text: string): string {
  return `<code>${inert(text)}</code>`;
}

/** For pull-request comments and job summaries. */
export function renderMarkdown(report: Report): string {
  const s = report.summary;
  const out: string[] = [];
  const title = s.failed ? `❌ mcp-compat: ${failureTitle(report)}` : `✅ mcp-compat: ${passTitle(report)}`;
  out.push(`### ${title}`, '');
  out.push(
    `${code(report.base.name)} ${code(report.base.version)} → ${code(report.head.name)} ${code(report.head.version)} · recommended bump: **${s.recommendedBump}** · fail-on: **${s.failOn}**`,
    '',
  );
  out.push('| Severity | Changes | Acknowledged |', '| --- | ---: | ---: |');
  for (const severity of ['breaking', 'risky', 'compatible'] as const) {
    const acknowledged = report.changes.filter((change) => change.severity === severity && change.acknowledged).length;
    out.push(`| ${ICON[severity]} ${severity} | ${s[severity]} | ${acknowledged} |`);
  }
  out.push('');

  if (report.versionCheck) {
    out.push(`${report.versionCheck.ok ? '✅' : '❌'} **Version:** ${escapeMarkdown(report.versionCheck.message)}`, '');
  }
  for (const note of report.notes) out.push(`> **Note:** ${escapeMarkdown(note)}`, '');

  for (const group of groupByEntity(report.changes)) {
    const first = group[0] as ReportChange;
    const counts = (['breaking', 'risky', 'compatible'] as const)
      .map((severity) => [severity, group.filter((change) => change.severity === severity).length] as const)
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => `${ICON[severity]} ${count} ${severity}`)
      .join(', ');
    const open = group.some((change) => change.failing) ? ' open' : '';
    out.push(`<details${open}><summary>${ENTITY_LABEL[first.entity]} ${code(first.name)}: ${counts}</summary>`, '');
    for (const change of group) out.push(...renderChange(change));
    out.push('</details>', '');
  }
  if (report.changes.length === 0) out.push('No changes.', '');

  if (hasNextSteps(report)) {
    const { acknowledgements, configFile, refreshCommand } = report.nextSteps;
    out.push('#### What to do now', '');
    if (acknowledgements.length > 0) {
      out.push(`If the failing changes are intended, add these entries to \`acknowledged\` in ${code(configFile)} and write the reason:`, '', codeBlock(acknowledgementSnippet(acknowledgements), 'json'), '');
    }
    if (refreshCommand) out.push('Then refresh the baseline:', '', codeBlock(refreshCommand, 'sh'), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

function renderChange(change: ReportChange): string[] {
  const flags: string[] = [];
  if (change.acknowledged) flags.push(`acknowledged: ${escapeMarkdown(change.acknowledgement?.reason ?? '')}`);
  if (change.acknowledgement?.expired) flags.push(`**acknowledgement expired on ${escapeMarkdown(change.acknowledgement.expires ?? '')}**`);
  if (change.defaultSeverity) flags.push(`severity overridden (default ${change.defaultSeverity})`);
  const lines = [
    `- ${ICON[change.severity]} **${change.severity}** ${escapeMessage(change.message)}`,
    `  <br>${code(change.rule)} at ${code(change.pointer || '(entity)')} · fingerprint ${code(change.fingerprint)}${flags.length > 0 ? ` · ${flags.join(' · ')}` : ''}`,
  ];
  if (change.suggestion) {
    lines.push('', `  **Suggestion:** ${escapeMessage(change.suggestion.text)}`, '');
    lines.push(...indent(codeBlock(change.suggestion.snippet, 'ts')), '');
    if (change.suggestion.pythonSnippet) lines.push(...indent(codeBlock(change.suggestion.pythonSnippet, 'python')), '');
  }
  return lines;
}

function indent(block: string): string[] {
  return block.split('\n').map((line) => (line === '' ? '' : `  ${line}`));
}

function groupByEntity(changes: readonly ReportChange[]): ReportChange[][] {
  const groups = new Map<string, ReportChange[]>();
  for (const change of changes) {
    const key = `${change.entity}\u0000${change.name}`;
    const group = groups.get(key) ?? [];
    group.push(change);
    groups.set(key, group);
  }
  return [...groups.values()];
}

function failureTitle(report: Report): string {
  const parts: string[] = [];
  if (report.summary.failing > 0) parts.push(`${plural(report.summary.failing, 'change')} at or above ${report.summary.failOn}`);
  if (report.versionCheck && !report.versionCheck.ok) parts.push('version bump too small');
  return parts.join('; ');
}

function passTitle(report: Report): string {
  if (report.changes.length === 0) return 'no changes';
  if (report.summary.failOn === 'none') return `${plural(report.changes.length, 'change')} (fail-on: none)`;
  return `no unacknowledged changes at or above ${report.summary.failOn}`;
}
