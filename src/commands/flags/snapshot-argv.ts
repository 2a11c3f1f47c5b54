import { MAX_TIMEOUT_MS } from '../../capture/target.js';
import type { SnapshotRequest } from '../run-snapshot.js';
import { type PlainFlag, readPlainArgv, stringValue } from './plain-argv.js';

/**
 * The flags of `snapshot` that its start-up path reads, as plain data: those of a stdio capture.
 * A command line with any other flag (--url, --header, --config ...) goes to oclif. A test holds
 * these equal to the oclif definitions of the `snapshot` command.
 */
export const SNAPSHOT_FLAG_SPEC: Readonly<Record<string, PlainFlag>> = {
  output: { kind: 'string', char: 'o' },
  env: { kind: 'string', multiple: true },
  cwd: { kind: 'string' },
  timeout: { kind: 'integer', min: 1, max: MAX_TIMEOUT_MS },
  'log-format': { kind: 'string', options: ['text', 'json'] },
  quiet: { kind: 'boolean', char: 'q' },
  verbose: { kind: 'boolean', char: 'v' },
};

export interface SnapshotArgv {
  request: SnapshotRequest;
  verbose: boolean;
}

/** Reads `[flags] -- COMMAND ARGS...` (the words after `snapshot`) when every word is plainly valid; otherwise undefined, for oclif. */
export function parseSnapshotArgv(words: readonly string[]): SnapshotArgv | undefined {
  const argv = readPlainArgv(words, SNAPSHOT_FLAG_SPEC, { positional: 0, rest: true });
  if (!argv) return undefined;
  const env = argv.values.get('env');
  const timeout = argv.values.get('timeout');
  const flags: SnapshotRequest['flags'] = { 'log-format': stringValue(argv, 'log-format') ?? 'text', quiet: argv.values.has('quiet'), verbose: argv.values.has('verbose') };
  if (Array.isArray(env)) flags.env = env;
  if (typeof timeout === 'number') flags.timeout = timeout;
  for (const name of ['output', 'cwd'] as const) {
    const value = stringValue(argv, name);
    if (value !== undefined) flags[name] = value;
  }
  return { request: { flags, command: argv.rest }, verbose: flags.verbose === true };
}
