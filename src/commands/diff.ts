import { resolve } from 'node:path';
import { Args, Flags } from '@oclif/core';
import { EXIT_CHANGES_FOUND, EXIT_OK } from '../errors.js';
import { BaseCommand } from './base.js';
import { loadProjectConfig } from './flags/project-config.js';
import { assertNextVersion, reportFlags, shellQuote, sourceOf } from './flags/report.js';

export default class Diff extends BaseCommand {
  static override summary = 'Compare two snapshot files and classify every change.';
  static override description =
    'Exit codes: 0 nothing at or above --fail-on, 1 at least one change at or above it (or a too-small --require-bump), 2 the comparison could not be made.';
  static override examples = [
    '<%= config.bin %> diff mcp-snapshot.json new-snapshot.json',
    '<%= config.bin %> diff base.json head.json --format markdown --fail-on risky',
    '<%= config.bin %> diff base.json head.json --require-bump --next-version 2.0.0',
  ];
  static override args = {
    base: Args.string({ description: 'Baseline snapshot file.', required: true }),
    head: Args.string({ description: 'Snapshot file to compare with it.', required: true }),
  };
  static override flags = {
    ...reportFlags,
    config: Flags.string({ description: 'Project config file (the same as --project-config).', helpGroup: 'REPORT', exclusive: ['project-config'] }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Diff);
    assertNextVersion(flags['next-version']);
    const [{ readSnapshotFile }, { makeReport, render }] = await Promise.all([import('../snapshot/read.js'), import('./reporting.js')]);
    const config = await loadProjectConfig({ path: flags['project-config'] ?? flags.config });
    const [base, head] = await Promise.all([readSnapshotFile(args.base), readSnapshotFile(args.head)]);
    const server = config?.servers.find((entry) => resolve(config.dir, entry.baseline) === resolve(args.base))?.name;
    const report = makeReport({
      base: base.snapshot,
      head: head.snapshot,
      sources: { base: sourceOf(args.base, base.text), head: sourceOf(args.head, head.text) },
      flags,
      config,
      server,
      refreshCommand: `cp ${shellQuote([args.head, args.base])}`,
    });
    process.stdout.write(render([report], flags.format, this.config.version));
    process.exitCode = report.summary.failed ? EXIT_CHANGES_FOUND : EXIT_OK;
  }
}
