import { access, mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { defaultBranch } from '../action/default-branch.js';
import { installCommands } from '../action/install-command.js';
import { workflowYaml } from '../action/workflow.js';
import { UserError } from '../errors.js';
import { addServer } from '../policy/add-server.js';
import { CONFIG_FILE_NAME, PACKAGE_JSON_KEY, parseConfigText } from '../policy/config.js';
import { countsOf, entityCounts } from '../report/plural.js';
import { cleanLine } from '../report/sanitize.js';
import { BaseCommand } from './base.js';
import { secretArgumentWarnings, serverEntry } from './init-entry.js';
import { captureOptions } from './flags/capture-options.js';
import { assertWritableFile } from './flags/output-path.js';
import { type LoadedProjectConfig, loadProjectConfig } from './flags/project-config.js';
import { displayPath } from './flags/report-values.js';
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
    '<%= config.bin %> init --add api --url http://127.0.0.1:3000/mcp',
  ];
  static override strict = false;
  static override flags = {
    ...serverTargetFlags,
    baseline: Flags.string({ char: 'b', description: 'Where to write the baseline snapshot [default: mcp-snapshot.json; with --add, mcp-snapshot-NAME.json beside the config].' }),
    name: Flags.string({ description: 'Name of the server in the config file (default: the name the server reports).', exclusive: ['add'] }),
    add: Flags.string({
      description: 'Add the server, under this name, to the existing project config (no --force needed): capture its baseline and append its entry; the other entries and an existing workflow are kept.',
      helpValue: 'NAME',
    }),
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
    if (flags.add !== undefined) {
      await this.addServer(flags.add, flags, command);
      return;
    }
    const cwd = process.cwd();
    const files = { baseline: resolve(flags.baseline ?? 'mcp-snapshot.json'), config: resolve(CONFIG_FILE_NAME), workflow: resolve(WORKFLOW) };
    if (!flags.force) {
      const existing = [];
      for (const file of Object.values(files)) if (await exists(file)) existing.push(relative(cwd, file));
      if (existing.length > 0) {
        const add = existing.includes(CONFIG_FILE_NAME) ? ', or with --add NAME to add a server to the config' : '';
        throw new UserError(`Not overwriting ${existing.join(', ')}.`, { hint: `Run again with --force to replace them${add}.` });
      }
    }

    await assertWritableFile(flags.baseline ?? 'mcp-snapshot.json', '--baseline');
    const target = await targetFromFlags(flags, command);
    const [{ snapshotServer }, { writeSnapshotFile }] = await Promise.all([import('../capture/snapshot-server.js'), import('../snapshot/write.js')]);
    const snapshot = await snapshotServer(target, captureOptions(flags, undefined, this.verbose));

    const name = flags.name ?? slug(snapshot.server.name);
    const notes: string[] = [];
    const entry = serverEntry(target, await withClientServer(flags), files.baseline, { projectDir: cwd, cwd }, notes);
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

  /** `init --add NAME`: one more server in the existing project config, which is edited in place. */
  private async addServer(name: string, flags: InitFlags, command: string[]): Promise<void> {
    const config = await loadProjectConfig();
    if (!config) throw new UserError(`No ${CONFIG_FILE_NAME} to add "${name}" to.`, { hint: 'Run init without --add to create one.' });
    const configFile = displayPath(config.file);
    if (config.servers.some((server) => server.name === name)) {
      throw new UserError(`Server "${name}" is already in ${configFile}.`, { hint: 'Choose another name, or edit its entry.' });
    }
    const baseline = flags.baseline === undefined ? join(config.dir, `mcp-snapshot-${slug(name)}.json`) : resolve(flags.baseline);
    await assertBaselineFree(baseline, config, flags.force === true);
    await assertWritableFile(flags.baseline ?? displayPath(baseline), '--baseline');
    const target = await targetFromFlags(flags, command);
    const [{ snapshotServer }, { writeSnapshotFile }] = await Promise.all([import('../capture/snapshot-server.js'), import('../snapshot/write.js')]);
    const snapshot = await snapshotServer(target, captureOptions(flags, undefined, this.verbose));

    const notes: string[] = [];
    const entry = serverEntry(target, await withClientServer(flags), baseline, { projectDir: config.dir, cwd: process.cwd() }, notes);
    let updated: string;
    try {
      updated = addServer(await readFile(config.file, 'utf8'), config.file.endsWith('package.json') ? [PACKAGE_JSON_KEY] : [], name, entry);
    } catch (error) {
      throw new UserError(`Cannot add "${name}" to ${configFile}: ${(error as Error).message}.`);
    }
    // The result must read back as a valid config, or nothing is written.
    parseConfigText(updated, config.file);
    for (const warning of secretArgumentWarnings(entry)) process.stderr.write(`mcp-compat: warning: ${warning}\n`);

    const workflow = join(config.dir, WORKFLOW);
    const newWorkflow = !(await exists(workflow));
    await writeSnapshotFile(baseline, snapshot);
    await writeAtomically(config.file, updated);
    if (newWorkflow) await writeAtomically(workflow, await projectWorkflow(config.dir));

    if (flags.quiet) {
      for (const note of notes) process.stderr.write(`${cleanLine(`mcp-compat: warning: ${note}`)}\n`);
      return;
    }
    const written = [displayPath(baseline), configFile, ...(newWorkflow ? [displayPath(workflow)] : [])];
    this.log(
      [
        cleanLine(`Captured ${snapshot.server.name} ${snapshot.server.version}: ${entityCounts(countsOf(snapshot))}.`),
        'Wrote:',
        `  ${written[0]}  the baseline: what clients rely on today`,
        cleanLine(`  ${configFile}  server "${name}" added; the other entries are as they were`),
        newWorkflow ? `  ${written[2]}  checks every pull request` : `  ${displayPath(workflow)} is kept: it checks every configured server`,
        ...notes.map((note) => `Note: ${note}`),
        '',
        'Commit them:',
        `  git add ${shellQuote(written)}`,
        cleanLine(`  git commit -m ${shellQuote([`Add the mcp-compat baseline of ${name}`])}`),
      ].join('\n'),
    );
  }
}

type InitFlags = Parameters<typeof targetFromFlags>[0] & Parameters<typeof captureOptions>[0] & { baseline?: string; force?: boolean; quiet?: boolean; config?: string; server?: string };

/** The new server's baseline must not be another server's, nor (without --force) overwrite a file. */
async function assertBaselineFree(baseline: string, config: LoadedProjectConfig, force: boolean): Promise<void> {
  const owner = config.servers.find((server) => resolve(config.dir, server.baseline) === baseline);
  if (owner) throw new UserError(`${displayPath(baseline)} is already the baseline of server "${owner.name}".`, { hint: 'Give the new server its own file with --baseline FILE.' });
  if (!force && (await exists(baseline))) throw new UserError(`Not overwriting ${displayPath(baseline)}.`, { hint: 'Give another --baseline FILE, or run again with --force to replace it.' });
}

/**
 * `--config FILE` alone names the client config's only server: the entry must still refer to it by
 * name (`clientConfig`), never copy its command or URL with the variables expanded (they may be tokens).
 */
async function withClientServer(flags: { config?: string; server?: string }): Promise<{ config?: string; server?: string }> {
  if (flags.config === undefined || flags.server !== undefined) return flags;
  const { stripJsonComments } = await import('../capture/client-config.js');
  const document = JSON.parse(stripJsonComments(await readFile(flags.config, 'utf8'))) as { mcpServers?: unknown; servers?: unknown };
  const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null && !Array.isArray(value);
  const servers = isObject(document.mcpServers) ? document.mcpServers : isObject(document.servers) ? document.servers : {};
  // The capture has already read this file and found exactly one server in it.
  return { ...flags, server: Object.keys(servers)[0] as string };
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
