import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { shellQuote } from '../../../src/commands/flags/report-values.js';
import { readSnapshotSourcePair, refreshByCopy, resolveSnapshotArgument } from '../../../src/snapshot/git-source.js';
import { isStdio, readStdinText } from '../../../src/snapshot/stdin-source.js';

function pipe(chunks: readonly (string | Buffer)[]): Readable {
  return Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk)));
}

describe('"-" as a snapshot argument (stdin)', () => {
  it('only a lone "-" means stdin', () => {
    expect(isStdio('-')).toBe(true);
    for (const spec of ['--', './-', '-x', '', undefined]) expect(isStdio(spec)).toBe(false);
  });

  it('is kept as it is by the commands, not made a path', () => {
    expect(resolveSnapshotArgument('-')).toBe('-');
  });

  it('reads every chunk of the pipe', async () => {
    await expect(readStdinText(100, pipe(['{"a"', ': 1}']))).resolves.toBe('{"a": 1}');
  });

  it('refuses a pipe over the limit, naming stdin', async () => {
    const read = readStdinText(4 * 1024 * 1024, pipe([Buffer.alloc(3 * 1024 * 1024), Buffer.alloc(3 * 1024 * 1024)]));
    await expect(read).rejects.toThrow(UserError);
    await expect(read).rejects.toThrow(/^Cannot read snapshot stdin: it is over 4 MiB/);
  });

  it('refuses a terminal instead of waiting on it', async () => {
    const terminal = Object.assign(pipe([]), { isTTY: true });
    await expect(readStdinText(100, terminal)).rejects.toThrow(/^Cannot read snapshot stdin: it is a terminal/);
  });

  it('cannot be both BASE and HEAD', async () => {
    await expect(readSnapshotSourcePair('-', '-')).rejects.toThrow(/BASE and HEAD cannot both be "-"/);
  });

  it('has no refresh command: a pipe leaves no file to copy or rewrite', () => {
    expect(refreshByCopy('-', 'base.json', shellQuote)).toBeUndefined();
    expect(refreshByCopy('head.json', '-', shellQuote)).toBeUndefined();
  });
});
