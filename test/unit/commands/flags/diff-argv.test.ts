import fc from 'fast-check';
import { Parser } from '@oclif/core';
import { describe, expect, it } from 'vitest';
import Diff from '../../../../src/commands/diff.js';
import { BaseCommand } from '../../../../src/commands/base.js';
import { DIFF_FLAG_SPEC, parseDiffArgv } from '../../../../src/commands/flags/diff-argv.js';

const oclifFlags = { ...BaseCommand.baseFlags, ...Diff.flags };

/** What oclif reads from the same words, or undefined when it refuses them. */
async function oclifRead(words: string[]) {
  try {
    const { args, flags } = await Parser.parse(words, { flags: oclifFlags, args: Diff.args, strict: true });
    return { args, flags };
  } catch {
    return undefined;
  }
}

describe('parseDiffArgv (the start-up path of diff)', () => {
  it('knows exactly the flags oclif defines for diff: names, kinds, short names and options', () => {
    const defined = Object.fromEntries(
      Object.entries(oclifFlags).map(([name, flag]) => [
        name,
        { kind: flag.type === 'boolean' ? 'boolean' : 'string', ...(flag.char ? { char: flag.char } : {}), ...('options' in flag && flag.options ? { options: [...flag.options] } : {}) },
      ]),
    );
    const spec = Object.fromEntries(Object.entries(DIFF_FLAG_SPEC).map(([name, flag]) => [name, { ...flag, ...(flag.options ? { options: [...flag.options] } : {}) }]));
    expect(spec).toEqual(defined);
    expect(oclifFlags.format.default).toBe('text');
  });

  it('reads plain command lines', () => {
    expect(parseDiffArgv(['a.json', 'b.json'])).toEqual({ request: { base: 'a.json', head: 'b.json', flags: { format: 'text', 'require-bump': false } }, verbose: false });
    expect(parseDiffArgv(['--format=json', 'a.json', '-v', 'b.json', '--fail-on', 'risky', '--require-bump', '--next-version', '2.0.0'])).toEqual({
      request: { base: 'a.json', head: 'b.json', flags: { format: 'json', 'fail-on': 'risky', 'require-bump': true, 'next-version': '2.0.0' } },
      verbose: true,
    });
  });

  it('carries --client to the request as typed (names are checked when the diff runs)', () => {
    expect(parseDiffArgv(['a.json', 'b.json', '--client', 'openai,cursor'])?.request.flags.client).toBe('openai,cursor');
  });

  it('reads the context-cost flags, whose values ../context-cost.ts checks', () => {
    expect(parseDiffArgv(['a.json', 'b.json', '--context', '--max-context-tokens', '20000', '--max-context-growth=10%'])?.request.flags).toEqual({
      format: 'text',
      'require-bump': false,
      context: true,
      'max-context-tokens': '20000',
      'max-context-growth': '10%',
    });
    expect(parseDiffArgv(['a.json', 'b.json', '--max-context-growth', 'lots'])?.request.flags['max-context-growth']).toBe('lots');
  });

  it.each([
    [['a.json']],
    [['a.json', 'b.json', 'c.json']],
    [['a.json', 'b.json', '--help']],
    [['a.json', 'b.json', '-h']],
    [['a.json', 'b.json', '--format', 'yaml']],
    [['a.json', 'b.json', '--format']],
    [['a.json', 'b.json', '--format', '--quiet']],
    [['a.json', 'b.json', '--format', 'json', '--format', 'text']],
    [['a.json', 'b.json', '--config', 'x.json', '--project-config', 'y.json']],
    [['a.json', 'b.json', '--quiet=true']],
    [['a.json', 'b.json', '-qv']],
    [['a.json', 'b.json', '--formt', 'json']],
    [['--', 'a.json', 'b.json']],
    [['a.json', '-']],
    [['a.json', '']],
  ])('leaves %j to oclif', (words) => {
    expect(parseDiffArgv(words)).toBeUndefined();
  });

  it('reads nothing oclif would read differently or refuse', async () => {
    const word = fc.oneof(
      fc.constantFrom('a.json', 'b.json', 'dir/c d.json', 'x'),
      fc.constantFrom(...Object.keys(DIFF_FLAG_SPEC).map((name) => `--${name}`), '-q', '-v', '-h', '-x', '--', '-', '--help', '--no-quiet'),
      fc.constantFrom('json', 'text', 'sarif', 'risky', 'none', '1.2.3', 'v2.0.0', 'yaml', ''),
      fc.tuple(fc.constantFrom(...Object.keys(DIFF_FLAG_SPEC)), fc.constantFrom('json', 'breaking', 'x.json', '', 'true', '1.0.0')).map(([name, value]) => `--${name}=${value}`),
    );
    // Command lines as people write them (two files, valid flags in any order) as well as noise.
    const flagWords = fc.constantFrom<string[]>(['--format', 'json'], ['--format=sarif'], ['--fail-on', 'risky'], ['--require-bump'], ['--next-version', '1.2.3'], ['-q'], ['--verbose'], ['--config', 'c.json'], ['--project-config=p.json']);
    const wellFormed = fc
      .tuple(fc.array(flagWords, { maxLength: 4 }), fc.nat())
      .map(([flags, at]) => {
        const words = flags.flat();
        const cut = words.length === 0 ? 0 : at % (words.length + 1);
        return [...words.slice(0, cut), 'a.json', 'b.json', ...words.slice(cut)];
      });
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.array(word, { maxLength: 7 }), wellFormed), async (words) => {
        const fast = parseDiffArgv(words);
        if (fast === undefined) return;
        read++;
        const slow = await oclifRead(words);
        expect(slow, `oclif refuses ${JSON.stringify(words)}`).toBeDefined();
        expect({ base: fast.request.base, head: fast.request.head }).toEqual({ base: slow!.args.base, head: slow!.args.head });
        const flags = slow!.flags as Record<string, unknown>;
        const { format, 'require-bump': requireBump, ...rest } = fast.request.flags;
        expect(format).toBe(flags.format);
        expect(requireBump).toBe(flags['require-bump'] === true);
        for (const name of ['fail-on', 'project-config', 'config', 'next-version'] as const) expect(rest[name]).toBe(flags[name]);
        expect(fast.verbose).toBe(flags.verbose === true);
      }),
      { numRuns: 600 },
    );
    // The comparison is only worth something if the start-up path reads a fair share of the lines.
    expect(read).toBeGreaterThan(100);
  });
});
