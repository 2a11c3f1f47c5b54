import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';
import { notesServer } from './servers.js';

describe('mcp-compat init (built CLI)', () => {
  it('captures the baseline, writes the config and the workflow, and says what to commit', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'notes-server', version: '1.0.0' }));
    writeFileSync(join(dir, 'package-lock.json'), JSON.stringify({ name: 'notes-server', lockfileVersion: 3, packages: {} }));
    const { code, stdout, stderr } = await cli(['init', '--name', 'notes', '--', ...notesServer(1)], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('git add mcp-snapshot.json mcp-compat.config.json .github/workflows/mcp-compat.yml');

    const config = JSON.parse(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')) as { failOn: string; servers: Record<string, { baseline: string; command: string[] }> };
    expect(config.failOn).toBe('breaking');
    expect(config.servers.notes).toEqual({ baseline: 'mcp-snapshot.json', command: notesServer(1) });
    const snapshot = JSON.parse(readFileSync(join(dir, 'mcp-snapshot.json'), 'utf8')) as { formatVersion: number; tools: unknown[] };
    expect(snapshot.formatVersion).toBe(1);
    expect(snapshot.tools.length).toBeGreaterThan(0);
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8');
    expect(workflow).toContain('  pull_request:');
    expect(workflow).not.toContain('pull_request_target:');
    expect(workflow).toContain('run: npm ci');
    expect(workflow).toContain('uses: mcp-compat/mcp-compat@');

    // The project is ready: check with no arguments uses the configured server.
    const check = await cli(['check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'mcp-compat.config.json'), '{"failOn":"none"}');
    const refused = await cli(['init', '--', ...notesServer(1)], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Not overwriting mcp-compat.config.json.');
    expect(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')).toBe('{"failOn":"none"}');

    const forced = await cli(['init', '--force', '--', ...notesServer(1)], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')).toContain('"servers"');
  });

  it('needs a server', async () => {
    const { code, stderr } = await cli(['init'], { cwd: workdir() });
    expect(code).toBe(2);
    expect(stderr).toContain('init needs the server to capture.');
  });

  it('writes the paths inside the project relative to it, never as this machine has them', async () => {
    const dir = workdir();
    // The server's folder is inside the project (a link: Node resolves its imports from the fixture).
    symlinkSync(dirname(notesServer(1)[1] as string), join(dir, 'server'));
    const result = await cli(['init', '--name', 'notes', '--baseline', join(dir, 'notes.json'), '--cwd', join(dir, 'server'), '--', process.execPath, join(dir, 'server', 'server.js')], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8');
    expect(text).not.toContain(dir);
    expect(JSON.parse(text).servers.notes).toEqual({ baseline: 'notes.json', command: [process.execPath, 'server.js'], cwd: 'server' });
    expect(readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8')).not.toContain(dir);

    const check = await cli(['check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
  });

  it('refers to the only server of --config by name, never copying its expanded variables', async () => {
    const dir = workdir();
    const [node, script] = notesServer(1) as [string, string];
    writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { notes: { command: node, args: [script, '--token=${NOTES_TEST_TOKEN}'] } } }));
    const result = await cli(['init', '-q', '--config', join(dir, '.mcp.json')], { cwd: dir, env: { NOTES_TEST_TOKEN: 's3cret-token-value' } });
    expect(result.code, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8');
    expect(text).not.toContain('s3cret-token-value');
    expect(JSON.parse(text).servers.notes).toEqual({ baseline: 'mcp-snapshot.json', clientConfig: { file: '.mcp.json', server: 'notes' } });
  });

  it('prints nothing with -q but warnings', async () => {
    const quiet = await cli(['init', '-q', '--', ...notesServer(1)], { cwd: workdir() });
    expect(quiet).toEqual({ code: 0, stdout: '', stderr: '' });

    const withEnv = await cli(['init', '--quiet', '--env', 'NOTES_TOKEN=s3cret-value', '--', ...notesServer(1)], { cwd: workdir() });
    expect(withEnv.code, withEnv.stderr).toBe(0);
    expect(withEnv.stdout).toBe('');
    expect(withEnv.stderr).toBe('mcp-compat: warning: --env values are not written to mcp-compat.config.json (they may be secrets); add them under "env" if the server needs them.\n');
  });

  describe('--add NAME', () => {
    const configText = (baseline: string) =>
      `{\n    "failOn": "breaking",\n    "servers": {\n        "notes": { "baseline": ${JSON.stringify(baseline)}, "command": ${JSON.stringify(notesServer(1))} }\n    },\n` +
      '    "acknowledged": [\n        { "fingerprint": "3f9c2a1b7d04", "reason": "callers migrated" }\n    ]\n}\n';

    it('adds a server to the existing config in place, without --force, and keeps the workflow', async () => {
      const dir = workdir();
      expect((await cli(['snapshot', '-q', '-o', 'mcp-snapshot.json', '--', ...notesServer(1)], { cwd: dir })).code).toBe(0);
      const before = configText('mcp-snapshot.json');
      writeFileSync(join(dir, 'mcp-compat.config.json'), before);
      mkdirSync(join(dir, '.github', 'workflows'), { recursive: true });
      writeFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), '# the project\'s own workflow\n');

      const added = await cli(['init', '--add', 'notes-next', '--', ...notesServer(2)], { cwd: dir });
      expect(added.code, added.stderr).toBe(0);
      expect(added.stdout).toContain('git add mcp-snapshot-notes-next.json mcp-compat.config.json\n');
      const after = readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8');
      const entry = JSON.stringify({ baseline: 'mcp-snapshot-notes-next.json', command: notesServer(2) }, null, 4).split('\n').join('\n        ');
      expect(after).toBe(before.replace('] }\n    },', `] },\n        "notes-next": ${entry}\n    },`));
      expect(JSON.parse(readFileSync(join(dir, 'mcp-snapshot-notes-next.json'), 'utf8')).server.version).toBe('2.0.0');
      expect(readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8')).toBe('# the project\'s own workflow\n');

      const check = await cli(['check', '--all'], { cwd: dir });
      expect(check.code, check.stderr).toBe(0);

      const again = await cli(['init', '--add', 'notes-next', '--', ...notesServer(2)], { cwd: dir });
      expect(again.code).toBe(2);
      expect(again.stderr).toBe('mcp-compat: Server "notes-next" is already in mcp-compat.config.json. Choose another name, or edit its entry.\n');
      expect(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')).toBe(after);
    });

    it('writes the workflow when there is none, and never takes another server\'s baseline', async () => {
      const dir = workdir();
      writeFileSync(join(dir, 'mcp-compat.config.json'), configText('notes.json'));
      const shared = await cli(['init', '--add', 'api', '--baseline', 'notes.json', '--', ...notesServer(2)], { cwd: dir });
      expect(shared.code).toBe(2);
      expect(shared.stderr).toContain('notes.json is already the baseline of server "notes".');

      const added = await cli(['init', '-q', '--add', 'api', '--', ...notesServer(2)], { cwd: dir });
      expect(added).toEqual({ code: 0, stdout: '', stderr: '' });
      expect(readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8')).toContain('uses: mcp-compat/mcp-compat@');
    });

    it('needs a config to add to', async () => {
      const dir = workdir();
      const result = await cli(['init', '--add', 'api', '--', ...notesServer(2)], { cwd: dir });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('No mcp-compat.config.json to add "api" to.');
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  describe('the workflow names the default branch', () => {
    // git reads no global or system config here, so the machine's own settings cannot leak in.
    const gitEnv = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };
    // stderr is kept: a failing git command then says why in the test's error.
    const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, env: { ...process.env, ...gitEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
    const branches = (dir: string) => {
      const workflow = load(readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8')) as { on: Record<string, { branches: string[] }> };
      return [workflow.on.pull_request?.branches, workflow.on.push?.branches];
    };
    const init = async (dir: string, env: NodeJS.ProcessEnv = gitEnv) => {
      const result = await cli(['init', '-q', '--', ...notesServer(1)], { cwd: dir, env });
      expect(result.code, result.stderr).toBe(0);
    };

    it("from origin's HEAD first", async () => {
      const dir = workdir();
      git(dir, 'init', '-q', '-b', 'trunk');
      git(dir, 'config', 'init.defaultBranch', 'stable');
      git(dir, 'symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/develop');
      await init(dir);
      expect(branches(dir)).toEqual([['develop'], ['develop']]);
    });

    it('else from init.defaultBranch, else the current branch', async () => {
      const configured = workdir();
      git(configured, 'init', '-q', '-b', 'trunk');
      git(configured, 'config', 'init.defaultBranch', 'stable');
      await init(configured);
      expect(branches(configured)).toEqual([['stable'], ['stable']]);

      const current = workdir();
      git(current, 'init', '-q', '-b', 'release/2.x');
      await init(current);
      expect(branches(current)).toEqual([['release/2.x'], ['release/2.x']]);
    });

    it('is main outside a repository and without git', async () => {
      const outside = workdir();
      await init(outside);
      expect(branches(outside)).toEqual([['main'], ['main']]);

      const noGit = workdir();
      await init(noGit, { ...gitEnv, PATH: join(noGit, 'no-such-bin') });
      expect(branches(noGit)).toEqual([['main'], ['main']]);
    });
  });

  it.each([
    [[], 'npm install'],
    [['package-lock.json'], 'npm ci'],
    [['npm-shrinkwrap.json'], 'npm ci'],
    [['pnpm-lock.yaml'], 'pnpm install --frozen-lockfile'],
    [['yarn.lock'], 'yarn install --frozen-lockfile'],
  ])('installs with a lockfile among %j by: %s', async (lockfiles, install) => {
    const dir = workdir();
    writeFileSync(join(dir, 'package.json'), '{"name":"notes-server","version":"1.0.0"}');
    for (const file of lockfiles) writeFileSync(join(dir, file), '{}');
    const result = await cli(['init', '-q', '--', ...notesServer(1)], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8');
    expect(workflow).toContain(`run: ${install}\n`);
    if (install !== 'npm ci') expect(workflow).not.toContain('npm ci');
  });
});
