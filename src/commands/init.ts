import { access, mkdir, readdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { defaultBranch } from '../action/default-branch.js';
import { installCommands } from '../action/install-command.js';
import { workflowYaml } from '../action/workflow.js';
import { UserError } from '../errors.js';
import { CONFIG_FILE_NAME } from '../policy/config.js';
import { countsOf, entityCounts } from '../report/plural.js';
import { cleanLine } from '../report/sanitize.js';
import { BaseCommand } from './base.js';
import { secretArgumentWarnings, serverEntry } from './init-entry.js';
import { captureOptions } from './flags/capture-options.js';
import { assertWritableFile } from './flags/output-path.js';
import { assertNoStrayWords } from './flags/stray-words.js';
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
    const { flags, argv } = await this.parse(Init);
    const index = this.argv.indexOf('--');
    const command = index === -1 ? [] : this.argv.slice(index + 1);
    assertNoStrayWords('init', argv as string[], command);
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

    await assertWritableFile(flags.baseline, '--baseline');
    const target = await targetFromFlags(flags, command);
    const [{ snapshotServer }, { writeSnapshotFile }] = await Promise.all([import('../capture/snapshot-server.js'), import('../snapshot/write.js')]);
    const snapshot = await snapshotServer(target, captureOptions(flags, undefined, this.verbose));

    const name = flags.name ?? slug(snapshot.server.name);
    const notes: string[] = [];
    const entry = serverEntry(target, flags, files.baseline, { projectDir: cwd, cwd }, notes);
    const config = { failOn: 'breaking', servers: { [name]: entry }, acknowledged: [] };
    for (const warning of secretArgumentWarnings(entry)) process.stderr.write(`mcp-compat: warning: ${warning}\n`);

    await writeSnapshotFile(files.baseline, snapshot);
    await writeAtomically(files.config, `${JSON.stringify(config, null, 2)}\n`);
    await writeAtomically(files.workflow, await projectWorkflow(cwd));

    if (flags.quiet) {
      // Quiet keeps what needs acting on: what the config lacks is a warning, not a note.
      for (const note of notes) process.stderr.write(`${cleanLine(`mcp-compat: warning: ${note}`)}\n`);
      return;
    }
    const written = [relative(cwd, files.baseline), CONFIG_FILE_NAME, WORKFLOW].map((file) => file.split('\\').join('/'));
    const counts = entityCounts(countsOf(snapshot));
    this.log(
      [
        cleanLine(`Captured ${snapshot.server.name} ${snapshot.server.version}: ${counts}.`),
        'Wrote:',
        `  ${written[0]}  the baseline: what clients rely on today`,
        cleanLine(`  ${written[1]}  the project config (server "${name}", fail-on breaking)`),
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

/** The workflow for the project in `dir`: its default branch, and its package manager's install. */
async function projectWorkflow(dir: string): Promise<string> {
  const [branch, files] = await Promise.all([defaultBranch(dir), readdir(dir).catch(() => [] as string[])]);
  const install = installCommands(new Set(files));
  return workflowYaml({ branch, ...(install ? { install } : {}) });
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
