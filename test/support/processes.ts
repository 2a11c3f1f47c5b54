import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';

/**
 * Finds every process a run started, however it was started (wrappers, npx, grandchildren that
 * changed group): the run gets a unique environment variable, which every process it starts
 * inherits, and /proc is searched for it. Linux only.
 */
export const MARK_NAME = 'MCP_COMPAT_TEST_PROCESS_MARK';

export interface ProcessTrace {
  /** NAME=VALUE to put in the environment of the run. */
  env: Record<string, string>;
  /** Every marked process seen while the trace was sampling (pid -> command line). */
  seen: Map<number, string>;
  /** Stops sampling; returns the marked processes still running (after a moment for signals to land). */
  stop(): Promise<Map<number, string>>;
  /** SIGKILLs every marked process still running: a failed test's clean-up. */
  killAll(): void;
}

/** Starts sampling /proc every `everyMs` for processes marked with a fresh value. */
export function traceProcesses(everyMs = 50): ProcessTrace {
  const mark = `${MARK_NAME}=${randomUUID()}`;
  const seen = new Map<number, string>();
  const sample = () => {
    for (const [pid, command] of markedProcesses(mark)) seen.set(pid, command);
  };
  const timer = setInterval(sample, everyMs);
  return {
    env: { [MARK_NAME]: mark.slice(MARK_NAME.length + 1) },
    seen,
    async stop() {
      clearInterval(timer);
      // SIGKILL is delivered asynchronously: a process killed just before the run exited may still show for a moment.
      for (let waited = 0; waited < 1000 && markedProcesses(mark).size > 0; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
      return markedProcesses(mark);
    },
    killAll() {
      clearInterval(timer);
      killAll(markedProcesses(mark).keys());
    },
  };
}

/** Running processes (zombies excluded: this machine's init may not reap them) whose environment holds `mark`. */
export function markedProcesses(mark: string): Map<number, string> {
  const found = new Map<number, string>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      if (!readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(mark)) continue;
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      if (/^[ZX]/.test(stat.slice(stat.lastIndexOf(')') + 2))) continue;
      found.set(Number(name), readFileSync(`/proc/${name}/cmdline`, 'utf8').split('\0').join(' ').trim());
    } catch {
      // Gone meanwhile, or not ours to read.
    }
  }
  return found;
}

/** Ends what a failed test left behind, so that one failure does not leave processes running for an hour. */
export function killAll(pids: Iterable<number>): void {
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
