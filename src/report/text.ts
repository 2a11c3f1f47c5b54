import { Chalk, type ChalkInstance } from 'chalk';
import type { Suggestion } from '../diff/model.js';
import type { EntityKind, Severity } from '../rules/types.js';
import { distinctSuggestions, type EntityChanges, type Groupable, groupChanges, listedSubjects, namesOf, type Repeated } from './group.js';
import type { Report, ReportChange } from './model.js';
import { nextSteps } from './next-steps.js';
import { entityCount } from './plural.js';
import { DEFAULT_SNIPPET_LANGUAGES, type SnippetLanguage, snippetIn, type SuggestionLevel } from './render-options.js';
import { cleanBlock, cleanLine } from './sanitize.js';
import { contextSummary, entityChange, signedCount } from './context-cost.js';

export interface TextOptions {
  /** Colour the output (decide with `shouldColor`). */
  color?: boolean;
  /** `brief` (default): what to do, once per tool; `full`: with code; `none`: no suggestions. */
  suggestions?: SuggestionLevel;
  /** The languages of the code shown with `suggestions: 'full'` (default TypeScript). */
  languages?: readonly SnippetLanguage[];
}

const ENTITY_LABEL: Record<EntityKind, string> = {
  server: 'server',
  tool: 'tool',
  prompt: 'prompt',
  resource: 'resource',
  resourceTemplate: 'resource template',
};
/** Names listed on the line of a repeated change (or of one of its subjects); `--format json` lists them all. */
const NAMES_SHOWN = 8;
/** Entities listed under CONTEXT, biggest change first; `--format json` lists them all. */
const CONTEXT_ENTITIES_SHOWN = 5;

/**
 * Colours only on a TTY, unless NO_COLOR (any non-empty value) turns them off or FORCE_COLOR
 * (anything but 0/false) turns them on.
 */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY === true;
}

/**
 * The terminal report, about one line per change: grouped by severity, then a line per change
 * repeated across many entities, then by entity. Suggestions once per tool, code only when asked.
 */
export function renderText(report: Report, options: TextOptions = {}): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, ChalkInstance> = { breaking: c.red.bold, risky: c.yellow.bold, compatible: c.green };
  const level = options.suggestions ?? 'brief';
  const languages = options.languages ?? DEFAULT_SNIPPET_LANGUAGES;
  const out: string[] = [];
  const suggested = new Set<string>();
  const suggestionLines = (name: string, suggestions: readonly Suggestion[], pad: string): string[] => {
    if (level === 'none' || suggestions.length === 0 || suggested.has(name)) return [];
    suggested.add(name);
    return suggestions.flatMap((suggestion) => [
      `${pad}${c.cyan('suggestion:')} ${cleanLine(suggestion.text)}`,
      ...(level === 'full' ? languages.flatMap((language) => indent(cleanBlock(snippetIn(suggestion, language).code), pad.length + 2).map((line) => c.dim(line))) : []),
    ]);
  };

  out.push(c.bold(`${cleanLine(report.base.name)} ${cleanLine(report.base.version)} -> ${cleanLine(report.head.name)} ${cleanLine(report.head.version)}`));
  for (const note of report.notes) out.push(c.cyan(`note: ${cleanLine(note)}`));

  for (const section of groupChanges(report.changes)) {
    const color = paint[section.severity];
    out.push('', color(`${section.severity.toUpperCase()} (${section.count})`));
    for (const group of section.repeated) out.push(...repeatedLines(group, c, color));
    for (const entity of section.entities) {
      out.push(`  ${c.bold(`${ENTITY_LABEL[entity.entity]} ${cleanLine(entity.name)}`)}`);
      for (const change of entity.changes) out.push(changeLine(change, c, color));
      out.push(...suggestionLines(entity.name, suggestionsOf(entity, report.changes), '      '));
    }
    // Tools whose breaking changes all sit in repeated groups: one line for all of them, or each with its code.
    const pending = section.repeated.flatMap((group) => group.changes).filter((change) => change.suggestion && !suggested.has(change.name));
    const tools = [...new Map(pending.map((change) => [change.name, change])).values()];
    if (level === 'brief' && tools.length > 0) {
      const first = tools[0] as ReportChange;
      // Said for these tools now: not again under their risky or compatible changes.
      for (const tool of tools) suggested.add(tool.name);
      out.push(
        `  ${c.cyan('suggestion')} for ${tools.length === 1 ? 'this tool' : `each of these ${tools.length} tools`}, e.g. ${cleanLine((first.suggestion as Suggestion).text)}`,
        `  ${c.dim('(--suggestions full shows each, with code)')}`,
      );
    } else if (level === 'full') {
      for (const tool of tools) {
        out.push(`  ${c.bold(`${ENTITY_LABEL[tool.entity]} ${cleanLine(tool.name)}`)}`, ...suggestionLines(tool.name, distinctSuggestions(changesOf(report.changes, tool)), '      '));
      }
    }
  }
  if (report.changes.length === 0) out.push('', 'No changes.');

  if (report.versionCheck) {
    const check = report.versionCheck;
    out.push('', `${check.ok ? c.green('version ok') : c.red.bold('version too low')}: ${cleanLine(check.message)}`);
  }

  if (report.context) out.push('', ...contextLines(report.context, c));

  out.push('', summaryLine(report, c));

  const steps = nextSteps(report);
  if (steps.length > 0) {
    out.push('', c.bold('What to do now:'));
    for (const step of steps) {
      out.push(`  ${cleanLine(step.text)}`);
      if (step.command !== undefined) out.push(`    ${cleanLine(step.command)}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/**
 * A change (or lint finding) repeated across entities: its rule, where, and on how many. When
 * its changes all say the same, the names and one example; else a line per subject (what the
 * changes of some entities say, in the rule's words) with its names (group.ts says which).
 */
export function repeatedLines<T extends Groupable & { message: string }>(group: Repeated<T>, c: ChalkInstance, paint: ChalkInstance): string[] {
  const head = `  ${paint(group.failing ? 'x' : '-')} ${group.rule} ${c.dim(`at ${cleanLine(group.pointer) || '(entity)'}`)} on ${entityCount(group.names.length, group.entity)}:`;
  const subjects = listedSubjects(group);
  if (subjects.length === 0) {
    const first = group.changes[0] as T;
    return [`${head} ${nameList(group)}`, `      ${c.dim(`e.g. ${cleanLine(first.message)}`)}`];
  }
  return [
    head,
    ...subjects.map((subject) => {
      const names = subject.names.length === 1 ? cleanLine(subject.names[0] as string) : `${entityCount(subject.names.length, group.entity)}: ${nameList(subject)}`;
      return `      ${cleanLine(subject.detail ?? '')} on ${names}`;
    }),
  ];
}

/** The first names, then how many more. */
function nameList(group: { names: readonly string[] }): string {
  const { shown, more } = namesOf(group, NAMES_SHOWN);
  return shown.map(cleanLine).join(', ') + (more > 0 ? `, and ${more} more` : '');
}

function changeLine(change: ReportChange, c: ChalkInstance, paint: ChalkInstance): string {
  const marks: string[] = [];
  if (change.acknowledged) marks.push(c.dim(`acknowledged: ${cleanLine(change.acknowledgement?.reason ?? '')}`));
  if (change.acknowledgement?.expired) marks.push(c.red(`acknowledgement expired ${change.acknowledgement.expires ?? ''}`));
  if (change.defaultSeverity) marks.push(c.dim(`severity overridden (default ${change.defaultSeverity})`));
  const line = `    ${paint(change.failing ? 'x' : '-')} ${cleanLine(change.message)}  ${c.dim(`[${change.rule} ${change.fingerprint}]`)}`;
  return marks.length > 0 ? `${line} ${marks.join('; ')}` : line;
}

/** Every change of a tool (its repeated ones too), for its suggestions. */
function changesOf(changes: readonly ReportChange[], entity: { entity: EntityKind; name: string }): ReportChange[] {
  return changes.filter((change) => change.entity === entity.entity && change.name === entity.name);
}

function suggestionsOf(entity: EntityChanges, changes: readonly ReportChange[]): Suggestion[] {
  return distinctSuggestions(changesOf(changes, entity));
}

function summaryLine(report: Report, c: ChalkInstance): string {
  const s = report.summary;
  const counts = `${s.breaking} breaking, ${s.risky} risky, ${s.compatible} compatible${s.acknowledged > 0 ? ` (${s.acknowledged} acknowledged)` : ''}`;
  const verdict = s.failed ? c.red.bold(`FAILED (fail-on: ${s.failOn})`) : c.green(`passed (fail-on: ${s.failOn})`);
  const context = report.context ? `; context ${contextSummary(report.context)}` : '';
  return `${counts}; recommended bump: ${c.bold(s.recommendedBump)}${context}; ${verdict}`;
}

/** The CONTEXT section: the encoding, the entities that changed most, and each limit exceeded. */
function contextLines(context: NonNullable<Report['context']>, c: ChalkInstance): string[] {
  const out = [c.bold(`CONTEXT (${context.encoding} tokens)`)];
  const shown = context.entities.slice(0, CONTEXT_ENTITIES_SHOWN);
  const width = Math.max(0, ...shown.map((entity) => signedCount(entity.delta).length));
  for (const entity of shown) {
    out.push(`  ${signedCount(entity.delta).padStart(width)}  ${ENTITY_LABEL[entity.entity]} ${cleanLine(entity.name)} ${c.dim(`(${entityChange(entity)})`)}`);
  }
  const more = context.entities.length - shown.length;
  if (more > 0) out.push(`  ${c.dim(`and ${more} more (--format json lists them all)`)}`);
  if (context.entities.length === 0) out.push('  no tool, prompt or instructions changed in size');
  for (const breach of context.exceeded) out.push(`  ${c.red.bold('x')} ${cleanLine(breach.message)}`);
  return out;
}

function indent(text: string, spaces: number): string[] {
  const pad = ' '.repeat(spaces);
  return text.split('\n').map((line) => (line === '' ? '' : pad + line));
}
