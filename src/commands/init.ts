import { access, mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { workflowYaml } from '../action/workflow.js';
import { safeUrl, type ServerTarget } from '../capture/target.js';
import { UserError } from '../errors.js';
import { CONFIG_FILE_NAME } from '../policy/config.js';
import { countsOf, entityCounts } from '../report/plural.js';
import type { JsonObject } from '../snapshot/model.js';
import { BaseCommand } from './base.js';
import { captureOptions } from './flags/capture-options.js';
import { shellQuote } from './flags/report.js';
import { serverTargetFlags, targetFromFlags } from './flags/server-target.js';

const WORKFLOW = join('.github', 'workflows', 'mcp-compat.yml');

export default class Init extends BaseCommand {
  static override summary = 'Set up a project: capture the baseline, write the config file and a GitHub workflow.';
  static override description =
    'Writes mcp-snapshot.json (or --baseline), mcp-compat.config.json and .github/workflows/mcp-compat.yml in the current folder, and prints what to commit. Existing files are never overwritten without --force.';
  static override examples = [
    '<%= config.bin %> init -- node dist/server.js',
    '<%= config.bin %> init --url http://127.0.0.1:3000/mcp --name api',
    '<%= config.bin %> init --config .mcp.json --server notes',
  ];
  static override strict = false;
  static override flags = {
    ...serverTargetFlags,
    baseline: Flags.string({ char: 'b', description: 'Where to write the baseline snapshot.', default: 'mcp-snapshot.json' }),
    name: Flags.string({ description: 'Name of the server in the config file (default: the name the server reports).' }),
    force: Flags.boolean({ description: 'Overwrite existing files.' }),
  };

  async run(): Promise<void> {
    const { flags } = await this.parse(Init);
    const index = this.argv.indexOf('--');
    const command = index === -1 ? [] : this.argv.slice(index + 1);
    if (command.length === 0 && flags.url === undefined && flags.config === undefined) {
      throw new UserError('init needs the server to capture.', { hint: 'Give it as -- COMMAND ARGS, --url URL, or --config FILE --server NAME.' });
    }
    const cwd = process.cwd();
    const files = { baseline: resolve(flags.baseline), config: resolve(CONFIG_FILE_NAME), workflow: resolve(WORKFLOW) };
    if (!flags.force) {
      const existing = [];
      for (const file of Object.values(files)) if (await exists(file)) existing.push(relative(cwd, file));
      if (existing.length > 0) throw new UserError(`Not overwriting ${existing.join(', ')}.`, { hint: 'Run again with --force to replace them.' });
    }

    const target = await targetFromFlags(flags, command);
    const [{ snapshotServer }, { writeSnapshotFile }] = await Promise.all([import('../capture/snapshot-server.js'), import('../snapshot/write.js')]);
    const snapshot = await snapshotServer(target, captureOptions(flags, undefined, this.verbose));

    const name = flags.name ?? slug(snapshot.server.name);
    const notes: string[] = [];
    const entry = serverEntry(target, flags, relative(cwd, files.baseline).split('\\').join('/'), cwd, notes);
    const config = { failOn: 'breaking', servers: { [name]: entry }, acknowledged: [] };

    await writeSnapshotFile(files.baseline, snapshot);
    await writeAtomically(files.config, `${JSON.stringify(config, null, 2)}\n`);
    await writeAtomically(files.workflow, workflowYaml({ node: await exists(resolve('package.json')) }));

    const written = [relative(cwd, files.baseline), CONFIG_FILE_NAME, WORKFLOW].map((file) => file.split('\\').join('/'));
    const counts = entityCounts(countsOf(snapshot));
    this.log(
      [
        `Captured ${snapshot.server.name} ${snapshot.server.version}: ${counts}.`,
        'Wrote:',
        `  ${written[0]}  the baseline: what clients rely on today`,
        `  ${written[1]}  the project config (server "${name}", fail-on breaking)`,
        `  ${written[2]}  checks every pull request`,
        ...notes.map((note) => `Note: ${note}`),
        '',
        'Commit them:',
        `  git add ${shellQuote(written)}`,
        '  git commit -m "Add mcp-compat baseline and workflow"',
        '',
        'From now on `mcp-compat check` compares the server with the baseline; after an intended change,',
        '`mcp-compat check --update` refreshes it.',
      ].join('\n'),
    );
  }
}

function serverEntry(target: ServerTarget, flags: { config?: string; server?: string }, baseline: string, cwd: string, notes: string[]): JsonObject {
  if (flags.config !== undefined && flags.server !== undefined) {
    return { baseline, clientConfig: { file: portable(flags.config, cwd), server: flags.server } };
  }
  if (target.kind === 'stdio') {
    const entry: JsonObject = { baseline, command: [target.command, ...target.args].map((arg) => portable(arg, cwd)) };
    if (target.cwd !== undefined && resolve(target.cwd) !== cwd) entry.cwd = portable(target.cwd, cwd);
    if (target.env && Object.keys(target.env).length > 0) {
      notes.push(`--env values are not written to ${CONFIG_FILE_NAME} (they may be secrets); add them under "env" if the server needs them.`);
    }
    return entry;
  }
  if (target.headers && Object.keys(target.headers).length > 0) {
    notes.push(`--header values are not written to ${CONFIG_FILE_NAME} (they may be secrets); add them under "headers" if the server needs them.`);
  }
  // Like header values, the URL's credentials, query and fragment may be a token: they are left out.
  const parsed = new URL(target.url);
  const secretParts = parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '';
  const url = secretParts ? safeUrl(target.url) : target.url;
  if (secretParts) {
    notes.push(`the URL's credentials and query are not written to ${CONFIG_FILE_NAME} (they may be secrets); add them to "url", or a token under "headers", if the server needs them.`);
  }
  return { baseline, url, ...(target.kind === 'sse' ? { transport: 'sse' } : {}) };
}

/** Absolute paths inside the project become relative, so the config works on every checkout. */
function portable(value: string, cwd: string): string {
  if (!isAbsolute(value)) return value;
  const rel = relative(cwd, value);
  return rel.startsWith('..') || isAbsolute(rel) ? value : rel.split('\\').join('/') || '.';
}

function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'server';
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
