import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, PAIRS, workdir } from './cli.js';
import { notesServer } from './servers.js';

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd, stdio: 'pipe' });

/** A repository whose main branch holds the breaking pair's base as snapshots/mcp.json; the working tree has its head. */
function repository(): string {
  const dir = workdir();
  mkdirSync(join(dir, 'snapshots'));
  git(dir, 'init', '-q', '-b', 'main');
  copyFileSync(join(PAIRS, 'breaking', 'base.json'), join(dir, 'snapshots', 'mcp.json'));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'baseline');
  git(dir, 'tag', 'v1.0.0');
  copyFileSync(join(PAIRS, 'breaking', 'head.json'), join(dir, 'snapshots', 'mcp.json'));
  return dir;
}

describe('snapshots read from a git ref (git:REF:PATH)', () => {
  let expected: string;
  beforeAll(async () => {
    const files = await cli(['diff', join(PAIRS, 'breaking', 'base.json'), join(PAIRS, 'breaking', 'head.json'), '--format', 'json']);
    expected = JSON.stringify(JSON.parse(files.stdout).changes);
  });

  // The start-up path of `diff` and oclif's `diff` command both read git sources.
  it.each([
    ['the start-up path', {}],
    ['oclif', { MCP_COMPAT_FAST_PATH: '0' }],
  ])('diff git:main:PATH FILE finds what the two files give (%s)', async (_path, env) => {
    const dir = repository();
    const result = await cli(['diff', 'git:main:snapshots/mcp.json', 'snapshots/mcp.json', '--format', 'json'], { cwd: dir, env });
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.stringify(JSON.parse(result.stdout).changes)).toBe(expected);
  });

  it('PATH is relative to the current directory, the ref may be a tag, and HEAD may be read from git too', async () => {
    const dir = repository();
    git(dir, 'commit', '-q', '-am', 'head');
    const result = await cli(['diff', 'git:v1.0.0:mcp.json', 'git:HEAD:mcp.json', '--format', 'json'], { cwd: join(dir, 'snapshots') });
    expect(result.code, result.stderr).toBe(1);
    expect(JSON.stringify(JSON.parse(result.stdout).changes)).toBe(expected);
  });

  it('reads without checking out: the working tree and the index are untouched', async () => {
    const dir = repository();
    const before = execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' });
    await cli(['diff', 'git:main:snapshots/mcp.json', 'snapshots/mcp.json'], { cwd: dir });
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe(before);
    expect(readFileSync(join(dir, 'snapshots', 'mcp.json'), 'utf8')).toBe(readFileSync(join(PAIRS, 'breaking', 'head.json'), 'utf8'));
  });

  it('the refresh command of a failed diff against git commits the working-tree baseline', async () => {
    const dir = repository();
    const result = await cli(['diff', 'git:main:snapshots/mcp.json', 'snapshots/mcp.json'], { cwd: dir });
    expect(result.stdout).toContain("git commit -m 'Accept the MCP server changes' -- snapshots/mcp.json");
  });

  it.each([
    ['an unknown ref', ['git:nope:snapshots/mcp.json'], /^mcp-compat: Cannot read snapshot git:nope:snapshots\/mcp\.json: unknown git ref "nope"\./],
    ['a missing path', ['git:main:snapshots/other.json'], /^mcp-compat: Cannot read snapshot git:main:snapshots\/other\.json: there is no file snapshots\/other\.json at main\./],
    ['a directory', ['git:main:snapshots'], /^mcp-compat: Cannot read snapshot git:main:snapshots: snapshots is a directory at main\.\n$/],
    ['no path', ['git:main'], /^mcp-compat: "git:main" is not a git snapshot: expected git:REF:PATH/],
    ['a ref that git would read as an option', ['git:--output=evil:mcp.json'], /^mcp-compat: "git:--output=evil:mcp\.json": the git ref "--output=evil" may not start with "-"\.\n$/],
  ])('%s: one line naming the ref and path, exit 2', async (_case, [base], message) => {
    const dir = repository();
    // Both start-up paths read the snapshots the same way (runDiff); oclif's is checked once, on the first case.
    for (const env of base === 'git:nope:snapshots/mcp.json' ? [{}, { MCP_COMPAT_FAST_PATH: '0' }] : [{}]) {
      const result = await cli(['diff', base as string, 'snapshots/mcp.json'], { cwd: dir, env });
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(execFileSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' })).toBe(' M snapshots/mcp.json\n');
  });

  it('outside a repository: one line naming the snapshot, exit 2', async () => {
    const dir = workdir('breaking');
    const result = await cli(['diff', 'git:main:base.json', 'head.json'], { cwd: dir, env: { GIT_CEILING_DIRECTORIES: join(dir, '..') } });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^mcp-compat: Cannot read snapshot git:main:base\.json: .* is not inside a git repository\./);
  });

  it('a file whose name starts with "git:" is read as ./git:...', async () => {
    const dir = workdir('breaking');
    copyFileSync(join(dir, 'base.json'), join(dir, 'git:base.json'));
    const result = await cli(['diff', './git:base.json', 'head.json'], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
  });
});

describe('check --baseline git:REF:PATH', () => {
  function serverRepository(): string {
    const dir = workdir();
    git(dir, 'init', '-q', '-b', 'main');
    return dir;
  }

  it('compares the live server with the baseline committed on a branch', async () => {
    const dir = serverRepository();
    const created = await cli(['snapshot', '-o', 'mcp-snapshot.json', '--', ...notesServer(1)], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'baseline');
    // The working-tree copy no longer matches: only the committed one is read.
    writeFileSync(join(dir, 'mcp-snapshot.json'), 'not json');
    const result = await cli(['check', '--baseline', 'git:main:mcp-snapshot.json', '--format', 'json', '--', ...notesServer(2)], { cwd: dir });
    expect(result.code, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { summary: { breaking: number }; base: { version: string } };
    expect(report.base.version).toBe('1.0.0');
    expect(report.summary.breaking).toBeGreaterThan(0);
  });

  it('an unknown ref is one line, exit 2, before the server is started', async () => {
    const dir = serverRepository();
    const result = await cli(['check', '--baseline', 'git:release:mcp-snapshot.json', '--', process.execPath, '-e', 'require("fs").writeFileSync("started", "")'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^mcp-compat: Cannot read snapshot git:release:mcp-snapshot\.json: unknown git ref "release"\./);
    expect(existsSync(join(dir, 'started'))).toBe(false);
  });

  it('--update refuses a baseline read from git: it names the working-tree file to use', async () => {
    const dir = serverRepository();
    const result = await cli(['check', '--baseline', 'git:main:mcp-snapshot.json', '--update', '--', ...notesServer(1)], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mcp-compat: --update cannot write to git:main:mcp-snapshot\.json/);
  });
});
