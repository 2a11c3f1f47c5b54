import { resolve } from 'node:path';
import { EXIT_CHANGES_FOUND, EXIT_OK, UserError } from '../errors.js';
import { buildLintReport } from '../policy/lint-report.js';
import type { ReportFormat } from '../report/formats.js';
import { renderLintReport } from '../report/lint/index.js';
import { plural } from '../report/plural.js';
import { cleanLine } from '../report/sanitize.js';
import { shouldColor } from '../report/text.js';
import { LINT_RULES } from '../rules/lint-registry.js';
import type { Snapshot } from '../snapshot/model.js';
import { isStdio } from '../snapshot/stdin-source.js';
import { captureOptions } from './flags/capture-options.js';
import { routeConfigFlag } from './flags/config-flag.js';
import { lintRunSettings } from './flags/lint-values.js';
import { assertWritableFile } from './flags/output-path.js';
import { loadProjectConfig } from './flags/project-config.js';
import { displayPath } from './flags/report-values.js';
import { type ServerTargetFlagValues, targetFromFlags } from './flags/server-target-values.js';

export interface LintRequest {
  flags: ServerTargetFlagValues & {
    format: string;
    'fail-on'?: string;
    rule?: string[];
    client?: string;
    output?: string;
    'project-config'?: string;
    quiet?: boolean;
    timeout?: number;
    'client-capabilities'?: string;
    'log-format'?: string;
  };
  /** The words no flag took (those after `--` included). */
  argv: string[];
  /** The command line as given, to find `--`. */
  rawArgv: readonly string[];
  verbose: boolean;
}

/**
 * `mcp-compat lint FILE` or `mcp-compat lint <server>`: reads or captures the snapshot, runs the
 * lint rules with the settings of the flags and the project config, prints the report and returns
 * the exit code.
 */
export async function runLint(request: LintRequest, toolVersion: string): Promise<number> {
  const dash = request.rawArgv.indexOf('--');
  const command = dash === -1 ? [] : request.rawArgv.slice(dash + 1);
  const words = request.argv.slice(0, Math.max(0, request.argv.length - command.length));
  if (words.length > 1) throw new UserError(`Unexpected argument ${JSON.stringify(words[1])}: lint takes one snapshot file.`, { hint: 'Put a server command after --, e.g. mcp-compat lint -- node server.js.' });
  const file = words[0];
  const flags = await routeConfigFlag(request.flags);
  const liveTarget = command.length > 0 || flags.url !== undefined || flags.config !== undefined;
  if (file !== undefined && liveTarget) throw new UserError(`Give lint a snapshot file or a server, not both (${JSON.stringify(file)} and a server).`);
  if (file === undefined && !liveTarget) {
    throw new UserError('Nothing to lint.', { hint: 'Give a snapshot file (mcp-compat lint mcp-snapshot.json, - for stdin) or a server (-- COMMAND ARGS, --url URL, --config FILE --server NAME).' });
  }
  if (file !== undefined) assertNoCaptureFlags(flags);
  const output = flags.output === undefined || isStdio(flags.output) ? undefined : flags.output;
  if (output !== undefined) await assertWritableFile(output, '-o');
  const config = await loadProjectConfig({ path: flags['project-config'] });
  const { policy, context } = lintRunSettings(flags, config, new Set(LINT_RULES.map((rule) => rule.id)));

  let snapshot: Snapshot;
  let source: { path: string; text?: string } | undefined;
  if (file !== undefined) {
    const { readSnapshotSource } = await import('../snapshot/git-source.js');
    const read = await readSnapshotSource(file);
    snapshot = read.snapshot;
    // A snapshot piped in has no file for reports to point at (SARIF, annotations).
    if (!isStdio(file)) source = { path: displayPath(file), text: read.text };
  } else {
    const target = await targetFromFlags(flags, command);
    const { snapshotServer } = await import('../capture/snapshot-server.js');
    snapshot = await snapshotServer(target, captureOptions(flags, undefined, request.verbose));
  }

  const report = buildLintReport({
    snapshot,
    rules: LINT_RULES,
    policy,
    context,
    ...(source ? { source } : {}),
  });
  const text = renderLintReport(report, flags.format as ReportFormat, { color: output === undefined && shouldColor(process.stdout), toolVersion });
  if (output === undefined) {
    process.stdout.write(text);
  } else {
    const { writeTextAtomically } = await import('../snapshot/write.js');
    await writeTextAtomically(resolve(output), text);
    if (!flags.quiet) {
      const s = report.summary;
      process.stderr.write(`${cleanLine(`mcp-compat: wrote ${displayPath(output)} (${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${plural(s.info, 'info', 'info')})`)}\n`);
    }
  }
  return report.summary.failed ? EXIT_CHANGES_FOUND : EXIT_OK;
}

/** Flags that only a capture uses are an error with a snapshot file, never silently ignored. */
function assertNoCaptureFlags(flags: LintRequest['flags']): void {
  const given = (['env', 'header', 'cwd', 'transport', 'server', 'timeout', 'client-capabilities'] as const).filter((name) => flags[name] !== undefined);
  if (given.length > 0) throw new UserError(`--${given[0]} applies to a live server, not to a snapshot file.`, { hint: 'Drop it, or lint the server itself: mcp-compat lint -- COMMAND ARGS.' });
}
