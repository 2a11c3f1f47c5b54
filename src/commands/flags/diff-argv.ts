import { FAIL_ON_LEVELS } from '../../policy/fail-on.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { SUGGESTION_LEVELS } from '../../report/render-options.js';
import type { DiffRequest } from '../run-diff.js';
import { type PlainFlag, readPlainArgv, stringValue } from './plain-argv.js';

/**
 * The flags of `diff` as plain data, for the start-up path that reads a well-formed `diff` command
 * line without loading oclif. A test holds them equal to the oclif definitions of the `diff`
 * command (src/commands/diff.ts, its report flags and the base flags).
 */
export const DIFF_FLAG_SPEC: Readonly<Record<string, PlainFlag>> = {
  format: { kind: 'string', options: REPORT_FORMATS },
  'fail-on': { kind: 'string', options: FAIL_ON_LEVELS },
  'project-config': { kind: 'string' },
  config: { kind: 'string' },
  'require-bump': { kind: 'boolean' },
  'next-version': { kind: 'string' },
  suggestions: { kind: 'string', options: SUGGESTION_LEVELS },
  client: { kind: 'string' },
  context: { kind: 'boolean' },
  'max-context-tokens': { kind: 'string' },
  'max-context-growth': { kind: 'string' },
  quiet: { kind: 'boolean', char: 'q' },
  verbose: { kind: 'boolean', char: 'v' },
};

/** Flags that may not be given together (oclif's `exclusive`). */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [['config', 'project-config']];

export interface DiffArgv {
  request: DiffRequest;
  verbose: boolean;
}

/** Reads `BASE HEAD [flags]` (the words after `diff`) when every word is plainly valid; otherwise undefined, for oclif. */
export function parseDiffArgv(words: readonly string[]): DiffArgv | undefined {
  const argv = readPlainArgv(words, DIFF_FLAG_SPEC, { positional: 2, rest: false });
  if (!argv || EXCLUSIVE.some(([a, b]) => argv.values.has(a) && argv.values.has(b))) return undefined;
  const flags: DiffRequest['flags'] = { format: stringValue(argv, 'format') ?? 'text', 'require-bump': argv.values.get('require-bump') === true };
  if (argv.values.get('context') === true) flags.context = true;
  for (const name of ['fail-on', 'project-config', 'config', 'next-version', 'suggestions', 'client', 'max-context-tokens', 'max-context-growth'] as const) {
    const value = stringValue(argv, name);
    if (value !== undefined) flags[name] = value;
  }
  return { request: { base: argv.positional[0] as string, head: argv.positional[1] as string, flags }, verbose: argv.values.has('verbose') };
}
