import { Flags } from '@oclif/core';
import { FAIL_ON_LEVELS } from '../policy/fail-on.js';
import { BaseCommand } from './base.js';

export default class Acknowledge extends BaseCommand {
  static override summary = 'Accept changes: write acknowledgement entries, with their reason, into the project config.';
  static override description = [
    'Appends entries to "acknowledged" in the project config (mcp-compat.config.json, or the "mcp-compat" key of package.json;',
    'created in the current folder when there is none), written atomically, leaving the rest of the file as it was.',
    'Give the fingerprints the report prints, or --all to accept every change that fails the run: of the diff BASE HEAD, or of',
    'a report saved with --format json (--report FILE, or - for stdin). Changes already acknowledged are skipped.',
  ].join(' ');
  static override usage = [
    '<%= command.id %> --reason TEXT FINGERPRINT...',
    '<%= command.id %> --reason TEXT --all BASE HEAD',
    '<%= command.id %> --reason TEXT --all --report FILE',
  ];
  static override examples = [
    '<%= config.bin %> acknowledge --reason "search_v1 callers migrated, see #123" 3f9c2a1b7d04',
    '<%= config.bin %> acknowledge --reason "zod 4 upgrade, announced in 3.0" --all mcp-snapshot.json new-snapshot.json',
    '<%= config.bin %> check --format json | <%= config.bin %> ack --reason "reviewed" --all --report -',
  ];
  static override aliases = ['ack'];
  static override strict = false;
  static override flags = {
    reason: Flags.string({ description: 'Why these changes are acceptable (required; written into every entry).', required: true }),
    all: Flags.boolean({ description: 'Every change that fails the run (of BASE HEAD, or of --report).' }),
    report: Flags.string({ description: 'A report saved with --format json (- for stdin), instead of BASE HEAD.' }),
    expires: Flags.string({ description: 'YYYY-MM-DD: the acknowledgements hold through this day, then the changes fail again.' }),
    'fail-on': Flags.string({ description: 'With --all: the level that fails the run (default: the report\'s, else failOn from the project config, else breaking).', options: [...FAIL_ON_LEVELS] }),
    'project-config': Flags.string({ description: 'The project config to write to (default: the nearest one, walking up).' }),
    client: Flags.string({ description: 'With --all BASE HEAD: the clients whose limits the diff checks, as for diff --client (default: clients from the project config).' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Acknowledge);
    const { runAcknowledge } = await import('./run-acknowledge.js');
    process.exitCode = await runAcknowledge({ words: argv as string[], flags });
  }
}
