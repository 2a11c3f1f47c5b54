import * as nodeModule from 'node:module';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, PAIRS, workdir, type RunResult } from './cli.js';

// Node 22.1 and later have module.enableCompileCache; on Node 20 the CLI runs without a cache.
const nodeHasCompileCache = typeof (nodeModule as { enableCompileCache?: unknown }).enableCompileCache === 'function';
const ARGS = ['diff', join(PAIRS, 'breaking', 'base.json'), join(PAIRS, 'breaking', 'head.json'), '--format', 'json'];
/** The cache folder comes from the OS temp folder (TMPDIR) unless NODE_COMPILE_CACHE names one. */
const cacheEnv = (tmp: string): NodeJS.ProcessEnv => ({ TMPDIR: tmp, NODE_COMPILE_CACHE: undefined, NODE_DISABLE_COMPILE_CACHE: undefined });

describe('the compile cache of the bundles', () => {
  let tmp: string;
  let cached: RunResult;
  let unwritable: RunResult;

  beforeAll(async () => {
    tmp = workdir();
    // A file where the temp folder should be: the cache folder cannot be made.
    const notAFolder = join(workdir(), 'not-a-folder');
    writeFileSync(notAFolder, '');
    [cached, unwritable] = await Promise.all([cli(ARGS, { env: cacheEnv(tmp) }), cli(ARGS, { env: cacheEnv(notAFolder) })]);
  }, 60_000);

  it('changes nothing in the output, and a cache that cannot be written neither prints nor fails', () => {
    expect(cached.code, cached.stderr).toBe(1);
    expect(cached.stderr).toBe('');
    expect(unwritable.code, unwritable.stderr).toBe(1);
    expect(unwritable.stderr).toBe('');
    expect(unwritable.stdout).toBe(cached.stdout);
    expect(JSON.parse(cached.stdout)).toHaveProperty('changes');
  });

  it.skipIf(!nodeHasCompileCache)('is kept under the OS temp folder on Node versions that have one', () => {
    const folder = join(tmp, 'node-compile-cache');
    expect(existsSync(folder)).toBe(true);
    expect(readdirSync(folder, { recursive: true }).length).toBeGreaterThan(0);
  });
});
