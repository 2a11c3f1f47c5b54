import { type ChildProcess, spawn } from 'node:child_process';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { shutdownBudget } from './stdio-transport.js';

/**
 * Windows has no process groups. There the SDK's stdio transport starts the server (it resolves
 * `npx.cmd` and other shims), and closing it first runs `taskkill /PID <pid> /T /F`, which ends the
 * direct child and every process still linked to it as a descendant; then the pipes are closed on
 * this side, so that a process that was not found cannot keep the run alive through them.
 */
export function endProcessTreeOnClose(transport: Transport, deadline: number | undefined): void {
  const close = transport.close.bind(transport);
  transport.close = async () => {
    const budget = shutdownBudget(deadline);
    // The SDK forgets its process when closing starts: it is taken first.
    const child = (transport as unknown as { _process?: ChildProcess })._process;
    if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) await taskkillTree(child.pid, budget / 2);
    await Promise.race([close(), new Promise((resolve) => setTimeout(resolve, budget / 2))]);
    for (const stream of [child?.stdin, child?.stdout, child?.stderr]) stream?.destroy();
    child?.unref();
  };
}

function taskkillTree(pid: number, withinMs: number): Promise<void> {
  return new Promise((resolve) => {
    const taskkill = spawn('taskkill', ['/PID', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true });
    const timer = setTimeout(resolve, withinMs);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    taskkill.once('exit', done);
    taskkill.once('error', done);
  });
}
