import type { Report, ReportChange } from './model.js';
import { cleanLine } from './sanitize.js';
import { contextSummary } from './context-cost.js';

// GitHub Actions workflow commands: `::error file=F,line=N,title=T::message`. Escaping follows
// the runner's rules: in the message `%`, CR and LF; in property values also `:` and `,`.

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(command: 'error' | 'warning' | 'notice', properties: Record<string, string | number | undefined>, message: string): string {
  const props = Object.entries(properties)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

/** GitHub shows at most this many annotations of each level in a step, and drops the rest without a word. */
export const ANNOTATIONS_PER_LEVEL = 10;

type Level = 'error' | 'warning' | 'notice';

/**
 * Annotations: an error per breaking change (and per change that fails the run at a lower
 * fail-on), a warning per other risky change, a notice per acknowledged one; a tool's suggestion
 * on the first of them. A level with more changes than GitHub shows gets one annotation per
 * entity instead (they sit on the entity's line anyway), and past that limit too, a last
 * annotation names the rest, whose changes are printed as plain log lines.
 */
export function renderGithub(report: Report): string {
  const lines: string[] = [];
  const suggestedOn = suggestionCarriers(report.changes);
  // The run's own errors and notices, printed after the changes', take their place within the limit first.
  const runErrors = [
    ...(report.versionCheck && !report.versionCheck.ok ? [workflowCommand('error', { title: 'mcp-compat: version bump too small' }, cleanLine(report.versionCheck.message))] : []),
    ...(report.context?.exceeded ?? []).map((breach) => workflowCommand('error', { title: `mcp-compat: ${breach.limit} exceeded` }, breach.message)),
  ];
  const runNotices = report.notes.map((note) => workflowCommand('notice', { title: 'mcp-compat' }, cleanLine(note)));
  const budget: Record<Level, number> = {
    error: Math.max(1, ANNOTATIONS_PER_LEVEL - runErrors.length),
    warning: ANNOTATIONS_PER_LEVEL,
    notice: Math.max(1, ANNOTATIONS_PER_LEVEL - runNotices.length),
  };
  const byLevel: Record<Level, ReportChange[]> = { error: [], warning: [], notice: [] };
  for (const change of report.changes) {
    const level = annotationLevel(change);
    if (level) byLevel[level].push(change);
  }
  const overflow: string[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const changes = byLevel[level];
    if (changes.length <= budget[level]) {
      for (const change of changes) lines.push(changeAnnotation(level, change, suggestedOn));
      continue;
    }
    const groups = entityGroups(changes);
    const shown = groups.length <= budget[level] ? groups : groups.slice(0, budget[level] - 1);
    for (const group of shown) lines.push(group.length === 1 ? changeAnnotation(level, group[0]!, suggestedOn) : entityAnnotation(level, group, suggestedOn));
    const rest = groups.slice(shown.length);
    if (rest.length === 0) continue;
    const count = rest.reduce((sum, group) => sum + group.length, 0);
    const names = rest.map((group) => `${group[0]!.entity} ${cleanLine(group[0]!.name)}`);
    lines.push(
      workflowCommand(level, { title: `mcp-compat: ${count} more ${LEVEL_WORD[level]} on ${rest.length} more entities` }, `GitHub shows ${ANNOTATIONS_PER_LEVEL} annotations of a kind per step; these are in the log (lines starting "mcp-compat: ${LEVEL_WORD[level]}:") and in the full report: ${names.join(', ')}.`),
    );
    for (const change of rest.flat()) overflow.push(`mcp-compat: ${LEVEL_WORD[level]}: ${changeLine(change)}`);
  }
  lines.push(...overflow, ...runErrors, ...runNotices);
  const s = report.summary;
  const context = report.context ? `; context ${contextSummary(report.context)}` : '';
  lines.push(
    `mcp-compat: ${s.breaking} breaking, ${s.risky} risky, ${s.compatible} compatible; recommended bump: ${s.recommendedBump}${context}; ${s.failed ? 'failed' : 'passed'} (fail-on: ${s.failOn})`,
  );
  const { acknowledgeCommand, configFile, declareVersion, refreshCommand } = report.nextSteps;
  if (s.failed && declareVersion !== undefined) lines.push(`To pass the version check, declare version ${declareVersion} or higher.`);
  if (s.failed && acknowledgeCommand !== undefined) lines.push(`To accept the failing changes, acknowledge them in ${configFile} (replace ... with the reason): ${cleanLine(acknowledgeCommand)}`);
  if (s.failed && refreshCommand) lines.push(`Refresh the baseline with: ${cleanLine(refreshCommand)}`);
  return `${lines.join('\n')}\n`;
}

const LEVEL_WORD: Record<Level, string> = { error: 'failing changes', warning: 'risky changes', notice: 'acknowledged changes' };

function changeAnnotation(level: Level, change: ReportChange, suggestedOn: ReadonlySet<ReportChange>): string {
  const title = `${change.severity}: ${change.rule} (${change.entity} ${cleanLine(change.name)})`;
  const text = [cleanLine(change.message)];
  if (change.acknowledged) text.push(`Acknowledged: ${cleanLine(change.acknowledgement?.reason ?? '')}`);
  if (change.acknowledgement?.expired) text.push(`The acknowledgement expired on ${change.acknowledgement.expires}.`);
  if (change.suggestion && suggestedOn.has(change)) text.push(`Suggestion: ${cleanLine(change.suggestion.text)}`);
  text.push(`Fingerprint: ${change.fingerprint}`);
  return workflowCommand(level, { file: change.location?.path, line: change.location?.line, title }, text.join('\n'));
}

/** One annotation for all of an entity's changes of one level, at the entity's line. */
function entityAnnotation(level: Level, changes: readonly ReportChange[], suggestedOn: ReadonlySet<ReportChange>): string {
  const first = changes[0]!;
  const title = `${first.severity === 'breaking' || changes.every((change) => change.severity === first.severity) ? first.severity : 'failing'}: ${changes.length} changes (${first.entity} ${cleanLine(first.name)})`;
  const text = changes.map((change) => `- ${changeLine(change)}`);
  const carrier = changes.find((change) => change.suggestion && suggestedOn.has(change));
  if (carrier?.suggestion) text.push(`Suggestion: ${cleanLine(carrier.suggestion.text)}`);
  return workflowCommand(level, { file: first.location?.path, line: first.location?.line, title }, text.join('\n'));
}

/** A change on one line: its message, rule and fingerprint, and the reason it was acknowledged. */
function changeLine(change: ReportChange): string {
  const acknowledged = change.acknowledged ? ` (acknowledged: ${cleanLine(change.acknowledgement?.reason ?? '')})` : '';
  return `${cleanLine(change.message)} [${change.rule} ${change.fingerprint}]${acknowledged}`;
}

/** The changes by entity, in the order the report lists them. */
function entityGroups(changes: readonly ReportChange[]): ReportChange[][] {
  const groups = new Map<string, ReportChange[]>();
  for (const change of changes) {
    const key = `${change.entity}\u0000${change.name}`;
    const group = groups.get(key);
    if (group) group.push(change);
    else groups.set(key, [change]);
  }
  return [...groups.values()];
}

function annotationLevel(change: ReportChange): Level | undefined {
  if (change.acknowledged) return change.severity === 'compatible' ? undefined : 'notice';
  if (change.severity === 'breaking' || change.failing) return 'error';
  return change.severity === 'risky' ? 'warning' : undefined;
}

/**
 * The annotations that say a suggestion: each tool's annotations sit on the same line of the
 * baseline, so its suggestion is said once, on the first error that has it (or, when all of
 * them are acknowledged, the first notice).
 */
function suggestionCarriers(changes: readonly ReportChange[]): Set<ReportChange> {
  const carriers = new Map<string, ReportChange>();
  for (const change of changes) {
    const level = annotationLevel(change);
    if (!change.suggestion || change.severity !== 'breaking' || level === undefined) continue;
    const key = [change.entity, change.name, change.suggestion.kind, change.suggestion.name].join('\u0000');
    const current = carriers.get(key);
    if (current === undefined || (level === 'error' && annotationLevel(current) !== 'error')) carriers.set(key, change);
  }
  return new Set(carriers.values());
}
