import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { groupRunning, ProcessGroup, processStatus } from '../../../src/capture/process-group.js';
import { killAll, traceProcesses } from '../../support/processes.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const UNRULY = join(ROOT, 'fixtures', 'servers', 'unruly');
const SERVER = join(UNRULY, 'server.js');

/** Resolves with the pid of the first helper the server says it started. */
function helperPid(group: ProcessGroup): Promise<number> {
  return new Promise((resolve) => {
    let text = '';
    group.child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const pid = /helper (\d+) started/.exec(text)?.[1];
      if (pid) resolve(Number(pid));
    });
  });
}

/** Running, not a zombie (this machine's init may not reap orphans). */
const alive = (pid: number) => processStatus(pid)?.running === true;

describe.runIf(process.platform === 'linux')('ProcessGroup', { timeout: 60_000 }, () => {
  it('ends the whole group: a server and a helper that both ignore SIGTERM get SIGKILL within the budget', async () => {
    const group = await ProcessGroup.spawn(process.execPath, [SERVER, '--ignore-sigterm', '--grandchild', '--helper-ignores-sigterm'], { env: process.env });
    onTestFinished(() => group.kill());
    const helper = await helperPid(group);
    expect(group.running).toBe(true);
    expect(alive(helper)).toBe(true);
    await group.end(600);
    expect(groupRunning(group.id)).toBe(false);
    expect(alive(helper)).toBe(false);
  });

  it('a group whose leader exits on stdin EOF and whose helper goes on SIGTERM is empty after end()', async () => {
    const group = await ProcessGroup.spawn('sh', ['-c', `"${process.execPath}" "${SERVER}" --grandchild; true`], { env: process.env });
    onTestFinished(() => group.kill());
    const helper = await helperPid(group);
    await group.end(3000);
    expect(group.running).toBe(false);
    expect(alive(helper)).toBe(false);
  });

  it('leaves no timer behind when the leader exits on stdin EOF, so the run can exit at once', async () => {
    const group = await ProcessGroup.spawn(process.execPath, ['-e', "process.stdin.resume(); process.stdin.on('end', () => process.exit(0));"], { env: process.env });
    onTestFinished(() => group.kill());
    // Every timer end() starts must have fired or been cleared when it returns.
    const pending = new Set<unknown>();
    const { setTimeout: realSet, clearTimeout: realClear } = globalThis;
    globalThis.setTimeout = ((callback: () => void, ms?: number) => {
      const timer: unknown = realSet(() => {
        pending.delete(timer);
        callback();
      }, ms);
      pending.add(timer);
      return timer;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((timer: Parameters<typeof clearTimeout>[0]) => {
      pending.delete(timer);
      realClear(timer);
    }) as typeof clearTimeout;
    try {
      await group.end(3000);
    } finally {
      globalThis.setTimeout = realSet;
      globalThis.clearTimeout = realClear;
    }
    expect(group.running).toBe(false);
    expect(pending.size).toBe(0);
  });

  it('a program with its own SIGTERM listener keeps running: the servers are ended, the program decides', async () => {
    const trace = traceProcesses();
    onTestFinished(() => trace.killAll());
    const program = `
      import { snapshotServer } from ${JSON.stringify(join(ROOT, 'dist', 'index.js'))};
      process.on('SIGTERM', () => console.log('own handler'));
      try {
        await snapshotServer({ kind: 'stdio', command: process.execPath, args: [${JSON.stringify(SERVER)}, '--hang', '--grandchild'] }, { timeoutMs: 60000 });
      } catch (error) {
        console.log('capture ended: ' + error.message);
      }`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { env: { ...process.env, ...trace.env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    while (![...trace.seen.values()].some((command) => command.includes('helper.js'))) await new Promise((resolve) => setTimeout(resolve, 50));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('own handler');
    expect(stdout).toMatch(/capture ended: .*closed the connection/);
    const survivors = await trace.stop();
    onTestFinished(() => killAll(survivors.keys()));
    expect([...survivors.values()]).toEqual([]);
  });
});
