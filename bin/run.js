#!/usr/bin/env node
// oclif compares the running Node with the engines of its own package.json, which it cannot find
// inside a bundle; the attempt only costs start-up time. This package declares its own engines.
const engineWarning = process.env.OCLIF_DISABLE_ENGINE_WARNING;
process.env.OCLIF_DISABLE_ENGINE_WARNING = '1';
const { main } = await import('../dist/cli.js');
if (engineWarning === undefined) delete process.env.OCLIF_DISABLE_ENGINE_WARNING;
else process.env.OCLIF_DISABLE_ENGINE_WARNING = engineWarning;

await main();
