import type { AcknowledgementEntry, Report } from './model.js';

/** The acknowledgement entries as they are pasted into the config file's `acknowledged` array. */
export function acknowledgementSnippet(entries: readonly AcknowledgementEntry[]): string {
  return entries.map((entry) => JSON.stringify(entry, null, 2)).join(',\n');
}

/** Whether the report has anything to say under "what to do now". */
export function hasNextSteps(report: Report): boolean {
  return report.summary.failed && (report.nextSteps.acknowledgements.length > 0 || report.nextSteps.refreshCommand !== undefined);
}
