import { Args, Flags } from '@oclif/core';
import { BaseCommand } from './base.js';
import { reportFlags } from './flags/report.js';

export default class Diff extends BaseCommand {
  static override summary = 'Compare two snapshot files and classify every change.';
  static override description =
    'Exit codes: 0 nothing at or above --fail-on, 1 at least one change at or above it (or a too-small --require-bump), 2 the comparison could not be made.';
  static override examples = [
    '<%= config.bin %> diff mcp-snapshot.json new-snapshot.json',
    '<%= config.bin %> diff base.json head.json --format markdown --fail-on risky',
    '<%= config.bin %> diff base.json head.json --require-bump --next-version 2.0.0',
    '<%= config.bin %> diff git:main:mcp-snapshot.json mcp-snapshot.json',
  ];
  static override args = {
    base: Args.string({ description: 'Baseline snapshot file, or git:REF:PATH (the file as committed at REF).', required: true }),
    head: Args.string({ description: 'Snapshot file to compare with it, or git:REF:PATH.', required: true }),
  };
  static override flags = {
    ...reportFlags,
    config: Flags.string({ description: 'Project config file (the same as --project-config).', helpGroup: 'REPORT', exclusive: ['project-config'] }),
  };

  async run(): Promise<void> {
    const { args, flags } = await this.parse(Diff);
    const { runDiff } = await import('./run-diff.js');
    process.exitCode = await runDiff({ base: args.base, head: args.head, flags }, this.config.version);
  }
}
