import type { Readable } from 'node:stream';
import { UserError } from '../errors.js';

/** The snapshot argument that stands for standard input (or, for `snapshot -o`, standard output). */
export const STDIO_ARGUMENT = '-';

/** How messages and reports name a snapshot read from standard input. */
export const STDIN_NAME = 'stdin';

export function isStdio(spec: string | undefined): boolean {
  return spec === STDIO_ARGUMENT;
}

/**
 * The text piped into `stream`, up to `maxBytes`. A terminal is refused rather than waited on: a
 * user who typed `-` without a pipe would otherwise see the command hang.
 */
export async function readStdinText(maxBytes: number, stream: Readable & { isTTY?: boolean } = process.stdin): Promise<string> {
  if (stream.isTTY) {
    throw new UserError(`Cannot read snapshot ${STDIN_NAME}: it is a terminal, not a pipe.`, { hint: 'Pipe a snapshot into it, e.g. `git show main:mcp-snapshot.json | mcp-compat diff - mcp-snapshot.json`.' });
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      total += buffer.length;
      if (total > maxBytes) {
        stream.destroy();
        const mib = Math.ceil(maxBytes / (1024 * 1024));
        throw new UserError(`Cannot read snapshot ${STDIN_NAME}: it is over ${mib} MiB, and a snapshot file may have at most ${mib} MiB.`, {
          hint: "No server's snapshot is that large: check that it is the right input.",
        });
      }
      chunks.push(buffer);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot read snapshot ${STDIN_NAME}: ${(error as Error).message.split('\n')[0] ?? ''}.`, { cause: error });
  }
  return Buffer.concat(chunks).toString('utf8');
}
