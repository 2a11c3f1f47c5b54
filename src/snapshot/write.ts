import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
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

export async function writeTextAtomically(target: string, text: string): Promise<void> {
  const dir = dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temp, text, 'utf8');
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}
