import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { Flags } from '@oclif/core';
import { diffSnapshots } from '../../diff/diff-snapshots.js';
import { UserError } from '../../errors.js';
import { buildReport, type ReportSource } from '../../policy/build-report.js';
import { FAIL_ON_LEVELS, type FailOn } from '../../policy/fail-on.js';
import type { Report } from '../../report/model.js';
import type { Snapshot } from '../../snapshot/model.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../../report/index.js';
import { shouldColor } from '../../report/text.js';
import type { LoadedProjectConfig } from './project-config.js';

/**
 * Flags of every command that prints a report. `--project-config` always names the project
 * config; `--config` names it too when the file is one (see config-flag.ts), and otherwise an
 * MCP client config file holding the server to capture.
 */
export const reportFlags = {
  format: Flags.string({ description: 'Report format.', options: [...REPORT_FORMATS], default: 'text', helpGroup: 'REPORT' }),
  'fail-on': Flags.string({
    description: 'Exit with 1 when a change at or above this level is found (default: failOn from the project config, else breaking).',
    options: [...FAIL_ON_LEVELS],
    helpGroup: 'REPORT',
  }),
  'project-config': Flags.string({
    description: 'Project config file (default: nearest mcp-compat.config.json or package.json "mcp-compat", walking up).',
    helpGroup: 'REPORT',
  }),
  'require-bump': Flags.boolean({
    description: "Fail when the declared version (--next-version, else the head snapshot's) is a smaller bump than the changes require.",
    helpGroup: 'REPORT',
  }),
  'next-version': Flags.string({ description: 'The version about to be released (X.Y.Z); checked against the recommended bump.', helpGroup: 'REPORT' }),
};

export interface ReportFlagValues {
  format: string;
  'fail-on'?: string;
  'project-config'?: string;
  'require-bump': boolean;
  'next-version'?: string;
}

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

/** A snapshot file as a report source: its path as the user sees it, and its text for line numbers. */
export async function sourceOf(path: string): Promise<ReportSource> {
  let text: string | undefined;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    text = undefined;
  }
  return { path: displayPath(path), ...(text === undefined ? {} : { text }) };
}

/** Paths in reports are relative to the working directory, with forward slashes, for SARIF and annotations. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel === '' || rel.startsWith('..') ? path : rel).split('\\').join('/');
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
      return `${JSON.stringify(outputs.map((output) => JSON.parse(output) as unknown), null, 2)}\n`;
    case 'sarif': {
      const logs = outputs.map((output) => JSON.parse(output) as { runs: unknown[] });
      const [first] = logs;
      return `${JSON.stringify({ ...first, runs: logs.flatMap((log) => log.runs) }, null, 2)}\n`;
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

/** Quotes argv for a POSIX shell, so printed commands can be pasted as they are. */
export function shellQuote(args: readonly string[]): string {
  return args.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`)).join(' ');
}

export function assertNextVersion(value: string | undefined): void {
  if (value !== undefined && !/^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/.test(value.trim())) {
    throw new UserError(`--next-version "${value}" is not a semver version (expected X.Y.Z).`);
  }
}
