import { FAIL_ON_LEVELS } from '../../policy/fail-on.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import type { DiffRequest } from '../run-diff.js';

/**
 * The flags of `diff` as plain data, for the start-up path that reads a well-formed `diff` command
 * line without loading oclif. A test holds them equal to the oclif definitions of the `diff`
 * command (src/commands/diff.ts, its report flags and the base flags).
 */
export const DIFF_FLAG_SPEC: Readonly<Record<string, { kind: 'string' | 'boolean'; char?: string; options?: readonly string[] }>> = {
  format: { kind: 'string', options: REPORT_FORMATS },
  'fail-on': { kind: 'string', options: FAIL_ON_LEVELS },
  'project-config': { kind: 'string' },
  config: { kind: 'string' },
  'require-bump': { kind: 'boolean' },
  'next-version': { kind: 'string' },
  quiet: { kind: 'boolean', char: 'q' },
  verbose: { kind: 'boolean', char: 'v' },
};

/** Flags that may not be given together (oclif's `exclusive`). */
const EXCLUSIVE: ReadonlyArray<readonly [string, string]> = [['config', 'project-config']];

export interface DiffArgv {
  request: DiffRequest;
  verbose: boolean;
}

/**
 * Reads `BASE HEAD [flags]` (the words after `diff`) when every word is plainly valid: two
 * positional files, known flags once each, `--flag value` or `--flag=value`, values among the
 * options. Anything else (help, a typo, a missing value, `--`, `-qv`) returns undefined, and oclif
 * reads the command line and says what is wrong, so an error reads the same either way.
 */
export function parseDiffArgv(words: readonly string[]): DiffArgv | undefined {
  const positional: string[] = [];
  const values = new Map<string, string | true>();
  for (let index = 0; index < words.length; index++) {
    const word = words[index] as string;
    if (!word.startsWith('-')) {
      if (word === '') return undefined;
      positional.push(word);
      continue;
    }
    const found = flagOf(word);
    if (!found || values.has(found.name)) return undefined;
    const spec = DIFF_FLAG_SPEC[found.name];
    if (!spec) return undefined;
    if (spec.kind === 'boolean') {
      if (found.inline !== undefined) return undefined;
      values.set(found.name, true);
      continue;
    }
    const value = found.inline ?? words[++index];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (spec.options && !spec.options.includes(value)) return undefined;
    values.set(found.name, value);
  }
  if (positional.length !== 2) return undefined;
  if (EXCLUSIVE.some(([a, b]) => values.has(a) && values.has(b))) return undefined;
  const text = (name: string) => {
    const value = values.get(name);
    return typeof value === 'string' ? value : undefined;
  };
  const flags: DiffRequest['flags'] = { format: text('format') ?? 'text', 'require-bump': values.get('require-bump') === true };
  for (const name of ['fail-on', 'project-config', 'config', 'next-version'] as const) {
    const value = text(name);
    if (value !== undefined) flags[name] = value;
  }
  return { request: { base: positional[0] as string, head: positional[1] as string, flags }, verbose: values.has('verbose') };
}

/** `--name`, `--name=value` or `-c`: the flag's name and an inline value. */
function flagOf(word: string): { name: string; inline?: string } | undefined {
  if (word.startsWith('--')) {
    const equals = word.indexOf('=');
    const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
    if (!Object.hasOwn(DIFF_FLAG_SPEC, name)) return undefined;
    return equals === -1 ? { name } : { name, inline: word.slice(equals + 1) };
  }
  if (word.length !== 2) return undefined;
  const name = Object.keys(DIFF_FLAG_SPEC).find((key) => DIFF_FLAG_SPEC[key]?.char === word[1]);
  return name === undefined ? undefined : { name };
}
