#!/usr/bin/env node
// A well-formed `diff BASE HEAD [flags]`, and a `snapshot` of a stdio server, run without loading
// oclif (src/fast-diff.ts, src/fast-snapshot.ts); any other command line, or MCP_COMPAT_FAST_PATH=0,
// goes to oclif.
import * as nodeModule from 'node:module';

// Node 22.1 and later keep the compiled code of the bundles in a cache (under the OS temp folder),
// so a later run skips compiling them; Node 20 lacks the function. A cache that cannot be written
// changes nothing but speed, so nothing here may print or end the run.
try {
  nodeModule.enableCompileCache?.();
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
const words = process.argv.slice(2);
const fastPaths = { diff: ['../dist/fast-diff.js', 'fastDiff'], snapshot: ['../dist/fast-snapshot.js', 'fastSnapshot'] };
// Help is oclif's: asking for it skips loading a start-up path only to decline.
const own = words.includes('--') ? words.slice(0, words.indexOf('--')) : words;
const help = own.includes('--help') || own.includes('-h');
const fast = process.env.MCP_COMPAT_FAST_PATH === '0' || help ? undefined : fastPaths[words[0]];
const handled = fast !== undefined && (await (await import(fast[0]))[fast[1]](words.slice(1)));

if (!handled) {
  // oclif compares the running Node with the engines of its own package.json, which it cannot find
  // inside a bundle; the attempt only costs start-up time. This package declares its own engines.
  const engineWarning = process.env.OCLIF_DISABLE_ENGINE_WARNING;
  process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';
  const { main } = await import('../dist/cli.js');
  if (engineWarning === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING;
  else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineWarning;
  await main();
}
