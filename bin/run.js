#!/usr/bin/env node
'use strict';
// CommonJS (bin/package.json): on Node 20, a CommonJS entry requiring the CommonJS `diff` bundle
// starts about 15 ms sooner than an ES module entry importing an ES module (docs/performance.md).
//
// A well-formed `diff BASE HEAD [flags]`, and a `snapshot` of a stdio server, run without loading
// oclif (src/fast-diff.ts, src/fast-snapshot.ts); any other command line, or MCP_COMPAT_FAST_PATH=0,
// goes to oclif.
const nodeModule = require('node:module');

// Node 22.1 and later keep the compiled code of the bundles in a cache (under the OS temp folder),
// so a later run skips compiling them; older Nodes get the same for the `diff` bundle from
// src/compile-cache.ts. A cache that cannot be written changes nothing but speed, so nothing here
// may print or end the run. NODE_DISABLE_COMPILE_CACHE=1 turns either off.
let nodeCompileCache = false;
try {
  nodeCompileCache = typeof nodeModule.enableCompileCache === 'function';
  if (nodeCompileCache) nodeModule.enableCompileCache();
} catch {
  // speed only
}
// A reader that stops early (`| head`) closes the pipe: the run ends quietly, with its own exit code,
// instead of dying of an unhandled EPIPE. Later writes to the closed stream are dropped by Node.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

function fastDiff() {
  const bundle = require.resolve('../dist/fast-diff.cjs');
  if (nodeCompileCache) return require(bundle).fastDiff;
  return require('../dist/compile-cache.cjs').requireWithCompileCache(bundle).exports.fastDiff;
}

async function fastSnapshot() {
  return (await import('../dist/fast-snapshot.js')).fastSnapshot;
}

async function main() {
  const words = process.argv.slice(2);
  const fastPaths = { diff: fastDiff, snapshot: fastSnapshot };
  // Help is oclif's: asking for it skips loading a start-up path only to decline.
  const own = words.includes('--') ? words.slice(0, words.indexOf('--')) : words;
  const help = own.includes('--help') || own.includes('-h');
  const fast = process.env.MCP_COMPAT_FAST_PATH === '0' || help || !Object.hasOwn(fastPaths, words[0]) ? undefined : fastPaths[words[0]];
  const handled = fast !== undefined && (await (await fast())(words.slice(1)));
  if (handled) return;
  // oclif compares the running Node with the engines of its own package.json, which it cannot find
  // inside a bundle; the attempt only costs start-up time. This package declares its own engines.
  const engineWarning = process.env.OCLIF_DISABLE_ENGINE_WARNING;
  process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';
  const cli = await import('../dist/cli.js');
  if (engineWarning === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING;
  else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineWarning;
  await cli.main();
}

main().catch((error) => {
  // As an ES module's top-level await would: an error nothing caught ends the run with its trace.
  process.nextTick(() => {
    throw error;
  });
});
