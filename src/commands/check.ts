import { access } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import type { ServerTarget } from '../capture/target.js';
import { EXIT_CHANGES_FOUND, EXIT_OK, EXIT_TOOL_FAILURE, UserError } from '../errors.js';
import type { ConfiguredServer } from '../policy/config.js';
import type { ReportFormat } from '../report/formats.js';
import type { Report } from '../report/model.js';
import type { CheckOutcome } from './check-all-output.js';
import type { Snapshot } from '../snapshot/model.js';
import { cleanLine } from '../report/sanitize.js';
import { BaseCommand } from './base.js';
import { type LoadedProjectConfig, loadProjectConfig } from './flags/project-config.js';
import { routeConfigFlag } from './flags/config-flag.js';
import { assertNextVersion, displayPath, type ReportFlagValues, reportFlags, shellQuote, sourceOf } from './flags/report.js';
import { serverTargetFlags, type ServerTargetFlagValues, targetFromFlags } from './flags/server-target.js';
import { captureOptions } from './flags/capture-options.js';
import { acknowledgeAllOfCheck } from './flags/acknowledge-values.js';
import { chosenClients } from './flags/client-values.js';
import { resolveSnapshotArgument } from '../snapshot/git-source.js';
import { isStdio } from '../snapshot/stdin-source.js';
import { assertWritableFile } from './flags/output-path.js';
import { assertNoStrayWords } from './flags/stray-words.js';
import { type ContextPlan, contextPlan, measureContextCost } from './context-cost.js';

/** One server to check: how to reach it and which baseline it is compared with. */
interface CheckJob {
  label: string;
  baseline: string;
  target: () => Promise<ServerTarget>;
  timeoutMs?: number;
  configured?: string;
  /** The command that refreshes the baseline, given a masking of the target's secrets (shown in reports). */
  refreshCommand: (mask: (text: string) => string) => string;
  /** The same for the command that acknowledges every failing change. */
  acknowledgeAllCommand: (mask: (text: string) => string) => string;
}

export default class Check extends BaseCommand {
  static override summary = 'Snapshot a live server and compare it with the committed baseline.';
  static override description = [
    'The server is given on the command line (`-- COMMAND ARGS`, --url, or --config/--server), or taken from the project config',
    '(mcp-compat.config.json): its only server, the one named by --name, or every one with --all.',
    'Exit codes: 0 nothing at or above --fail-on, 1 at least one change at or above it, 2 the check could not be made.',
    'With --update the baseline is rewritten (atomically, and only after a successful capture) and the exit code is 0.',
  ].join('\n');
  static override examples = [
    '<%= config.bin %> check --baseline mcp-snapshot.json -- node dist/server.js',
    '<%= config.bin %> check --url http://127.0.0.1:3000/mcp --format markdown',
    '<%= config.bin %> check --all --format github',
    '<%= config.bin %> check --baseline mcp-snapshot.json --update -- node dist/server.js',
  ];
  static override strict = false;
  static override flags = {
    ...serverTargetFlags,
    ...reportFlags,
    baseline: Flags.string({ char: 'b', description: 'Baseline snapshot file, or git:REF:PATH (default: mcp-snapshot.json, or the configured server\'s).' }),
    update: Flags.boolean({ description: 'Rewrite the baseline with the new snapshot after reporting (accepts the changes).' }),
    all: Flags.boolean({ description: 'Check every server of the project config.', exclusive: ['name', 'baseline'] }),
    name: Flags.string({ description: 'Check the server of this name from the project config.' }),
    concurrency: Flags.integer({ description: 'With --all, how many servers to capture at once.', default: 4, min: 1 }),
  };

  async run(): Promise<void> {
    const { flags: parsed, argv } = await this.parse(Check);
    const command = afterDoubleDash(this.argv);
    assertNoStrayWords('check', argv as string[], command);
    const flags = await routeConfigFlag(parsed);
    assertNextVersion(flags['next-version']);
    const config = await loadProjectConfig({ path: flags['project-config'] });
    chosenClients(flags.client, config?.clients); // an unknown name fails before any server is started
    const plan = contextPlan(flags, config);
    const jobs = this.jobs(flags, config, command);

    const [{ settleWithLimit }, { render, viewOptions }] = await Promise.all([import('../capture/concurrent.js'), import('./reporting.js')]);
    // Servers are captured concurrently (--concurrency at a time); reports and errors keep the configured order.
    const settled = await settleWithLimit(jobs, flags.concurrency, (job) => this.checkOne(job, flags, config, plan));
    if (!flags.all) {
      const [only] = settled;
      if (only?.status !== 'fulfilled') throw only?.reason;
      process.stdout.write(render(only.value, flags.format, this.config.version, viewOptions(flags, config)));
      process.exitCode = !flags.update && only.value.summary.failed ? EXIT_CHANGES_FOUND : EXIT_OK;
      return;
    }
    // --all: every configured server has its entry in the output, failed ones with their error (design §6).
    const outcomes: CheckOutcome[] = settled.map((outcome, index) => {
      const job = jobs[index] as CheckJob;
      const target = job.configured ?? job.label;
      if (outcome.status === 'fulfilled') return { target, report: outcome.value };
      const error = whyNotChecked(outcome.reason);
      process.stderr.write(`${cleanLine(`mcp-compat: ${job.label}: ${error}`)}\n`);
      return { target, error };
    });
    const [{ renderCheckAll }, { shouldColor }] = await Promise.all([import('./check-all-output.js'), import('../report/text.js')]);
    process.stdout.write(renderCheckAll(outcomes, flags.format as ReportFormat, { color: shouldColor(process.stdout), toolVersion: this.config.version, view: viewOptions(flags, config) }));
    const reports = outcomes.flatMap((outcome) => ('report' in outcome ? [outcome.report] : []));
    if (reports.length < outcomes.length) process.exitCode = EXIT_TOOL_FAILURE;
    else process.exitCode = !flags.update && reports.some((report) => report.summary.failed) ? EXIT_CHANGES_FOUND : EXIT_OK;
  }

  private jobs(flags: CheckFlags, config: LoadedProjectConfig | undefined, command: string[]): CheckJob[] {
    const adHoc = command.length > 0 || flags.url !== undefined || flags.config !== undefined;
    if (flags.all || flags.name !== undefined) {
      if (adHoc) throw new UserError(`--${flags.all ? 'all' : 'name'} runs configured servers; do not give a server on the command line as well.`);
      if (!config || config.servers.length === 0) {
        throw new UserError('No servers are configured.', { hint: 'Add them under "servers" in mcp-compat.config.json (mcp-compat init writes one).' });
      }
      const chosen = flags.all ? config.servers : config.servers.filter((server) => server.name === flags.name);
      if (chosen.length === 0) throw new UserError(`No server named "${flags.name}" in ${displayPath(config.file)} (configured: ${config.servers.map((s) => s.name).join(', ')}).`);
      return chosen.map((server) => configuredJob(server, config, flags, this.argv));
    }
    if (!adHoc) {
      if (config && config.servers.length === 1) return [configuredJob(config.servers[0] as ConfiguredServer, config, flags, this.argv)];
      throw new UserError('No server to check.', {
        hint: config && config.servers.length > 1 ? 'Use --all or --name NAME to pick configured servers.' : 'Give one: -- COMMAND ARGS, --url URL, or --config FILE --server NAME.',
      });
    }
    const baseline = flags.baseline ?? 'mcp-snapshot.json';
    return [
      {
        label: baseline,
        baseline: resolveSnapshotArgument(baseline),
        target: () => targetFromFlags(flags, command),
        refreshCommand: (mask) => refreshFor(this.argv, mask),
        acknowledgeAllCommand: (mask) => acknowledgeAllOfCheck(this.argv, mask),
      },
    ];
  }

  private async checkOne(job: CheckJob, flags: CheckFlags, config: LoadedProjectConfig | undefined, plan: ContextPlan | undefined): Promise<Report> {
    const [{ readSnapshotSource, parseGitSource }, { writeSnapshotFile }, { captureServer }, { makeReport }] = await Promise.all([
      import('../snapshot/git-source.js'),
      import('../snapshot/write.js'),
      import('../capture/snapshot-server.js'),
      import('./reporting.js'),
    ]);
    const fromGit = parseGitSource(job.baseline) !== undefined;
    const fromStdin = isStdio(job.baseline);
    if (fromStdin && flags.update) {
      throw new UserError('--update cannot write to stdin: a baseline piped in has no file to rewrite.', { hint: 'Run it with --baseline PATH.' });
    }
    if (fromGit && flags.update) {
      throw new UserError(`--update cannot write to ${job.baseline}: a baseline read from git is updated in the working tree.`, {
        hint: 'Run it with --baseline PATH, then commit the file.',
      });
    }
    const exists =
      fromGit ||
      fromStdin ||
      (await access(job.baseline).then(
        () => true,
        () => false,
      ));
    if (!exists && !flags.update) {
      throw new UserError(`Baseline ${displayPath(job.baseline)} not found.`, {
        hint: 'Create it with `mcp-compat init`, `mcp-compat snapshot -o FILE ...`, or run check with --update.',
      });
    }
    const baseFile = exists ? await readSnapshotSource(job.baseline) : undefined;
    const base: Snapshot | undefined = baseFile?.snapshot;
    if (flags.update) await assertWritableFile(displayPath(job.baseline), job.configured === undefined ? '--baseline' : `The baseline of server ${job.configured}`);
    const target = await job.target();
    const { snapshot: head, closed } = await captureServer(target, { ...captureOptions(flags, job.timeoutMs, this.verbose), ...(base ? { baseline: base } : {}) });
    let report: Report;
    // The comparison runs while the server shuts down; the run goes on only once it has.
    try {
      const { maskerFor } = await import('../capture/secrets.js');
      const masker = maskerFor(target);
      const context = await measureContextCost(plan, base ?? head, head);
      report = makeReport({
        base: base ?? head,
        head,
        sources: fromStdin ? {} : { base: baseFile ? sourceOf(job.baseline, baseFile.text) : { path: displayPath(job.baseline) } },
        flags,
        config,
        server: job.configured,
        ...(fromStdin ? {} : { refreshCommand: job.refreshCommand((text) => masker.mask(text)) }),
        acknowledgeAllCommand: job.acknowledgeAllCommand((text) => masker.mask(text)),
        context,
      });
    } finally {
      await closed;
    }
    if (flags.update) {
      await writeSnapshotFile(job.baseline, head);
      if (!flags.quiet) process.stderr.write(`mcp-compat: ${exists ? 'updated' : 'created'} baseline ${displayPath(job.baseline)}\n`);
    }
    return report;
  }
}

type CheckFlags = ReportFlagValues &
  ServerTargetFlagValues & {
    baseline?: string;
    update: boolean;
    all: boolean;
    name?: string;
    quiet: boolean;
    timeout?: number;
    'client-capabilities'?: string;
    'log-format'?: string;
  };

/** The one line a server that could not be checked gets in the output: the message and hint of a UserError, else an internal error. */
function whyNotChecked(reason: unknown): string {
  if (reason instanceof UserError) return `${reason.message}${reason.hint ? ` ${reason.hint}` : ''}`;
  const message = reason instanceof Error ? reason.message : String(reason);
  return `internal error: ${message.split('\n')[0] ?? ''}`;
}

/**
 * A configured server as a job. A --baseline given on the command line wins over the configured
 * one: that file is compared with, reported, and (with --update) the only one rewritten.
 */
function configuredJob(server: ConfiguredServer, config: LoadedProjectConfig, flags: CheckFlags, argv: readonly string[]): CheckJob {
  const explicit = flags.baseline !== undefined;
  return {
    label: `server ${server.name}`,
    baseline: explicit ? resolveSnapshotArgument(flags.baseline as string) : resolve(config.dir, server.baseline),
    target: () => configuredTarget(server, config.dir),
    timeoutMs: server.timeoutMs ?? flags.timeout,
    configured: server.name,
    refreshCommand: (mask) => (explicit ? refreshFor(argv, mask) : `mcp-compat check --name ${shellQuote([server.name])} --update`),
    acknowledgeAllCommand: (mask) => acknowledgeAllOfCheck(explicit ? argv : ['--name', server.name], mask),
  };
}

/** A configured server as a capture target; relative paths start at the config file's folder. */
export async function configuredTarget(server: ConfiguredServer, dir: string): Promise<ServerTarget> {
  const target = server.target;
  switch (target.kind) {
    case 'stdio':
      return { kind: 'stdio', command: target.command, args: target.args, cwd: resolve(dir, target.cwd ?? '.'), ...(target.env ? { env: target.env } : {}) };
    case 'http':
    case 'sse':
      return { kind: target.kind, url: target.url, ...(target.headers ? { headers: target.headers } : {}) };
    case 'client-config': {
      const { targetFromClientConfig } = await import('../capture/client-config.js');
      return targetFromClientConfig(resolve(dir, target.file), target.server);
    }
  }
}

function afterDoubleDash(argv: readonly string[]): string[] {
  const index = argv.indexOf('--');
  return index === -1 ? [] : argv.slice(index + 1);
}

/**
 * The same command line with --update, placed before `--` so it is not passed to the server. It is
 * printed in reports, so secrets given on the command line (--env, --header, --url) are masked,
 * argument by argument before quoting (quoting could split a secret's spelling).
 */
function refreshFor(argv: readonly string[], mask: (text: string) => string): string {
  const index = argv.indexOf('--');
  const flags = (index === -1 ? argv : argv.slice(0, index)).filter((arg) => arg !== '--update');
  const rest = index === -1 ? [] : argv.slice(index);
  return `mcp-compat check ${shellQuote([...flags, '--update', ...rest].map(mask))}`;
}
