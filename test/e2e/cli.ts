import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../support/temp-dir.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'run.js');
export const PAIRS = join(ROOT, 'fixtures', 'snapshots', 'pairs');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Piped into stdin, as in `cat FILE | mcp-compat ...`; without it stdin is closed. */
  input?: string;
}

/**
 * The environment of a program started by a test: this one's, as a user's shell would have it, plus
 * `extra`. Colour is left to the test, and so is NODE_ENV, which vitest sets to "test": with it,
 * oclif looks for TypeScript sources to run and loads the `typescript` package from this
 * repository's node_modules, about a third of a second per command that an installed CLI never spends.
 */
export function userEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, NODE_ENV: undefined, ...extra };
}

/** Runs a program without blocking the event loop (tests may serve HTTP meanwhile), collecting its output. */
export function runProcess(file: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd ?? ROOT,
      env: userEnv(options.env),
      stdio: [options.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    if (options.input !== undefined && child.stdin) {
      // A command that refuses its arguments may exit before reading: that is not a failure of the test.
      child.stdin.on('error', () => undefined);
      child.stdin.end(options.input);
    }
  });
}

/** Runs a Node script as a user would. */
export function runNode(script: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runProcess(process.execPath, [script, ...args], options);
}

export function cli(args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  return runNode(BIN, args, options);
}

/** A fresh temporary folder, optionally seeded with a copy of the given pair as base.json/head.json. */
export function workdir(pair?: string): string {
  const dir = tempDir('mcp-compat-e2e-');
  if (pair) cpSync(join(PAIRS, pair), dir, { recursive: true });
  return dir;
}
