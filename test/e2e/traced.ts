import { onTestFinished } from 'vitest';
import { traceProcesses } from '../support/processes.js';
import { cli, type RunResult } from './cli.js';

export interface TracedRun extends RunResult {
  seconds: number;
  /** Command lines of every process of the run seen while it ran (the run itself included). */
  seen: string[];
  /** Command lines of the run's processes still running after it exited: must be none. */
  survivors: string[];
}

/** Runs `run` with the environment mark of a process trace (test/support/processes.ts); what it leaves behind is killed after the test. */
export async function traced(run: (mark: Record<string, string>) => Promise<RunResult>): Promise<TracedRun> {
  const trace = traceProcesses();
  onTestFinished(() => trace.killAll());
  const started = performance.now();
  const result = await run(trace.env);
  const seconds = (performance.now() - started) / 1000;
  const survivors = await trace.stop();
  return { ...result, seconds, seen: [...trace.seen.values()], survivors: [...survivors.values()] };
}

/** The built CLI, traced. */
export function tracedCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<TracedRun> {
  return traced((mark) => cli(args, { ...options, env: { ...options.env, ...mark } }));
}
