import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const created: string[] = [];
let cleanupRegistered = false;

/** A fresh folder under the system temp dir, removed when the test file that made it is done. */
export function tempDir(prefix: string): string {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    afterAll(() => {
      for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
    });
  }
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}
