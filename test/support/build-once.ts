// vitest globalSetup: end-to-end tests run the built CLI (bin/run.js -> dist/), so build once
// before the run, unless dist/ is already newer than every source file (npm test builds first).
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function builtAt(): number {
  try {
    return Math.min(statSync(join(root, 'dist', 'cli.js')).mtimeMs, statSync(join(root, 'dist', 'action.js')).mtimeMs);
  } catch {
    return 0;
  }
}

export default function setup(): void {
  const sources = Math.max(newestMtime(join(root, 'src')), statSync(join(root, 'scripts', 'build.mjs')).mtimeMs);
  if (builtAt() > sources) return;
  try {
    execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  } catch {
    // Unit tests do not need dist/; end-to-end tests fail on their own, with the build's errors above.
    process.stderr.write('build-once: the build failed; end-to-end tests will fail.\n');
  }
}
