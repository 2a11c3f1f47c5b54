/**
 * A compile cache for the `diff` start-up bundle on Node versions that lack Node's own
 * (`module.enableCompileCache`, Node 22.1 and later, which bin/run.js turns on where it exists).
 * It is the same idea: V8 keeps the code it compiled for the bundle in a file, so a later run skips
 * parsing and compiling it, about 20 ms of a `diff` on Node 20 (docs/performance.md).
 *
 * The cache is written once a run has ended, so it also holds the functions that run compiled on
 * first call, not only the bundle's top level; the next runs rewrite it, up to WRITES in all, each
 * adding what it compiled, so that one first run of an unusual kind (a small file, an error) does
 * not decide what is cached. It is only a speed-up: any problem reading or writing it (no temp
 * folder, a full disk, a file from another Node) leaves the run as it was.
 *
 * Safety: compiled code is code. The cache lives in a folder of the OS temp folder that only this
 * user may write (created with mode 0700, and refused unless it is a real folder owned by this user
 * and closed to others). Each file holds the bundle's full text, compared byte for byte before the
 * code is used (V8's own check compares only the source's length), and a checksum of the code:
 * V8 does not check the code it is given, and a damaged cache would crash every run.
 */
import { lstatSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

const MAGIC = Buffer.from('mcp-compat compile cache 2\n', 'latin1');
/** After the magic: the source's length, the code's checksum, and how many runs have written the cache, 4 bytes each. */
const HEADER_BYTES = MAGIC.length + 12;
/** Runs that write the cache: the first, and the next ones that use it, each adding what it compiled. */
const WRITES = 3;

/** What happened to the cache on a load: `used`, `rejected` by V8 (and rewritten), `missing` (and written), or `off`. */
export type CacheOutcome = 'used' | 'rejected' | 'missing' | 'off';

export interface CompileCacheOptions {
  /** The folder holding the cache files; by default a folder of the OS temp folder, one per user. */
  folder?: string;
  /** Turns the cache off; by default Node's own switch, NODE_DISABLE_COMPILE_CACHE=1. */
  disabled?: boolean;
}

/**
 * `require(file)` for a CommonJS bundle, through the compile cache: the module's exports, and what
 * the cache did. The cache of a first run is written when the process exits.
 */
export function requireWithCompileCache(file: string, options: CompileCacheOptions = {}): { exports: unknown; cache: CacheOutcome } {
  const compiled = compile(file, options);
  if (compiled === undefined) return { exports: createRequire(file)(file) as unknown, cache: 'off' };
  const { script, cache } = compiled;
  const module = { exports: {} as unknown, filename: file, id: file, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
  module.loaded = true;
  return { exports: module.exports, cache };
}

/** The bundle compiled with its cache, or undefined when the cache is off or anything about it fails (then it is simply required). */
function compile(file: string, options: CompileCacheOptions): { script: Script; cache: CacheOutcome } | undefined {
  if (options.disabled ?? process.env.NODE_DISABLE_COMPILE_CACHE === '1') return undefined;
  try {
    const cacheFile = cacheFileFor(file, options.folder ?? defaultFolder());
    if (cacheFile === undefined) return undefined;
    const source = readFileSync(file);
    const { code: cached, writes } = readCache(cacheFile, source) ?? { code: undefined, writes: 0 };
    // Wrapped as Node wraps a CommonJS module; on the first line, so line numbers stay the file's.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${source.toString('utf8')}\n})`, {
      filename: file,
      ...(cached ? { cachedData: cached } : {}),
    });
    const cache: CacheOutcome = cached === undefined ? 'missing' : script.cachedDataRejected === true ? 'rejected' : 'used';
    if (cache !== 'used' || writes < WRITES) process.once('exit', () => writeCache(cacheFile, source, script, cache === 'used' ? writes + 1 : 1));
    return { script, cache };
  } catch {
    return undefined;
  }
}

function defaultFolder(): string {
  const user = typeof process.getuid === 'function' ? `-${process.getuid()}` : '';
  return join(tmpdir(), `mcp-compat-compile-cache${user}`);
}

/** The cache file of `file` in `folder`, or undefined when the folder cannot be made or is not safely this user's. */
function cacheFileFor(file: string, folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const info = lstatSync(folder);
    if (!info.isDirectory()) return undefined;
    if (typeof process.getuid === 'function' && (info.uid !== process.getuid() || (info.mode & 0o077) !== 0)) return undefined;
  } catch {
    return undefined;
  }
  // One file per installed bundle: two installs (a global one, one under npx) do not overwrite each other's.
  return join(folder, `${basename(file)}-${checksum(Buffer.from(file)).toString(16).padStart(8, '0')}.cache`);
}

/** The compiled code kept for exactly this source, and how many runs wrote it; undefined when there is none. */
function readCache(cacheFile: string, source: Buffer): { code: Buffer; writes: number } | undefined {
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (data.length < HEADER_BYTES || !data.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const sourceEnd = HEADER_BYTES + data.readUInt32LE(MAGIC.length);
  if (sourceEnd > data.length || !data.subarray(HEADER_BYTES, sourceEnd).equals(source)) return undefined;
  const code = data.subarray(sourceEnd);
  return checksum(code) === data.readUInt32LE(MAGIC.length + 4) ? { code, writes: data.readUInt32LE(MAGIC.length + 8) } : undefined;
}

/** A 32-bit FNV-1a of the bytes, four at a time (about 2 ms for the `diff` bundle's code on a first call); also names a bundle's cache file. */
function checksum(bytes: Uint8Array): number {
  // A copy starts at offset 0 of its own memory, so it can be read as 32-bit words.
  const copy = bytes.byteOffset % 4 === 0 ? bytes : new Uint8Array(bytes);
  const words = new Int32Array(copy.buffer, copy.byteOffset, copy.length >>> 2);
  let hash = 0x811c9dc5 | 0;
  for (let index = 0; index < words.length; index++) hash = Math.imul(hash ^ (words[index] as number), 0x01000193);
  for (let index = words.length * 4; index < copy.length; index++) hash = Math.imul(hash ^ (copy[index] as number), 0x01000193);
  return hash >>> 0;
}

/** Writes the cache whole or not at all: to a file of its own, then renamed over the old one. */
function writeCache(cacheFile: string, source: Buffer, script: Script, writes: number): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    const code = script.createCachedData();
    const header = Buffer.alloc(HEADER_BYTES);
    MAGIC.copy(header);
    header.writeUInt32LE(source.length, MAGIC.length);
    header.writeUInt32LE(checksum(code), MAGIC.length + 4);
    header.writeUInt32LE(writes, MAGIC.length + 8);
    writeFileSync(temporary, Buffer.concat([header, source, code]), { mode: 0o600 });
    renameSync(temporary, cacheFile);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was written
    }
  }
}
