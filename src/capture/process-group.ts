import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { constants } from 'node:os';

/**
 * A stdio server and everything it starts, as one POSIX process group. Servers are mostly launched
 * through wrappers (`npx`, `uvx`, `sh -c`) that do not exec, and many start helpers (a watcher, a
 * browser); ending only the direct child leaves those running, and one that holds the stdio pipes
 * keeps the run from ever exiting. So the server is spawned as the leader of a group of its own,
 * and the whole group is ended when the capture is done (docs/snapshot.md, "Ending the server").
 */
export class ProcessGroup {
  /** Resolves when the process started (the group's leader) has exited. */
  private readonly leaderExit: Promise<void>;

  private constructor(
    readonly child: ChildProcess,
    /** The group's id: the leader's pid. */
    readonly id: number,
  ) {
    const exited = child.exitCode !== null || child.signalCode !== null;
    this.leaderExit = exited ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
  }

  /**
   * Spawns `command` directly (never through a shell) as the leader of a new session, hence of a new
   * process group, with three pipes. Rejects with the spawn error (ENOENT, EACCES) if it cannot start.
   */
  static async spawn(command: string, args: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<ProcessGroup> {
    const child = spawn(command, args, { env: options.env, ...(options.cwd ? { cwd: options.cwd } : {}), stdio: ['pipe', 'pipe', 'pipe'], detached: true, shell: false });
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    child.on('error', () => {}); // Signals go through process.kill; nothing else reports here once started.
    const group = new ProcessGroup(child, child.pid as number);
    live.add(group);
    watchSignals();
    return group;
  }

  /** Whether any process of the group is still running (zombies, exited but not yet reaped, do not count). */
  get running(): boolean {
    return groupRunning(this.id);
  }

  /** Sends `signal` to every process of the group; a group already gone is not an error. */
  signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.id, signal);
    } catch {
      // ESRCH: nobody left. EPERM: only processes that are no longer ours (setuid) are left.
    }
  }

  /**
   * Ends the group within `budgetMs`: closes the server's stdin (the MCP way to ask a stdio server to
   * stop) and waits up to a third of the budget for the leader to exit, then sends SIGTERM to the
   * whole group (helpers that outlive a well-behaved leader included) and waits the rest of the budget
   * for it to empty, then sends SIGKILL (and waits a moment for it to land). On Linux the same goes
   * for descendants that left the group (a daemon's setsid, a browser started detached), found
   * before anything is closed, while their parent chain is intact. Finally the pipes are closed on
   * this side, so that a process that escaped all this while holding them cannot keep the run alive.
   */
  async end(budgetMs: number): Promise<void> {
    const polite = Math.round(budgetMs / 3);
    const escaped = escapedDescendants(this.id);
    const running = () => this.running || escaped.some((pid) => processStatus(pid)?.running === true);
    try {
      this.child.stdin?.end();
    } catch {
      // A stdin already broken (EPIPE) changes nothing here.
    }
    // The wait ends with the leader's exit: a timer left pending would hold the run open for the rest of it.
    const patience = cancellableDelay(polite);
    await Promise.race([this.leaderExit, patience.done]);
    patience.cancel();
    this.signalAll('SIGTERM', escaped);
    const until = Date.now() + (budgetMs - polite);
    while (running() && Date.now() < until) await delay(Math.min(POLL_MS, Math.max(1, until - Date.now())));
    if (running()) {
      this.signalAll('SIGKILL', escaped);
      // SIGKILL lands asynchronously; a moment lets "nothing is left running" hold when the run exits.
      for (let waited = 0; waited < KILL_SETTLE_MS && running(); waited += 10) await delay(10);
    }
    this.release();
  }

  /** Ends the group at once (SIGKILL), without waiting: for a run that is itself being stopped. */
  kill(): void {
    this.signalAll('SIGKILL', escapedDescendants(this.id));
    this.release();
  }

  private signalAll(signal: NodeJS.Signals, escaped: readonly number[]): void {
    this.signal(signal);
    for (const pid of escaped) {
      try {
        process.kill(pid, signal);
      } catch {
        // Gone already.
      }
    }
  }

  private release(): void {
    for (const stream of [this.child.stdin, this.child.stdout, this.child.stderr]) stream?.destroy();
    this.child.unref();
    live.delete(this);
    if (live.size === 0) unwatchSignals();
  }
}

const POLL_MS = 50;
const KILL_SETTLE_MS = 200;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function cancellableDelay(ms: number): { done: Promise<void>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const done = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { done, cancel: () => clearTimeout(timer) };
}

/**
 * Whether the group still has a running process. `kill(-pgid, 0)` also succeeds for zombies, and a
 * container whose init does not reap orphans keeps those forever; on Linux /proc tells them apart.
 */
export function groupRunning(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  if (process.platform !== 'linux') return true;
  try {
    return readdirSync('/proc').some((name) => {
      if (!/^\d+$/.test(name)) return false;
      const status = processStatus(Number(name));
      return status?.pgid === pgid && status.running;
    });
  } catch {
    return true;
  }
}

/** A process's group and whether it runs (not a zombie), from /proc/PID/stat; undefined when it is gone. */
export function processStatus(pid: number): { pgid: number; ppid: number; running: boolean } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name, in parentheses, may itself contain spaces and parentheses.
    const [state, ppid, pgid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { pgid: Number(pgid), ppid: Number(ppid), running: state !== 'Z' && state !== 'X' };
  } catch {
    return undefined;
  }
}

/**
 * Linux: the running descendants of the group's processes that are in another process group. Other
 * systems, or a /proc that cannot be read: none.
 */
export function escapedDescendants(pgid: number): number[] {
  if (process.platform !== 'linux') return [];
  const children = new Map<number, number[]>();
  const group = new Map<number, number>();
  try {
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      const status = processStatus(Number(name));
      if (status === undefined || !status.running) continue;
      group.set(Number(name), status.pgid);
      children.set(status.ppid, [...(children.get(status.ppid) ?? []), Number(name)]);
    }
  } catch {
    return [];
  }
  const escaped: number[] = [];
  const pending = [...group].filter(([, id]) => id === pgid).map(([pid]) => pid);
  for (const seen = new Set(pending); pending.length > 0; ) {
    for (const child of children.get(pending.pop() as number) ?? []) {
      if (seen.has(child)) continue;
      seen.add(child);
      pending.push(child);
      if (group.get(child) !== pgid) escaped.push(child);
    }
  }
  return escaped;
}

/** The groups of the servers being captured right now. */
const live = new Set<ProcessGroup>();
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
/** How long servers get to end when the run itself is interrupted, before SIGKILL. */
const INTERRUPT_GRACE_MS = 500;

/**
 * A server in a group of its own no longer gets the Ctrl-C that the terminal sends to the run's
 * group, and would outlive a run that is killed. While a capture is open, a stop signal ends every
 * group (SIGTERM, then SIGKILL) before the run exits with 128 + the signal's number (unless the
 * program has a listener of its own for that signal), and a run that exits any other way kills what
 * is left.
 */
function watchSignals(): void {
  if (live.size !== 1) return;
  for (const signal of STOP_SIGNALS) process.on(signal, onStopSignal);
  process.on('exit', killAll);
}

function unwatchSignals(): void {
  for (const signal of STOP_SIGNALS) process.off(signal, onStopSignal);
  process.off('exit', killAll);
}

function onStopSignal(signal: NodeJS.Signals): void {
  const groups = [...live];
  // A program that uses the library and handles the signal itself decides whether to exit.
  const handledElsewhere = process.listenerCount(signal) > 1;
  for (const group of groups) group.signal('SIGTERM');
  setTimeout(() => {
    for (const group of groups) group.kill();
    if (!handledElsewhere) process.exit(128 + (constants.signals[signal] ?? 1));
  }, INTERRUPT_GRACE_MS);
}

function killAll(): void {
  for (const group of [...live]) group.kill();
}
