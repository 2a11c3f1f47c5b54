import type { EntityKind, Severity } from '../rules/types.js';
import { byEntity, distinctSuggestions, type EntityChanges, groupChanges, type RepeatedChange, listedSubjects, SEVERITY_ORDER } from './group.js';
import type { Report, ReportChange } from './model.js';
import { nextSteps } from './next-steps.js';
import { DEFAULT_SNIPPET_LANGUAGES, type SnippetLanguage, snippetIn, type SuggestionLevel } from './render-options.js';
import { entityCount, plural } from './plural.js';
import { cleanBlock, cleanLine } from './sanitize.js';
import { contextSummary, entityChange, signedCount } from './context-cost.js';

/** GitHub refuses comments over 65,536 characters; this leaves room for a heading per server. */
export const DEFAULT_MARKDOWN_BUDGET = 60_000;

export interface MarkdownOptions {
  /** `none` leaves suggestions out; `brief` and `full` show them, with code collapsed. */
  suggestions?: SuggestionLevel;
  languages?: readonly SnippetLanguage[];
  /** The most characters the output may have (it is never cut: later sections say less instead). */
  budget?: number;
}

const ICON: Record<Severity, string> = { breaking: '🔴', risky: '🟠', compatible: '🟢' };
const ENTITY_LABEL: Record<EntityKind, string> = {
  server: 'Server',
  tool: 'Tool',
  prompt: 'Prompt',
  resource: 'Resource',
  resourceTemplate: 'Resource template',
};
const LANGUAGE_LABEL: Record<SnippetLanguage, string> = { typescript: 'TypeScript', python: 'Python' };
/** Names listed in the table row of a repeated change (or per subject) once the full list no longer fits. */
const NAMES_WHEN_SHORT = 10;
/** Rows of the context table, biggest change first; `--format json` lists them all. */
const CONTEXT_ROWS = 10;

// Characters that can start markup in GitHub-flavoured markdown or HTML: tags, entities, links and
// images, table cells, code spans, emphasis and escapes. Dots, underscores, colons and the like
// stay, except in `://` and `www.`, which GitHub would turn into a link. In code, `@` and `#` are
// references too: GitHub links nothing there, but a copied name keeps its exact characters.
const MARKUP = /[&<>[\]|`\\*@#]|:(?=\/\/)|(?<=\bwww)\./gi;

/**
 * Text from a server, made inert for GitHub-flavoured markdown and HTML: control, bidi and
 * invisible characters handled as everywhere (sanitize.ts), and every character that can open
 * markup a numeric character reference, so no name or description can open a link, an HTML tag,
 * a code span or a table cell.
 */
function inert(text: string): string {
  return cleanLine(text).replace(MARKUP, (char) => `&#${char.charCodeAt(0)};`);
}

/**
 * Text from a server, for markdown prose: inert, and with a zero-width space after every `@` and
 * `#` (and in `GH-123`). GitHub finds mentions and issue references in the rendered text, after
 * character references are decoded, so `&#64;team` would still notify a team; `@&#8203;team` does
 * not. Names shown as code (`<code>`) need no such break: GitHub links nothing inside code.
 */
export function escapeMarkdown(text: string): string {
  return cleanLine(text).replace(/[&<>[\]|`\\*@#]|:(?=\/\/)|(?<=\bwww)\.|\bGH-(?=\d)/gi, (match) =>
    match.length > 1 || match === '@' || match === '#' ? `${match}&#8203;` : `&#${match.charCodeAt(0)};`,
  );
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

/**
 * For pull-request comments and job summaries, rendered to a budget: the title, the totals and
 * what to do always; then a table of every change; then the details of each entity, collapsed.
 * When the budget runs out, details are left out (code first, then whole entities), then the
 * table shortens (fewer names, then no messages, then counts per rule). Never cut mid-way: every
 * section is whole markdown, so the output stays valid at any budget.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const budget = options.budget ?? DEFAULT_MARKDOWN_BUDGET;
  const head = headSection(report);
  const foot = footSection(report);
  const join = (parts: readonly string[]): string => `${parts.filter((part) => part !== '').join('\n').trimEnd()}\n`;
  if (report.changes.length === 0) return join([head, 'No changes.\n', foot]);

  const entities = byEntity(report.changes);
  const leftOut = (omitted: number, withoutCode: number): string => omissionNote(budget, omitted, withoutCode);
  // The richest layout that fits: the full table with as many details as fit, then shorter tables.
  for (const level of ['full', 'short-names', 'names-only', 'counts'] as const) {
    const table = tableSection(report, level);
    if (level === 'names-only' || level === 'counts') {
      const output = join([head, table, leftOut(entities.length, 0), foot]);
      if (output.length <= budget) return output;
      continue;
    }
    let room = budget - join([head, table, leftOut(entities.length, entities.length), foot]).length - '#### Details\n'.length - 1;
    if (room < 0) continue;
    const details: string[] = [];
    let withoutCode = 0;
    for (const entity of entities) {
      const full = entitySection(entity, options, true);
      const block = full.length + 1 <= room ? full : entitySection(entity, options, false);
      if (block.length + 1 > room) break;
      if (block !== full) withoutCode += 1;
      details.push(block);
      room -= block.length + 1;
    }
    return join([head, table, details.length > 0 ? '#### Details\n' : '', ...details, leftOut(entities.length - details.length, withoutCode), foot]);
  }
  return join([head, '_The list of changes does not fit in this comment: the job log and `--format text` have it._\n', foot]);
}

/** The sentence that says what the budget left out (empty when nothing was). */
function omissionNote(budget: number, omitted: number, withoutCode: number): string {
  const left: string[] = [];
  if (omitted > 0) left.push(`the details of ${omitted} ${omitted === 1 ? 'entity' : 'entities'}`);
  if (withoutCode > 0) left.push(`the code of ${withoutCode} suggestion${withoutCode === 1 ? '' : 's'}`);
  if (left.length === 0) return '';
  return `_To keep this comment under ${budget.toLocaleString('en-US')} characters, ${left.join(' and ')} ${left.length === 1 && omitted + withoutCode === 1 ? 'is' : 'are'} left out: the job log and \`--format text\` have everything._\n`;
}

function headSection(report: Report): string {
  const s = report.summary;
  const title = s.failed ? `❌ mcp-compat: ${failureTitle(report)}` : `✅ mcp-compat: ${passTitle(report)}`;
  const out: string[] = [`### ${title}`, ''];
  out.push(
    `${code(report.base.name)} ${code(report.base.version)} → ${code(report.head.name)} ${code(report.head.version)} · recommended bump: **${s.recommendedBump}** · fail-on: **${s.failOn}**${report.context ? ` · context: **${contextSummary(report.context, '→')}**` : ''}`,
    '',
  );
  out.push('| Severity | Changes | Acknowledged |', '| --- | ---: | ---: |');
  for (const severity of SEVERITY_ORDER) {
    const acknowledged = report.changes.filter((change) => change.severity === severity && change.acknowledged).length;
    out.push(`| ${ICON[severity]} ${severity} | ${s[severity]} | ${acknowledged} |`);
  }
  out.push('');
  if (report.versionCheck) out.push(`${report.versionCheck.ok ? '✅' : '❌'} **Version:** ${escapeMarkdown(report.versionCheck.message)}`, '');
  if (report.context) out.push(...contextSection(report.context));
  for (const note of report.notes) out.push(`> **Note:** ${escapeMarkdown(note)}`, '');
  return out.join('\n');
}

/** Each context limit exceeded, and the entities whose token count changed most, collapsed. */
function contextSection(context: NonNullable<Report['context']>): string[] {
  const out: string[] = [];
  for (const breach of context.exceeded) out.push(`❌ **Context:** ${escapeMarkdown(breach.message)}`, '');
  if (context.entities.length === 0) return out;
  const shown = context.entities.slice(0, CONTEXT_ROWS);
  const total = context.entities.length;
  const which = shown.length === total ? plural(total, 'entity', 'entities') : `the ${shown.length} biggest changes of ${total}`;
  out.push(`<details><summary>Context cost by entity (${context.encoding} tokens): ${which}</summary>`, '', '| | Tokens | Change |', '| --- | --- | ---: |');
  for (const entity of shown) out.push(`| ${ENTITY_LABEL[entity.entity]} ${code(entity.name)} | ${entityChange(entity).replace('->', '→')} | ${signedCount(entity.delta)} |`);
  const more = context.entities.length - shown.length;
  if (more > 0) out.push('', `_and ${more} more: \`--format json\` lists them all._`);
  out.push('', '</details>', '');
  return out;
}

function footSection(report: Report): string {
  const steps = nextSteps(report);
  if (steps.length === 0) return '';
  const out = ['#### What to do now', ''];
  for (const step of steps) {
    out.push(escapeMessage(step.text), '');
    if (step.command !== undefined) out.push(codeBlock(step.command, 'sh'), '');
  }
  return out.join('\n');
}

type TableLevel = 'full' | 'short-names' | 'names-only' | 'counts';

/** The compact table of every change: a row per repeated change (with its names) and per other change. */
function tableSection(report: Report, level: TableLevel): string {
  const out: string[] = ['#### Changes', ''];
  if (level === 'counts') {
    out.push('| | Rule | Changes | Fail the run |', '| --- | --- | ---: | ---: |');
    const rows = new Map<string, { severity: Severity; rule: string; count: number; failing: number }>();
    for (const change of report.changes) {
      const key = `${change.severity}\u0000${change.rule}`;
      const row = rows.get(key) ?? { severity: change.severity, rule: change.rule, count: 0, failing: 0 };
      row.count += 1;
      if (change.failing) row.failing += 1;
      rows.set(key, row);
    }
    for (const row of rows.values()) out.push(`| ${ICON[row.severity]} | ${code(row.rule)} | ${row.count} | ${row.failing} |`);
    return `${out.join('\n')}\n`;
  }
  const names = level === 'full' ? Number.POSITIVE_INFINITY : NAMES_WHEN_SHORT;
  if (level === 'names-only') out.push('| | Where | Rule |', '| --- | --- | --- |');
  else out.push('| | Change | Rule · fingerprint |', '| --- | --- | --- |');
  for (const section of groupChanges(report.changes)) {
    for (const group of section.repeated) out.push(repeatedRow(group, level, names));
    for (const entity of section.entities) {
      for (const change of entity.changes) {
        const mark = `${ICON[change.severity]}${change.failing ? ' **fails**' : ''}${change.acknowledged ? ' acknowledged' : ''}`;
        if (level === 'names-only') out.push(`| ${mark} | ${ENTITY_LABEL[change.entity]} ${code(change.name)}${change.pointer ? ` ${code(change.pointer)}` : ''} | ${code(change.rule)} |`);
        else out.push(`| ${mark} | ${escapeMessage(change.message)} | ${code(change.rule)} · ${code(change.fingerprint)} |`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A change repeated across entities: on how many and where, then the names and one example when
 * they all say the same, or else a line per subject with its names (as in text; group.ts says
 * which). Names only, without messages, at the `names-only` level.
 */
function repeatedRow(group: RepeatedChange, level: TableLevel, limit: number): string {
  const names = (list: readonly string[]): string => {
    const shown = list.slice(0, limit).map(code);
    const more = list.length - shown.length;
    return `${shown.join(', ')}${more > 0 ? `, and ${more} more` : ''}`;
  };
  const where = `${entityCount(group.names.length, group.entity)}${group.pointer ? ` at ${code(group.pointer)}` : ''}`;
  const mark = `${ICON[group.severity]}${group.failing ? ' **fails**' : ''}`;
  if (level === 'names-only') return `| ${mark} | ${where}: ${names(group.names)} | ${code(group.rule)} |`;
  const subjects = listedSubjects(group);
  if (subjects.length === 0) {
    const example = `e.g. ${escapeMessage((group.changes[0] as ReportChange).message)}`;
    return `| ${mark} | ${where}: ${names(group.names)}<br>${example} | ${code(group.rule)} |`;
  }
  const lines = subjects.map((subject) => {
    const on = subject.names.length === 1 ? code(subject.names[0] as string) : `${entityCount(subject.names.length, group.entity)}: ${names(subject.names)}`;
    return `${escapeMessage(subject.detail ?? '')} on ${on}`;
  });
  return `| ${mark} | ${where}:<br>${lines.join('<br>')} | ${code(group.rule)} |`;
}

/** One entity's changes and its suggestions, collapsed; the code of each suggestion collapsed again. */
function entitySection(entity: EntityChanges, options: MarkdownOptions, withCode: boolean): string {
  const counts = SEVERITY_ORDER.map((severity) => [severity, entity.changes.filter((change) => change.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${ICON[severity]} ${count} ${severity}`)
    .join(', ');
  const out = [`<details><summary>${ENTITY_LABEL[entity.entity]} ${code(entity.name)}: ${counts}</summary>`, ''];
  for (const change of entity.changes) out.push(changeItem(change));
  out.push('');
  if ((options.suggestions ?? 'brief') !== 'none') {
    for (const suggestion of distinctSuggestions(entity.changes)) {
      out.push(`**Suggestion:** ${escapeMessage(suggestion.text)}`, '');
      if (!withCode) continue;
      for (const language of options.languages ?? DEFAULT_SNIPPET_LANGUAGES) {
        const snippet = snippetIn(suggestion, language);
        out.push(`<details><summary>Code: ${LANGUAGE_LABEL[language]}</summary>`, '', codeBlock(snippet.code, snippet.fence), '', '</details>', '');
      }
    }
  }
  out.push('</details>', '');
  return out.join('\n');
}

function changeItem(change: ReportChange): string {
  const flags: string[] = [];
  if (change.failing) flags.push('**fails the run**');
  if (change.acknowledged) flags.push(`acknowledged: ${escapeMarkdown(change.acknowledgement?.reason ?? '')}`);
  if (change.acknowledgement?.expired) flags.push(`**acknowledgement expired on ${escapeMarkdown(change.acknowledgement.expires ?? '')}**`);
  if (change.defaultSeverity) flags.push(`severity overridden (default ${change.defaultSeverity})`);
  return `- ${ICON[change.severity]} **${change.severity}** ${escapeMessage(change.message)}<br>${code(change.rule)} at ${code(change.pointer || '(entity)')} · fingerprint ${code(change.fingerprint)}${flags.length > 0 ? ` · ${flags.join(' · ')}` : ''}`;
}

function failureTitle(report: Report): string {
  const parts: string[] = [];
  if (report.summary.failing > 0) parts.push(`${plural(report.summary.failing, 'change')} at or above ${report.summary.failOn}`);
  if (report.versionCheck && !report.versionCheck.ok) parts.push('version bump too small');
  if ((report.context?.exceeded.length ?? 0) > 0) parts.push('context limit exceeded');
  return parts.join('; ');
}

function passTitle(report: Report): string {
  if (report.changes.length === 0) return 'no changes';
  if (report.summary.failOn === 'none') return `${plural(report.changes.length, 'change')} (fail-on: none)`;
  return `no unacknowledged changes at or above ${report.summary.failOn}`;
}
