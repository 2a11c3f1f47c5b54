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

/**
 * Annotations: an error per breaking change (and per change that fails the run at a lower
 * fail-on), a warning per other risky change, a notice per acknowledged one; a tool's suggestion
 * on the first of them.
 */
export function renderGithub(report: Report): string {
  const lines: string[] = [];
  const suggestedOn = suggestionCarriers(report.changes);
  for (const change of report.changes) {
    const command = annotationLevel(change);
    if (!command) continue;
    const title = `${change.severity}: ${change.rule} (${change.entity} ${cleanLine(change.name)})`;
    const text = [cleanLine(change.message)];
    if (change.acknowledged) text.push(`Acknowledged: ${cleanLine(change.acknowledgement?.reason ?? '')}`);
    if (change.acknowledgement?.expired) text.push(`The acknowledgement expired on ${change.acknowledgement.expires}.`);
    if (change.suggestion && suggestedOn.has(change)) text.push(`Suggestion: ${cleanLine(change.suggestion.text)}`);
    text.push(`Fingerprint: ${change.fingerprint}`);
    lines.push(workflowCommand(command, { file: change.location?.path, line: change.location?.line, title }, text.join('\n')));
  }
  if (report.versionCheck && !report.versionCheck.ok) {
    lines.push(workflowCommand('error', { title: 'mcp-compat: version bump too small' }, cleanLine(report.versionCheck.message)));
  }
  for (const breach of report.context?.exceeded ?? []) lines.push(workflowCommand('error', { title: `mcp-compat: ${breach.limit} exceeded` }, breach.message));
  for (const note of report.notes) lines.push(workflowCommand('notice', { title: 'mcp-compat' }, cleanLine(note)));
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

function annotationLevel(change: ReportChange): 'error' | 'warning' | 'notice' | undefined {
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
