import { Flags } from '@oclif/core';
import { BaseCommand } from './base.js';
import { serverTargetFlags } from './flags/server-target.js';
import { assertNoStrayWords } from './flags/stray-words.js';

export default class Snapshot extends BaseCommand {
  static override summary = 'Capture what an MCP server exposes into a canonical snapshot file.';
  static override description = [
    'Connects as an MCP client over stdio (-- COMMAND ARGS, spawned directly, never through a shell), Streamable HTTP (--url),',
    'legacy SSE (--url --transport sse) or from an MCP client config file (--config FILE --server NAME), reads every page of',
    'tools, prompts, resources and resource templates, and writes the canonical snapshot (stdout when no --output).',
    'The file is written atomically, and only after a successful capture. Exit code 2 when the capture fails.',
  ].join(' ');
  static override usage = [
    '<%= command.id %> [-o FILE] [--env KEY=VALUE] [--cwd DIR] -- COMMAND [ARGS...]',
    '<%= command.id %> [-o FILE] --url URL [--transport http|sse] [--header "Name: value"]',
    '<%= command.id %> [-o FILE] --config FILE [--server NAME]',
  ];
  static override examples = [
    '<%= config.bin %> snapshot -o mcp-snapshot.json -- node dist/server.js',
    '<%= config.bin %> snapshot --url http://127.0.0.1:3000/mcp --header "Authorization: Bearer $TOKEN"',
    '<%= config.bin %> snapshot --config .mcp.json --server notes -o notes.json',
  ];
  static override strict = false;
  static override flags = {
    ...serverTargetFlags,
    output: Flags.string({ char: 'o', description: 'Write the snapshot to this file instead of stdout.' }),
  };

  async run(): Promise<void> {
    const { flags, argv } = await this.parse(Snapshot);
    const dash = this.argv.indexOf('--');
    const command = dash === -1 ? [] : this.argv.slice(dash + 1);
    assertNoStrayWords('snapshot', argv as string[], command);

    const { runSnapshot } = await import('./run-snapshot.js');
    await runSnapshot({ flags, command });
  }
}
