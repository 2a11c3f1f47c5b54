import fc from 'fast-check';
import { Parser } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import Snapshot from '../../../../src/commands/snapshot.js';
import { BaseCommand } from '../../../../src/commands/base.js';
import { SNAPSHOT_FLAG_SPEC, parseSnapshotArgv } from '../../../../src/commands/flags/snapshot-argv.js';

const oclifFlags = { ...BaseCommand.baseFlags, ...Snapshot.flags } as Record<string, { type: string; char?: string; options?: readonly string[]; multiple?: boolean; min?: number; max?: number; default?: unknown }>;

/** What oclif reads from the same words, or undefined when it refuses them. */
async function oclifRead(words: string[]) {
  try {
    const { flags, argv } = await Parser.parse(words, { flags: oclifFlags as never, strict: false });
    return { flags: flags as Record<string, unknown>, argv: argv as string[] };
  } catch {
    return undefined;
  }
}

describe('parseSnapshotArgv (the start-up path of snapshot)', () => {
  it('knows the stdio flags exactly as oclif defines them for snapshot', () => {
    for (const [name, flag] of Object.entries(SNAPSHOT_FLAG_SPEC)) {
      const defined = oclifFlags[name];
      expect(defined, name).toBeDefined();
      const kind = defined!.type === 'boolean' ? 'boolean' : defined!.type === 'option' && name === 'timeout' ? 'integer' : 'string';
      expect({ name, kind: flag.kind === 'integer' ? 'integer' : flag.kind, char: flag.char, options: flag.options ? [...flag.options] : undefined, multiple: flag.multiple === true }).toEqual({
        name,
        kind,
        char: defined!.char,
        options: defined!.options ? [...defined!.options] : undefined,
        multiple: defined!.multiple === true,
      });
    }
    expect(oclifFlags.timeout?.min).toBe(SNAPSHOT_FLAG_SPEC.timeout?.min);
    expect(oclifFlags.timeout?.max).toBe(SNAPSHOT_FLAG_SPEC.timeout?.max);
    expect(SNAPSHOT_FLAG_SPEC.timeout?.max).toBe(2 ** 31 - 1);
    expect(oclifFlags['log-format']?.default).toBe('text');
  });

  it('reads a stdio capture', () => {
    expect(parseSnapshotArgv(['-o', 'out.json', '--env', 'A=1', '--env=B=2', '--timeout', '5000', '--', 'node', 'server.js', '--port', '3'])).toEqual({
      request: { flags: { output: 'out.json', env: ['A=1', 'B=2'], timeout: 5000, 'log-format': 'text', quiet: false, verbose: false }, command: ['node', 'server.js', '--port', '3'] },
      verbose: false,
    });
  });

  it.each([
    [['--', ]],
    [['node', 'server.js']],
    [['stray', '--', 'node']],
    [['--url', 'http://127.0.0.1:1/mcp']],
    [['--header', 'A: b', '--', 'node']],
    [['--config', '.mcp.json', '--', 'node']],
    [['--timeout', '0', '--', 'node']],
    [['--timeout', '1.5', '--', 'node']],
    [['--timeout', '2147483648', '--', 'node']],
    [['--timeout=99999999999', '--', 'node']],
    [['--log-format', 'yaml', '--', 'node']],
    [['-o', '--', 'node']],
    [['--help', '--', 'node']],
    [['-oout.json', '--', 'node']],
  ])('leaves %j to oclif', (words) => {
    expect(parseSnapshotArgv(words)).toBeUndefined();
  });

  it('reads nothing oclif would read differently or refuse', async () => {
    const word = fc.oneof(
      fc.constantFrom('out.json', 'A=1', 'B=two', 'dir', '5000', '1', '0', '2147483647', '2147483648', 'json', 'text', 'yaml', ''),
      fc.constantFrom(...Object.keys(SNAPSHOT_FLAG_SPEC).map((name) => `--${name}`), '-o', '-q', '-v', '-h', '--url', '--help'),
      fc.tuple(fc.constantFrom(...Object.keys(SNAPSHOT_FLAG_SPEC)), fc.constantFrom('json', 'x.json', '', 'A=1', '30', '0')).map(([name, value]) => `--${name}=${value}`),
    );
    const command = fc.array(fc.constantFrom('node', 'server.js', '--port', '3', '-v', '--', '--env', 'X=1'), { minLength: 1, maxLength: 4 });
    // Command lines as people write them (valid flags in any order) as well as noise.
    const flagWords = fc.constantFrom<string[]>(['-o', 'out.json'], ['--output=o.json'], ['--env', 'A=1'], ['--env=B=2'], ['--cwd', 'dir'], ['--timeout', '30'], ['--log-format', 'json'], ['-q'], ['-v']);
    const wellFormed = fc.array(flagWords, { maxLength: 4 }).map((flags) => flags.flat());
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(word, { maxLength: 6 }), wellFormed), command, async (own, rest) => {
        const words = [...own, '--', ...rest];
        const fast = parseSnapshotArgv(words);
        if (fast === undefined) return;
        read++;
        const slow = await oclifRead(words);
        expect(slow, `oclif refuses ${JSON.stringify(words)}`).toBeDefined();
        // What the oclif command runs (src/commands/snapshot.ts): the words after the first `--`, and
        // nothing stray among the arguments oclif left over.
        const command = words.slice(words.indexOf('--') + 1);
        expect(fast.request.command).toEqual(command);
        expect(slow!.argv.slice(0, Math.max(0, slow!.argv.length - command.length))).toEqual([]);
        const { flags } = fast.request;
        expect(flags.output).toBe(slow!.flags.output);
        expect(flags.env).toEqual(slow!.flags.env);
        expect(flags.cwd).toBe(slow!.flags.cwd);
        expect(flags.timeout).toBe(slow!.flags.timeout);
        expect(flags['log-format']).toBe(slow!.flags['log-format']);
        expect(flags.quiet).toBe(slow!.flags.quiet === true);
        expect(flags.verbose).toBe(slow!.flags.verbose === true);
      }),
      { numRuns: 600 },
    );
    expect(read).toBeGreaterThan(100);
  });
});
