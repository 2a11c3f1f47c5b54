import type { AcknowledgementEntry, Report } from './model.js';

/** The acknowledgement entries as they would sit in the config file's `acknowledged` array. */
export function acknowledgementSnippet(entries: readonly AcknowledgementEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry, null, 2)).join(',\n');
}

/** One thing to do when the run failed: a sentence, and the command that does it if there is one. */
export interface NextStep {
  text: string;
  command?: string;
}

/**
 * What to do now, in order: declare a high enough version (a failed version gate), acknowledge the
 * failing changes if they are intended, then refresh the baseline. Empty when the run passed.
 */
export function nextSteps(report: Report): NextStep[] {
  if (!report.summary.failed) return [];
  const { acknowledgeCommand, configFile, declareVersion, refreshCommand } = report.nextSteps;
  const steps: NextStep[] = [];
  if (declareVersion !== undefined) {
    steps.push({ text: `Declare version ${declareVersion} or higher: as the server's version in the head snapshot, or with --next-version ${declareVersion}.` });
  } else if (report.versionCheck && !report.versionCheck.ok) {
    steps.push({ text: 'Declare a valid semver version (MAJOR.MINOR.PATCH) for the release.' });
  }
  if (acknowledgeCommand !== undefined) {
    const failing = report.summary.failing;
    steps.push({
      text: `If ${failing === 1 ? 'this change is' : `these ${failing} changes are`} intended, acknowledge ${failing === 1 ? 'it' : 'them'} in ${configFile} (replace ... with the reason):`,
      command: acknowledgeCommand,
    });
  }
  if ((report.context?.exceeded.length ?? 0) > 0) {
    steps.push({
      text: `Shorten the descriptions and schemas that grew (the context section lists the biggest changes), or raise the limit: --max-context-tokens / --max-context-growth, or context.maxTokens / context.maxGrowth in ${configFile}.`,
    });
  }
    if (refreshCommand !== undefined) steps.push({ text: acknowledgeCommand === undefined ? 'Refresh the baseline:' : 'Then refresh the baseline:', command: refreshCommand });
  return steps;
}
