import * as nodeModule from 'node:module';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, PAIRS, ROOT, runProcess, workdir, type RunResult } from './cli.js';

// Node 22.1 and later have module.enableCompileCache; older Nodes get src/compile-cache.ts for the `diff` bundle.
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

const CACHE_MODULE = join(ROOT, 'dist', 'compile-cache.cjs');
const canCheckOwner = typeof process.getuid === 'function';

/** Loads `file` through the compile cache in a process of its own (the cache is written when it exits). */
async function load(file: string, folder: string, env: NodeJS.ProcessEnv = {}, nodeFlags: string[] = []): Promise<{ cache: string; value: unknown }> {
  const script = `const r = require(${JSON.stringify(CACHE_MODULE)}).requireWithCompileCache(${JSON.stringify(file)}, { folder: ${JSON.stringify(folder)} }); console.log(JSON.stringify({ cache: r.cache, value: r.exports.value() }));`;
  const run = await runProcess(process.execPath, [...nodeFlags, '-e', script], { env: { NODE_DISABLE_COMPILE_CACHE: undefined, ...env } });
  expect(run.stderr).toBe('');
  expect(run.code, JSON.stringify(run)).toBe(0);
  return JSON.parse(run.stdout) as { cache: string; value: unknown };
}

function moduleFile(source: string): string {
  const file = join(workdir(), 'bundle.cjs');
  writeFileSync(file, source);
  return file;
}

const SOURCE = `exports.value = function () { return [1, 2, 3].map((n) => n * 2).join('+'); };\n`;

describe('the compile cache of the diff bundle on Nodes without one (src/compile-cache.ts)', () => {
  it('is written when the first process ends, in a folder and a file only this user can read, and used by the next', async () => {
    const folder = join(workdir(), 'cache');
    const file = moduleFile(SOURCE);
    expect(await load(file, folder)).toEqual({ cache: 'missing', value: '2+4+6' });
    expect(await load(file, folder)).toEqual({ cache: 'used', value: '2+4+6' });
    const [entry] = readdirSync(folder);
    expect(entry).toMatch(/^bundle\.cjs-[0-9a-f]{8}\.cache$/);
    if (canCheckOwner) {
      expect(statSync(folder).mode & 0o777).toBe(0o700);
      expect(statSync(join(folder, entry as string)).mode & 0o777).toBe(0o600);
    }
  });

  it('is rewritten by the next two runs that use it, each adding what it compiled, then left alone', async () => {
    const folder = join(workdir(), 'cache');
    const file = moduleFile(SOURCE);
    const written = () => statSync(join(folder, readdirSync(folder)[0] as string), { bigint: true }).mtimeNs;
    expect((await load(file, folder)).cache).toBe('missing');
    const times = [written()];
    for (let run = 0; run < 3; run++) {
      expect((await load(file, folder)).cache).toBe('used');
      times.push(written());
    }
    expect(times[1]).not.toBe(times[0]);
    expect(times[2]).not.toBe(times[1]);
    expect(times[3]).toBe(times[2]);
  });

  it('is not used for a changed bundle of the same length: it holds the whole text it was made from', async () => {
    const folder = join(workdir(), 'cache');
    const file = moduleFile(SOURCE);
    await load(file, folder);
    const changed = SOURCE.replace('n * 2', 'n * 3');
    expect(changed.length).toBe(SOURCE.length);
    writeFileSync(file, changed);
    expect(await load(file, folder)).toEqual({ cache: 'missing', value: '3+6+9' });
    expect(await load(file, folder)).toEqual({ cache: 'used', value: '3+6+9' });
  });

  it('is not used when damaged (it holds a checksum of the code: V8 would run damaged code), and is rewritten', async () => {
    const folder = join(workdir(), 'cache');
    const file = moduleFile(SOURCE);
    await load(file, folder);
    const cacheFile = join(folder, readdirSync(folder)[0] as string);
    const data = readFileSync(cacheFile);
    // The header and the source stay; the compiled code after them is overwritten.
    data.fill(0x5a, data.length - 64);
    writeFileSync(cacheFile, data);
    expect(await load(file, folder)).toEqual({ cache: 'missing', value: '2+4+6' });
    expect(await load(file, folder)).toEqual({ cache: 'used', value: '2+4+6' });
    writeFileSync(cacheFile, data.subarray(0, data.length - 100));
    expect(await load(file, folder)).toEqual({ cache: 'missing', value: '2+4+6' });
    writeFileSync(cacheFile, 'not a cache');
    expect(await load(file, folder)).toEqual({ cache: 'missing', value: '2+4+6' });
    expect(await load(file, folder)).toEqual({ cache: 'used', value: '2+4+6' });
  });

  it('is rewritten when V8 rejects it (made by a Node run with other V8 flags)', async () => {
    const folder = join(workdir(), 'cache');
    const file = moduleFile(SOURCE);
    await load(file, folder);
    expect(await load(file, folder, {}, ['--no-opt'])).toEqual({ cache: 'rejected', value: '2+4+6' });
    expect(await load(file, folder, {}, ['--no-opt'])).toEqual({ cache: 'used', value: '2+4+6' });
  });

  it.skipIf(!canCheckOwner)('is not read from, nor written to, a folder others may write to, or a link', async () => {
    const file = moduleFile(SOURCE);
    const open = join(workdir(), 'open');
    mkdirSync(open);
    chmodSync(open, 0o777);
    expect(await load(file, open)).toEqual({ cache: 'off', value: '2+4+6' });
    expect(readdirSync(open)).toEqual([]);
    const real = join(workdir(), 'real');
    mkdirSync(real, { mode: 0o700 });
    const link = join(workdir(), 'link');
    symlinkSync(real, link);
    expect(await load(file, link)).toEqual({ cache: 'off', value: '2+4+6' });
    expect(readdirSync(real)).toEqual([]);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1, as Node\'s own is', async () => {
    const folder = join(workdir(), 'cache');
    expect(await load(moduleFile(SOURCE), folder, { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual({ cache: 'off', value: '2+4+6' });
    expect(existsSync(folder)).toBe(false);
  });

  it.skipIf(nodeHasCompileCache)('keeps the diff bundle under the OS temp folder, one folder per user', async () => {
    const tmp = workdir();
    const first = await cli(ARGS, { env: cacheEnv(tmp) });
    const second = await cli(ARGS, { env: cacheEnv(tmp) });
    expect(second.stdout).toBe(first.stdout);
    const folder = join(tmp, canCheckOwner ? `mcp-compat-compile-cache-${process.getuid?.()}` : 'mcp-compat-compile-cache');
    expect(readdirSync(folder)).toEqual([expect.stringMatching(/^fast-diff\.cjs-[0-9a-f]{8}\.cache$/)]);
  });
});
