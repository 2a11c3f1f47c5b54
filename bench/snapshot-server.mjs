#!/usr/bin/env node
// A stdio MCP server that lists what a snapshot file holds, for timing what a client does after a
// server's last answer. Hand-written (newline-delimited JSON-RPC, no SDK), so that its own work is
// small and the same for every client.
//
//   node bench/snapshot-server.mjs SNAPSHOT [--page-size N] [--stamp FILE]
//
// Serves the tools, prompts, resources and resource templates of SNAPSHOT (every list in pages of N,
// default all at once). With --stamp, writes to FILE, after each list answer has been written, the
// time of that moment (`performance.timeOrigin + performance.now()`, ms since the epoch): the last
// one is when the server answered its last list.
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);
const snapshot = JSON.parse(readFileSync(argv[0], 'utf8'));
const pageSize = Number(option('--page-size') ?? Number.MAX_SAFE_INTEGER);
const stamp = option('--stamp');

const LISTS = {
  'tools/list': ['tools', snapshot.tools ?? []],
  'prompts/list': ['prompts', snapshot.prompts ?? []],
  'resources/list': ['resources', snapshot.resources ?? []],
  'resources/templates/list': ['resourceTemplates', snapshot.resourceTemplates ?? []],
};

function answer(message) {
  const { method, id, params } = message;
  if (method === 'initialize') {
    return {
      protocolVersion: params?.protocolVersion ?? snapshot.server.protocolVersion,
      capabilities: snapshot.server.capabilities ?? { tools: {} },
      serverInfo: { name: snapshot.server.name, version: snapshot.server.version },
      ...(snapshot.server.instructions === undefined ? {} : { instructions: snapshot.server.instructions }),
    };
  }
  if (method === 'ping') return {};
  const list = LISTS[method];
  if (list) {
    const offset = Number(params?.cursor ?? 0);
    const [key, items] = list;
    const next = offset + pageSize;
    return { [key]: items.slice(offset, next), ...(next < items.length ? { nextCursor: String(next) } : {}) };
  }
  return id === undefined ? undefined : { error: { code: -32601, message: `Method not found: ${method}` } };
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === '') return;
  const message = JSON.parse(line);
  if (message.id === undefined) return; // a notification
  const result = answer(message);
  const reply = result?.error ? { jsonrpc: '2.0', id: message.id, error: result.error } : { jsonrpc: '2.0', id: message.id, result };
  process.stdout.write(`${JSON.stringify(reply)}\n`, () => {
    if (stamp && LISTS[message.method]) writeFileSync(stamp, String(performance.timeOrigin + performance.now()));
  });
});
