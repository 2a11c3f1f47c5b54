import { randomBytes } from 'node:crypto';
import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { serializeSnapshot } from './canonical.js';
import type { Snapshot } from './model.js';

/**
 * Writes the canonical snapshot atomically: a temporary file in the same folder, then a rename,
 * so a reader (or a failed run) never sees a half-written baseline.
 */
export async function writeSnapshotFile(path: string, snapshot: Snapshot): Promise<void> {
  const target = resolve(path);
  await writeTextAtomically(target, serializeSnapshot(snapshot));
}

/**
 * Writes `text` to `target` through a temporary file renamed over it. A rename replaces whatever
 * the name pointed to, so it is aimed at what the name stands for: a symbolic link's target (the
 * link stays a link), and a file that is not a regular one (`/dev/null`, `/dev/stdout`, a FIFO),
 * which is written to as it is: run as root, a rename over `/dev/null` would replace the device
 * with a file.
 */
export async function writeTextAtomically(target: string, text: string): Promise<void> {
  const destination = await destinationOf(target);
  if (destination === 'not-a-regular-file') {
    await writeFile(target, text, 'utf8');
    return;
  }
  const dir = dirname(destination);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(destination)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, destination);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** The path a rename must replace: the target itself, or the file its links lead to; or that it is not a regular file. */
async function destinationOf(target: string): Promise<string | 'not-a-regular-file'> {
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    // Nothing there yet (or a link to nothing, which is replaced by the file).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return target;
    throw error;
  }
  // A folder is left to the rename, which refuses it.
  if (info.isDirectory()) return target;
  return info.isFile() ? realpath(target) : 'not-a-regular-file';
}
