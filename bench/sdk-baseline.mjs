#!/usr/bin/env node
// The capture baseline: the least an MCP client can do to learn a stdio server's tools with the
// official SDK. Spawns the server, initializes, reads every page of tools/list, closes.
//
//   node bench/sdk-baseline.mjs [--all-lists] -- COMMAND [ARGS...]
//
// Prints the number of tools (and, with --all-lists, of prompts, resources and templates, which
// `mcp-compat snapshot` reads as well). Nothing else: no validation, no canonical form, no file.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const argv = process.argv.slice(2);
const dash = argv.indexOf('--');
if (dash === -1 || dash === argv.length - 1) {
  process.stderr.write('usage: node bench/sdk-baseline.mjs [--all-lists] -- COMMAND [ARGS...]\n');
  process.exit(2);
}
const allLists = argv.slice(0, dash).includes('--all-lists');
const [command, ...args] = argv.slice(dash + 1);

const client = new Client({ name: 'sdk-baseline', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command, args, stderr: 'inherit' }));

async function all(list, key) {
  const items = [];
  let cursor;
  do {
    const page = await list(cursor === undefined ? {} : { cursor });
    items.push(...page[key]);
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return items;
}

const counts = { tools: (await all((params) => client.listTools(params), 'tools')).length };
if (allLists) {
  const capabilities = client.getServerCapabilities() ?? {};
  if (capabilities.prompts) counts.prompts = (await all((params) => client.listPrompts(params), 'prompts')).length;
  if (capabilities.resources) {
    counts.resources = (await all((params) => client.listResources(params), 'resources')).length;
    counts.resourceTemplates = (await all((params) => client.listResourceTemplates(params), 'resourceTemplates')).length;
  }
}
await client.close();
process.stdout.write(`${JSON.stringify(counts)}\n`);
