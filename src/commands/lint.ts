import { Flags } from '@oclif/core';
import { CLIENT_IDS } from '../clients/profiles.js';
import { LINT_FAIL_ON_LEVELS } from '../policy/lint-fail-on.js';
import { REPORT_FORMATS } from '../report/formats.js';
import { BaseCommand } from './base.js';
import { serverTargetFlags } from './flags/server-target.js';

export default class Lint extends BaseCommand {
  static override summary = 'Check a snapshot file or a live server against the lint rules.';
  static override description = [
    'Lints what a server exposes: tool names against the MCP specification, look-alike names, missing descriptions,',
    'schemas no call can satisfy, `required` naming undeclared properties, duplicate enum values, oversized descriptions',
    'and schemas (docs/lint.md; every rule in docs/rules.md), and with --client the limits of those clients (docs/clients.md). The target is a snapshot file (`-` for stdin, or git:REF:PATH)',
    'or a server given as for snapshot. Exit codes: 0 nothing at or above --fail-on, 1 at least one finding at or above it,',
    '2 the lint could not be done.',
  ].join('\n');
  static override usage = ['<%= command.id %> FILE [--format F] [--fail-on L]', '<%= command.id %> [--format F] [--fail-on L] -- COMMAND [ARGS...]', '<%= command.id %> --url URL', '<%= command.id %> --config FILE --server NAME'];
  static override examples = [
    '<%= config.bin %> lint mcp-snapshot.json',
    '<%= config.bin %> lint --format sarif -o lint.sarif -- node dist/server.js',
    '<%= config.bin %> lint mcp-snapshot.json --fail-on warning --rule tool-parameter-description-missing=off',
    '<%= config.bin %> lint mcp-snapshot.json --client openai,claude-code',
  ];
  static override strict = false;
  static override flags = {
    ...serverTargetFlags,
    // The snapshot file may follow a repeatable flag: each takes one value.
    env: Flags.string({ description: serverTargetFlags.env.description, multiple: true, multipleNonGreedy: true, helpGroup: 'SERVER' }),
    header: Flags.string({ description: serverTargetFlags.header.description, multiple: true, multipleNonGreedy: true, helpGroup: 'SERVER' }),
    format: Flags.string({ description: 'Report format.', options: [...REPORT_FORMATS], default: 'text', helpGroup: 'REPORT' }),
    'fail-on': Flags.string({
      description: 'Exit with 1 when a finding at or above this level is found (default: lint.failOn from the project config, else error).',
      options: [...LINT_FAIL_ON_LEVELS],
      helpGroup: 'REPORT',
    }),
    rule: Flags.string({
      description: 'Set a rule\'s severity or turn it off, ID=error|warning|info|off (repeatable; wins over lint.rules in the project config).',
      multiple: true,
      // One value per --rule: the snapshot file may follow it.
      multipleNonGreedy: true,
      helpGroup: 'REPORT',
    }),
    client: Flags.string({
      description: `Also check the known limits of these clients (${CLIENT_IDS.join(', ')}; comma-separated; default: clients from the project config). See docs/clients.md.`,
      helpGroup: 'REPORT',
    }),
    output: Flags.string({ char: 'o', description: 'Write the report to this file instead of stdout (`-` for stdout).', helpGroup: 'REPORT' }),
    'project-config': Flags.string({
      description: 'Project config file (default: nearest mcp-compat.config.json or package.json "mcp-compat", walking up).',
      helpGroup: 'REPORT',
    }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Lint);
    const { runLint } = await import('./run-lint.js');
    process.exitCode = await runLint({ flags, argv: argv as string[], rawArgv: this.argv, verbose: this.verbose }, this.config.version);
  }
}
