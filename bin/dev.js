#!/usr/bin/env node
'use strict';
// Runs the TypeScript sources directly, without a build: `node bin/dev.js diff a.json b.json`.
// CommonJS like bin/run.js (bin/package.json); the sources are ES modules, imported.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

async function main() {
  const { register } = await import('tsx/esm/api');
  const { execute } = await import('@oclif/core');
  register();
  const root = join(__dirname, '..');
  const pjson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  pjson.oclif.commands.target = './src/cli.ts';
  await execute({ development: true, dir: pathToFileURL(__filename).href, loadOptions: { root, pjson } });
}

main().catch((error) => {
  process.nextTick(() => {
    throw error;
  });
});
