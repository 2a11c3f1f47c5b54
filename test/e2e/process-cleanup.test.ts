import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { killAll, traceProcesses } from '../support/processes.js';
import { BIN, cli, ROOT, runNode, userEnv, workdir } from './cli.js';
import { notesServer } from './servers.js';
import { traced, tracedCli, type TracedRun } from './traced.js';

/**
 * Servers launched through wrappers, with helpers that outlive them, and that ignore SIGTERM: every
 * command that captures must exit, and leave nothing running (fixtures/servers/unruly).
 * Processes are found through /proc, hence Linux only.
 */
const UNRULY = join(ROOT, 'fixtures', 'servers', 'unruly');
const SERVER = join(UNRULY, 'server.js');
const node = process.execPath;
/** `sh -c "node server.js FLAGS; true"`: the shell stays as the server's parent (no exec). */
const throughShell = (...flags: string[]) => ['sh', '-c', `"${node}" "${SERVER}" ${flags.join(' ')}; true`];
const quote = (args: string[]) => args.map((arg) => `"${arg.replace(/"/g, '\\"')}"`).join(' ');

const helpers = (run: TracedRun) => run.seen.filter((command) => command.includes('helper.js'));

describe.runIf(process.platform === 'linux')('servers started through wrappers, with helpers: the run exits and leaves nothing behind', { timeout: 90_000 }, () => {
  it('snapshot (start-up path): a shell wrapper whose grandchild holds stdout, stderr and stdin', async () => {
    const dir = workdir();
    const run = await tracedCli(['snapshot', '-o', join(dir, 'snap.json'), '--', ...throughShell('--grandchild')]);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8')).server.name).toBe('notes');
    expect(helpers(run)).toHaveLength(1);
    expect(run.seen.some((command) => command.startsWith('sh -c'))).toBe(true);
    expect(run.survivors).toEqual([]);
  });

  it('snapshot (oclif): a helper without our stdio that ignores SIGTERM (a watcher)', async () => {
    const run = await tracedCli(['snapshot', '--', node, SERVER, '--watcher', '--helper-ignores-sigterm'], { env: { MCP_COMPAT_FAST_PATH: '0' } });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).server.name).toBe('notes');
    expect(helpers(run)).toHaveLength(1);
    expect(run.survivors).toEqual([]);
  });

  it('a helper that left the group (its own session, as browsers are started) is found through /proc and ended', async () => {
    const run = await tracedCli(['snapshot', '--', ...throughShell('--escaped-helper', '--helper-ignores-sigterm')]);
    expect(run.code, run.stderr).toBe(0);
    expect(helpers(run)).toHaveLength(1);
    expect(run.survivors).toEqual([]);
  });

  it('a launcher that traps SIGTERM, around a server that ignores it and keeps running without stdin', async () => {
    const run = await tracedCli(['snapshot', '--', 'sh', join(UNRULY, 'trap-wrapper.sh'), node, SERVER, '--ignore-sigterm', '--grandchild', '--helper-ignores-sigterm']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).tools.length).toBeGreaterThan(0);
    expect(helpers(run)).toHaveLength(1);
    expect(run.survivors).toEqual([]);
  });

  it('a server that exits before answering while its grandchild holds the pipes fails at once, not at --timeout', async () => {
    const run = await tracedCli(['snapshot', '--', node, SERVER, '--exit-early', '--grandchild', '--helper-ignores-sigterm']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/closed the connection \(the process exited\) while connecting/);
    expect(run.stderr).toContain('unruly: giving up before answering');
    expect(helpers(run)).toHaveLength(1);
    expect(run.survivors).toEqual([]);
  });

  it('--timeout bounds the whole run, ending a hung server that ignores SIGTERM, behind a shell, with a grandchild', async () => {
    const run = await tracedCli(['snapshot', '--timeout', '2000', '--', ...throughShell('--hang', '--ignore-sigterm', '--grandchild', '--helper-ignores-sigterm')]);
    expect(run.code).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('did not finish within 2000 ms');
    expect(helpers(run)).toHaveLength(1);
    expect(run.survivors).toEqual([]);
    // Not a measure of speed: without the group ending, the run would not exit at all.
    expect(run.seconds).toBeLessThan(20);
  });

  it('check, with the baseline taken through the same kind of wrapper', async () => {
    const dir = workdir();
    const baseline = await tracedCli(['check', '--baseline', 'base.json', '--update', '--', ...throughShell('--grandchild')], { cwd: dir });
    expect(baseline.code, baseline.stderr).toBe(0);
    expect(baseline.survivors).toEqual([]);
    const run = await tracedCli(['check', '--baseline', 'base.json', '--format', 'json', '--', ...throughShell('--grandchild', '--watcher')], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).changes).toEqual([]);
    expect(helpers(run)).toHaveLength(2);
    expect(run.survivors).toEqual([]);
  });

  it('check --all: every configured server behind a wrapper, at the same time, one of them failing', async () => {
    const dir = workdir();
    const seed = await cli(['snapshot', '-o', join(dir, 'base.json'), '--', ...notesServer(1)]);
    expect(seed.code, seed.stderr).toBe(0);
    const servers = {
      shell: { baseline: 'base.json', command: throughShell('--grandchild') },
      watcher: { baseline: 'base.json', command: [node, SERVER, '--watcher', '--helper-ignores-sigterm'] },
      failing: { baseline: 'base.json', command: [node, SERVER, '--exit-early', '--grandchild'] },
    };
    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ servers }));
    const run = await tracedCli(['check', '--all'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('closed the connection');
    expect(helpers(run)).toHaveLength(3);
    expect(run.survivors).toEqual([]);
  });

  it('init', async () => {
    const dir = workdir();
    const run = await tracedCli(['init', '--', ...throughShell('--grandchild', '--helper-ignores-sigterm')], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(dir, 'mcp-compat.config.json'))).toBe(true);
    expect(helpers(run)).toHaveLength(1);
    expect(run.survivors).toEqual([]);
  });

  it("the GitHub Action's capture", async () => {
    const dir = workdir();
    const seed = await cli(['snapshot', '-o', join(dir, 'mcp-snapshot.json'), '--', ...notesServer(1)]);
    expect(seed.code, seed.stderr).toBe(0);
    mkdirSync(join(dir, 'runner'));
    const env: Record<string, string> = {
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(dir, 'github-output'),
      GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'),
      RUNNER_TEMP: join(dir, 'runner'),
      INPUT_COMMAND: quote(throughShell('--grandchild', '--watcher')),
    };
    const run = await traced((mark) => runNode(join(ROOT, 'dist', 'action.js'), [], { cwd: dir, env: { ...env, ...mark } }));
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toContain('no changes');
    expect(helpers(run)).toHaveLength(2);
    expect(run.survivors).toEqual([]);
  });

  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    it(`${signal} to mcp-compat during a capture ends the server's group too`, async () => {
      let pid = 0;
      const trace = traceProcesses();
      onTestFinished(() => trace.killAll());
      const exited = new Promise<number | null>((resolve) => {
        const child = spawn(node, [BIN, 'snapshot', '--', ...throughShell('--hang', '--grandchild', '--helper-ignores-sigterm')], { env: userEnv(trace.env), stdio: 'ignore' });
        pid = child.pid as number;
        child.on('exit', (exitCode) => resolve(exitCode));
      });
      while (![...trace.seen.values()].some((command) => command.includes('helper.js'))) await new Promise((resolve) => setTimeout(resolve, 50));
      process.kill(pid, signal);
      expect(await exited).toBe(code);
      const survivors = await trace.stop();
      onTestFinished(() => killAll(survivors.keys()));
      expect([...survivors.values()]).toEqual([]);
    });
  }
});
