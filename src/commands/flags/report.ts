import { relative } from 'node:path';
import { Flags } from '@oclif/core';
import { UserError } from '../../errors.js';
import type { ReportSource } from '../../policy/build-report.js';
import { FAIL_ON_LEVELS } from '../../policy/fail-on.js';
import { REPORT_FORMATS } from '../../report/formats.js';

/**
 * Flags of every command that prints a report. `--project-config` always names the project
 * config; `--config` names it too when the file is one (see config-flag.ts), and otherwise an
 * MCP client config file holding the server to capture. What the flags do is in ../reporting.ts,
 * which commands import when they run: start-up and --help never load the engine.
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

/** A snapshot file as a report source: its path as the user sees it, and its text (as read) for line numbers. */
export function sourceOf(path: string, text: string): ReportSource {
  return { path: displayPath(path), text };
}

/** Paths in reports are relative to the working directory, with forward slashes, for SARIF and annotations. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel === '' || rel.startsWith('..') ? path : rel).split('\\').join('/');
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
