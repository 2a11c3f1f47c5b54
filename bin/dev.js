#!/usr/bin/env node
// Runs the TypeScript sources directly, without a build: `node bin/dev.js diff a.json b.json`.
import { register } from 'tsx/esm/api';
import { readFileSync } from 'node:fs';
import { execute } from '@oclif/core';

register();
const pjson = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
pjson.oclif.commands.target = './src/cli.ts';
const root = new URL('..', import.meta.url).pathname;
await execute({ development: true, dir: import.meta.url, loadOptions: { root, pjson } });
