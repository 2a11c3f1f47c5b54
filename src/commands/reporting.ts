import { diffSnapshots } from '../diff/diff-snapshots.js';
import { buildReport, type ReportSource } from '../policy/build-report.js';
import type { FailOn } from '../policy/fail-on.js';
import type { ReportFormat } from '../report/formats.js';
import { renderReport } from '../report/index.js';
import type { Report } from '../report/model.js';
import { escapeJsonText } from '../report/sanitize.js';
import { shouldColor } from '../report/text.js';
import type { Snapshot } from '../snapshot/model.js';
import { displayPath, type ReportFlagValues } from './flags/report-values.js';
import type { LoadedProjectConfig } from './flags/project-config.js';

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
    diff: diffSnapshots(request.base, request.head),
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
    },
  });
}

/** Renders one report, or several (check --all) under their server names. */
export function render(reports: readonly Report[], format: string, toolVersion: string, labels: readonly string[] = []): string {
  const chosen = format as ReportFormat;
  const options = { color: shouldColor(process.stdout), toolVersion };
  if (reports.length === 1) return renderReport(reports[0] as Report, chosen, options);
  return combine(reports.map((report) => renderReport(report, chosen, options)), chosen, labels);
}

/**
 * Several reports (check --all) in one output that stays valid for its format: a JSON array of
 * reports, one SARIF log with a run per server, one JUnit document with a suite per server.
 */
export function combine(outputs: readonly string[], format: ReportFormat, labels: readonly string[] = []): string {
  switch (format) {
    case 'json':
      return `${escapeJsonText(JSON.stringify(outputs.map((output) => JSON.parse(output) as unknown), null, 2))}\n`;
    case 'sarif': {
      const logs = outputs.map((output) => JSON.parse(output) as { runs: unknown[] });
      const [first] = logs;
      return `${escapeJsonText(JSON.stringify({ ...first, runs: logs.flatMap((log) => log.runs) }, null, 2))}\n`;
    }
    case 'junit': {
      const suites = outputs.map((output) => /(<testsuite [\s\S]*<\/testsuite>)/.exec(output)?.[1] ?? '');
      const count = (name: string) => outputs.reduce((sum, output) => sum + Number(new RegExp(`<testsuites [^>]*${name}="(\\d+)"`).exec(output)?.[1] ?? 0), 0);
      return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="mcp-compat" tests="${count('tests')}" failures="${count('failures')}" errors="0">`, ...suites, '</testsuites>', ''].join('\n');
    }
    case 'text':
      return outputs.map((output, index) => (labels[index] ? `== ${labels[index]} ==\n${output}` : output)).join('\n');
    case 'markdown':
      return outputs.map((output, index) => (labels[index] ? `## ${labels[index]}\n\n${output}` : output)).join('\n');
    case 'github':
      return outputs.join('');
  }
}
