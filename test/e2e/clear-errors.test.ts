import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, cli, ROOT, type RunResult, userEnv, workdir } from './cli.js';
import { notesServer } from './servers.js';

const FORMATS = ['text', 'json', 'markdown', 'github', 'sarif', 'junit'] as const;
// A "server" that leaves a file behind when it starts: the proof that a check came too late.
const MARKER = 'server-was-started';
const MARKING_SERVER = [process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(MARKER)}, '')`];
// Both ways a command line runs: the start-up path of `snapshot`, and oclif.
const PATHS = [{ name: 'start-up path', env: {} }, { name: 'oclif', env: { MCP_COMPAT_FAST_PATH: '0' } }] as const;

/** One line on stderr, starting with `mcp-compat: `, exit code 2, no stack trace, and the server never started. */
function expectOneLineRefusal(result: RunResult, cwd: string, pattern: RegExp): void {
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toMatch(/^mcp-compat: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(existsSync(join(cwd, MARKER)), 'the server was started').toBe(false);
}

describe('a file that cannot be written is refused before the server starts', () => {
  const cases: ReadonlyArray<readonly [string, (cwd: string) => string, RegExp]> = [
    ['a folder', (cwd) => (mkdirSync(join(cwd, 'out')), 'out'), /^mcp-compat: -o "out" is a folder\. Give a file name, e\.g\. -o out\/mcp-snapshot\.json\./],
    ['a missing folder', () => 'missing/snap.json', /^mcp-compat: -o "missing\/snap\.json": folder .*missing does not exist\. Create it first; mcp-compat creates no folders\./],
    ['a file as its folder', (cwd) => (writeFileSync(join(cwd, 'file'), ''), 'file/snap.json'), /^mcp-compat: -o "file\/snap\.json": .*file is not a folder\./],
    ...(process.platform === 'linux' ? [['a folder that takes no files', () => '/proc/snap.json', /^mcp-compat: -o "\/proc\/snap\.json": cannot create a file in folder \/proc/] as const] : []),
  ];
  for (const path of PATHS) {
    it.each(cases)(`snapshot -o naming %s (${path.name})`, async (_name, output, pattern) => {
      const cwd = workdir();
      const result = await cli(['snapshot', '-o', output(cwd), '--', ...MARKING_SERVER], { cwd, env: path.env });
      expectOneLineRefusal(result, cwd, pattern);
      expect(readdirSync(cwd).filter((name) => name.endsWith('.probe') || name.endsWith('.tmp'))).toEqual([]);
    });
  }

  it('check --update and init, with a baseline in a folder that does not exist', async () => {
    const cwd = workdir();
    expectOneLineRefusal(await cli(['check', '--baseline', 'nope/base.json', '--update', '--', ...MARKING_SERVER], { cwd }), cwd, /--baseline "nope\/base\.json": folder .* does not exist/);
    expectOneLineRefusal(await cli(['init', '--baseline', 'nope/base.json', '--', ...MARKING_SERVER], { cwd }), cwd, /--baseline "nope\/base\.json": folder .* does not exist/);
    expect(readdirSync(cwd)).toEqual([]);
  });
});

describe('--timeout outside 1..2^31-1 is a flag error on every command that takes it', () => {
  for (const value of ['0', '-5', '1.5', 'soon', '2147483648', '99999999999']) {
    it(`--timeout ${value}`, async () => {
      for (const [command, env] of [['snapshot', {}], ['snapshot', PATHS[1].env], ['check', {}], ['init', {}]] as const) {
        const cwd = workdir();
        const result = await cli([command, `--timeout=${value}`, '--', ...MARKING_SERVER], { cwd, env });
        expectOneLineRefusal(result, cwd, new RegExp(`^mcp-compat: --timeout expects an integer[^;]*; got ${value.replace('.', '\\.')}\\.\\n$`));
      }
    }, 60_000);
  }

  it('takes 2147483647, the longest a timer holds, without a warning', async () => {
    const result = await cli(['snapshot', '--timeout', '2147483647', '--', ...notesServer(1)]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
  });
});

/** Runs the CLI with a stdout that the reader closes: at once, or after the first chunk (as `| head -c 10` does). */
function cliWithClosedStdout(args: readonly string[], cwd: string, when: 'at-once' | 'after-first-chunk'): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    if (when === 'at-once') child.stdout.destroy();
    else child.stdout.once('data', () => child.stdout.destroy());
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: '', stderr }));
  });
}

function expectQuietEnd(result: RunResult, codes: readonly number[], name: string): void {
  expect(codes, `${name}: exit ${result.code}: ${result.stderr}`).toContain(result.code);
  expect(result.stderr, name).not.toMatch(/EPIPE|Unhandled 'error' event|internal error|\n\s+at /);
}

describe('a closed stdout ends the run quietly, on every path', () => {
  it('diff, snapshot to stdout and check, in every format, with stdout closed at once', async () => {
    const cwd = workdir('breaking');
    for (const format of FORMATS) {
      expectQuietEnd(await cliWithClosedStdout(['diff', 'base.json', 'head.json', '--format', format], cwd, 'at-once'), [1], `diff ${format}`);
      expectQuietEnd(await cliWithClosedStdout(['diff', 'base.json', 'head.json', '--format', format], cwd, 'after-first-chunk'), [1], `diff ${format} (after a chunk)`);
    }
    expectQuietEnd(await cliWithClosedStdout(['snapshot', '--', ...notesServer(1)], cwd, 'at-once'), [0], 'snapshot');
    const big = ['snapshot', '--', process.execPath, join(ROOT, 'fixtures', 'servers', 'raw', 'server.js'), '--tools', '3000'];
    expectQuietEnd(await cliWithClosedStdout(big, cwd, 'after-first-chunk'), [0], 'snapshot of 3000 tools (after a chunk)');
    expectQuietEnd(await cliWithClosedStdout(['check', '--baseline', 'mcp.json', '--update', '--', ...notesServer(1)], cwd, 'at-once'), [0], 'check --update');
    for (const format of FORMATS) {
      expectQuietEnd(await cliWithClosedStdout(['check', '--baseline', 'mcp.json', '--format', format, '--', ...notesServer(2)], cwd, 'at-once'), [1], `check ${format}`);
    }
  }, 240_000);

  it('check --all in every format, and init', async () => {
    const cwd = workdir();
    const config = (two: 1 | 2) => JSON.stringify({ servers: { one: { baseline: 'one.json', command: notesServer(1) }, two: { baseline: 'two.json', command: notesServer(two) } } });
    writeFileSync(join(cwd, 'mcp-compat.config.json'), config(1));
    expect((await cli(['check', '--all', '--update'], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, 'mcp-compat.config.json'), config(2));
    for (const format of FORMATS) expectQuietEnd(await cliWithClosedStdout(['check', '--all', '--format', format], cwd, 'at-once'), [1], `check --all ${format}`);
    const initDir = workdir();
    expectQuietEnd(await cliWithClosedStdout(['init', '--', ...notesServer(1)], initDir, 'at-once'), [0], 'init');
  }, 240_000);
});
