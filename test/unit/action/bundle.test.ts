import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { tempDir } from '../../support/temp-dir.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const COMMITTED = join(ROOT, 'dist-action', 'index.js');

describe('the committed Action bundle (dist-action/index.js)', () => {
  it('is what action.yml runs', () => {
    const action = load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { main: string } };
    expect(join(ROOT, action.runs.main)).toBe(COMMITTED);
  });

  // GitHub runs the Action from a git ref, without installing anything: the bundle must be
  // committed, and be exactly what the sources build today.
  it('is fresh: rebuilding it from the sources gives the same bytes (else run `npm run build:action` and commit)', () => {
    const fresh = join(tempDir('mcp-compat-action-bundle-'), 'index.js');
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), 'action', fresh], { cwd: ROOT, stdio: 'pipe' });
    const rebuilt = readFileSync(fresh);
    const committed = readFileSync(COMMITTED);
    expect(rebuilt.length, 'bundle size').toBe(committed.length);
    expect(rebuilt.equals(committed), 'dist-action/index.js is stale: run `npm run build:action` and commit it').toBe(true);
  });

  it('is self-contained: it imports nothing but Node built-ins', () => {
    const text = readFileSync(COMMITTED, 'utf8');
    // Static imports start a line; ajv's code generator holds `require("ajv/...")` inside strings, which are text.
    const patterns = [/^import\s[^;'"]*?from\s*"([^"]+)";$/gm, /(?<![\w'"`.])import\("([^"]+)"\)/g, /(?<![\w'"`.])require\("([^"]+)"\)/g];
    const specifiers = patterns.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => match[1] as string));
    expect(specifiers.length).toBeGreaterThan(0);
    const outside = [...new Set(specifiers.filter((specifier) => !specifier.startsWith('node:') && !isBuiltin(specifier)))];
    expect(outside).toEqual([]);
  });
});

function isBuiltin(specifier: string): boolean {
  return BUILTINS.has(specifier.split('/')[0] as string);
}
const BUILTINS = new Set(await import('node:module').then((module) => module.builtinModules));
