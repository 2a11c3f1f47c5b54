import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UserError } from '../../errors.js';
import type { ReportSource } from '../../policy/build-report.js';

// What the report flags hold once parsed, and the small helpers commands apply to them. No oclif
// here: the start-up path of `diff` (src/fast-diff.ts) uses them without loading oclif.

export interface ReportFlagValues {
  format: string;
  'fail-on'?: string;
  'project-config'?: string;
  'require-bump': boolean;
  'next-version'?: string;
  suggestions?: string;
  /** `--client NAME[,NAME]`: client profiles to check (./client-values.ts). */
  client?: string;
  /** Context cost (./context.ts): count it, and the limits as given (checked by ../context-cost.ts). */
  context?: boolean;
  'max-context-tokens'?: string;
  'max-context-growth'?: string;
}

/** A snapshot file as a report source: its path as the user sees it, and its text (as read) for line numbers. */
export function sourceOf(path: string, text: string): ReportSource {
  return { path: displayPath(path), text };
}

/**
 * Paths in reports are relative to the working directory, with forward slashes, for SARIF and
 * annotations; a file outside it (or on another drive) keeps an absolute path, never `../`.
 */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  const outside = rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || rel.startsWith('../') || isAbsolute(rel);
  return (outside ? resolve(path) : rel).split('\\').join('/');
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
