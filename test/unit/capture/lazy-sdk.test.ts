import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Static (value) imports of the MCP SDK; `import type` and dynamic `import()` are fine. */
const STATIC_SDK_IMPORT = /^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+['"]@modelcontextprotocol\//m;

describe('the MCP SDK is loaded lazily (design §2: diff of two files never pays for it)', () => {
  const files = sources(SRC);

  it('no source file imports it statically', () => {
    const offenders = files.filter((path) => STATIC_SDK_IMPORT.test(readFileSync(path, 'utf8'))).map((path) => relative(SRC, path));
    expect(offenders).toEqual([]);
  });

  it('only capture/ loads it at all', () => {
    const users = files.filter((path) => /import\(\s*['"]@modelcontextprotocol\//.test(readFileSync(path, 'utf8'))).map((path) => relative(SRC, path).split(/[\\/]/)[0]);
    expect(new Set(users)).toEqual(new Set(['capture']));
  });
});
