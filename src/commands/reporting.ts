import { diffSnapshots } from '../diff/diff-snapshots.js';
import { type BuildReportInput, buildReport, type ReportSource } from '../policy/build-report.js';
import type { FailOn } from '../policy/fail-on.js';
import type { ReportFormat } from '../report/formats.js';
import { type RenderOptions, renderReport } from '../report/index.js';
import type { SuggestionLevel } from '../report/render-options.js';
import type { Report } from '../report/model.js';
import { shouldColor } from '../report/text.js';
import type { Snapshot } from '../snapshot/model.js';
import { displayPath, type ReportFlagValues } from './flags/report-values.js';
import type { LoadedProjectConfig } from './flags/project-config.js';
import { chosenClients } from './flags/client-values.js';

/** The reader's choices of how much of the suggestions a report shows. */
export type ReportView = Pick<RenderOptions, 'suggestions' | 'languages'>;

// The diff engine, the policy and the reporters: what diff and check import when they run.

export interface ReportRequest {
  base: Snapshot;
  head: Snapshot;
  sources: { base?: ReportSource; head?: ReportSource };
  flags: ReportFlagValues;
  config?: LoadedProjectConfig;
  /** The configured server being checked, for scoped acknowledgements. */
  server?: string;
  refreshCommand?: string;
  /** The command that acknowledges every failing change of this run. */
  acknowledgeAllCommand?: string;
  /** The context cost and its limits, when counted (./context-cost.ts). */
  context?: BuildReportInput['context'];
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

export function failOnFrom(flags: ReportFlagValues, config: LoadedProjectConfig | undefined): FailOn {
  return (flags['fail-on'] as FailOn | undefined) ?? config?.failOn ?? 'breaking';
}

export function makeReport(request: ReportRequest): Report {
  const { flags, config } = request;
  return buildReport({
    diff: diffSnapshots(request.base, request.head, { clients: chosenClients(flags.client, config?.clients) }),
    base: request.base,
    head: request.head,
    sources: request.sources,
    policy: {
      failOn: failOnFrom(flags, config),
      severity: config?.severity,
      acknowledged: config?.acknowledged,
      server: request.server,
      today: todayUtc(),
      requireBump: flags['require-bump'],
      nextVersion: flags['next-version'],
      configFile: config ? displayPath(config.file) : undefined,
      refreshCommand: request.refreshCommand,
      acknowledgeAllCommand: request.acknowledgeAllCommand,
    },
    ...(request.context ? { context: request.context } : {}),
  });
}

/** What the report flags and the project config say about how much of the suggestions to show. */
export function viewOptions(flags: ReportFlagValues, config: LoadedProjectConfig | undefined): ReportView {
  return { suggestions: flags.suggestions as SuggestionLevel | undefined, languages: config?.suggestions?.languages };
}

/** Renders the report of `diff`, or of `check` of one server (`check --all`: ./check-all-output.ts). */
export function render(report: Report, format: string, toolVersion: string, view: ReportView = {}): string {
  return renderReport(report, format as ReportFormat, { color: shouldColor(process.stdout), toolVersion, ...view });
}
