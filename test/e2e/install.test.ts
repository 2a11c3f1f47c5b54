import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { PAIRS, ROOT } from './cli.js';
import { notesServer } from './servers.js';
import { tempDir } from '../support/temp-dir.js';

const exec = promisify(execFile);
/** The npm that runs this test's Node: npm's own environment variables are dropped, so the temp project is on its own. */
const npmEnv = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name)));
const npm = (args: string[], cwd: string) => exec('npm', args, { cwd, env: npmEnv, maxBuffer: 64 * 1024 * 1024 });

interface PackedFile {
  path: string;
  size: number;
}

/** The limits of a light install: the CLI and the library are self-contained bundles. */
const MAX_PACKAGES = 5;
const MAX_BYTES = 20 * 1024 * 1024;

function folderBytes(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    return sum + (entry.isDirectory() ? folderBytes(path) : entry.isFile() ? statSync(path).size : 0);
  }, 0);
}

describe('the published package', () => {
  let files: string[];
  let tarball: string;
  let project: string;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, 'dist', 'index.d.ts')), 'dist/index.d.ts is missing: run `npm run build` (npm test does)').toBe(true);
    const packed = tempDir('mcp-compat-pack-');
    // --ignore-scripts: prepack would rebuild dist/ under the other tests' feet; dist/ is built already.
    const { stdout } = await npm(['pack', '--ignore-scripts', '--json', '--pack-destination', packed], ROOT);
    const [manifest] = JSON.parse(stdout) as [{ filename: string; files: PackedFile[] }];
    files = manifest.files.map((file) => file.path);
    tarball = join(packed, manifest.filename);

    project = tempDir('mcp-compat-install-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    // Offline: the package must bring everything it needs.
    await npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], project);
  }, 120_000);

  it('holds the bins, the bundles and the types, and no source maps, sources, tests or dev scripts', () => {
    for (const needed of ['package.json', 'README.md', 'bin/run.js', 'bin/package.json', 'dist/cli.js', 'dist/fast-diff.cjs', 'dist/compile-cache.cjs', 'dist/fast-snapshot.js', 'dist/index.js', 'dist/index.d.ts', 'dist/tokenizer.cjs']) {
      expect(files, needed).toContain(needed);
    }
    expect(files.filter((path) => path.endsWith('.map'))).toEqual([]);
    expect(files.filter((path) => /^(src|test|fixtures|scripts|bench|docs|\.github|dist-action)\//.test(path))).toEqual([]);
    expect(files).not.toContain('bin/dev.js');
    expect(files).not.toContain('dist/action.js');
  });

  it(`installs at most ${MAX_PACKAGES} packages and ${MAX_BYTES / 1024 / 1024} MB`, () => {
    const lock = JSON.parse(readFileSync(join(project, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    const packages = Object.keys(lock.packages).filter((path) => path.startsWith('node_modules/'));
    const bytes = folderBytes(join(project, 'node_modules'));
    console.info(`npm install of the packed tarball: ${packages.length} package(s), ${(bytes / 1024 / 1024).toFixed(1)} MB`);
    expect(packages).toEqual(['node_modules/mcp-compat']);
    expect(packages.length).toBeLessThanOrEqual(MAX_PACKAGES);
    expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
  });

  it('npx mcp-compat diff runs, on the start-up path and through oclif, and finds its tokenizer (#tokenizer) from either', async () => {
    const args = ['--no', '--', 'mcp-compat', 'diff', join(PAIRS, 'breaking', 'base.json'), join(PAIRS, 'breaking', 'head.json'), '--format', 'json', '--context'];
    for (const env of [{}, { MCP_COMPAT_FAST_PATH: '0' }]) {
      const result = await exec('npx', args, { cwd: project, env: { ...npmEnv, ...env } }).then(
        (done) => ({ code: 0, stdout: done.stdout }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
      expect(result.code, JSON.stringify(result)).toBe(1);
      const summary = (JSON.parse(result.stdout) as { summary: { breaking: number; context: unknown } }).summary;
      expect(summary.breaking).toBeGreaterThan(0);
      expect(summary.context).toEqual({ baseTokens: 147, headTokens: 154, delta: 7 });
    }
  });

  it('oclif finds its commands and help in the installed package', async () => {
    const { stdout } = await exec('npx', ['--no', '--', 'mcp-compat', '--help'], { cwd: project, env: npmEnv });
    for (const command of ['check', 'diff', 'init', 'snapshot']) expect(stdout).toMatch(new RegExp(`^\\s+${command}\\s`, 'm'));
    expect(stdout).toMatch(/^VERSION\n\s+mcp-compat\/\d+\.\d+\.\d+ /m);
  });

  it('npx mcp-compat snapshot captures the example server (the MCP SDK comes from the bundle)', async () => {
    const { stdout } = await exec('npx', ['--no', '--', 'mcp-compat', 'snapshot', '--', ...notesServer(1)], { cwd: project, env: npmEnv });
    const snapshot = JSON.parse(stdout) as { server: { name: string }; tools: unknown[] };
    expect(snapshot.server.name).toBe('notes');
    expect(snapshot.tools.length).toBeGreaterThan(0);
  });

  it('the library loads and snapshots a server', async () => {
    const script = [
      "import { snapshotServer, readSnapshot, diffSnapshots } from 'mcp-compat';",
      `const base = await readSnapshot(${JSON.stringify(join(PAIRS, 'breaking', 'base.json'))});`,
      `const head = await snapshotServer({ kind: 'stdio', command: process.execPath, args: [${JSON.stringify(notesServer(2)[1])}] });`,
      'console.log(JSON.stringify({ head: head.server.version, changes: diffSnapshots(base, head).changes.length }));',
    ].join('\n');
    writeFileSync(join(project, 'library.mjs'), script);
    const { stdout } = await exec(process.execPath, ['library.mjs'], { cwd: project });
    const result = JSON.parse(stdout) as { head: string; changes: number };
    expect(result.head).toBe('2.0.0');
    expect(result.changes).toBeGreaterThan(0);
  });

  it("the library's types compile in a strict project without skipLibCheck, and name no package that is not installed", async () => {
    writeFileSync(
      join(project, 'consumer.ts'),
      [
        "import { buildReport, diffSnapshots, readSnapshot, renderReport, snapshotMcpServer, snapshotServer, type InProcessMcpServer, type Report, type Snapshot } from 'mcp-compat';",
        "const base: Snapshot = await readSnapshot('base.json');",
        "const head: Snapshot = await snapshotServer({ kind: 'stdio', command: 'node', args: ['server.js'] }, { timeoutMs: 1000 });",
        'declare const server: InProcessMcpServer;',
        'await snapshotMcpServer(server);',
        'export const changes = diffSnapshots(base, head).changes;',
        'export { buildReport, renderReport };',
        'export type { Report };',
      ].join('\n'),
    );
    const tsconfig = { compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, skipLibCheck: false, noEmit: true, types: [] }, files: ['consumer.ts'] };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = await exec(process.execPath, [tsc, '-p', '.'], { cwd: project }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe('');
  });
});
