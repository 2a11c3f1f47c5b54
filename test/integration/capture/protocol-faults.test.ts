import { describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { failure } from './expect-failure.js';
import { listen, stdio } from './fixture-servers.js';

const RAW = 'raw/server.js';
const NOT_JSON_RPC = 'sent a message that is not valid JSON-RPC while reading tools/list';

describe('a server that breaks JSON-RPC fails the capture with one clear line', () => {
  it.each(['not-jsonrpc', 'no-result', 'result-not-object'])('stdio: %s', async (kind) => {
    const error = await failure(snapshotServer(stdio(RAW, '--malformed', kind)));
    expect(error.message).toMatch(/^Server `node …\/servers\/raw\/server\.js --malformed …` sent a message that is not valid JSON-RPC while reading tools\/list\b/);
    expect(error.message).toMatch(/JSON, but not a request, a notification, or a response with an object "result" or an "error"\.$/);
  });

  it.each(['not-jsonrpc', 'no-result', 'result-not-object'])('HTTP: %s', async (kind) => {
    const server = await listen(RAW, '--http', '--malformed', kind);
    try {
      const error = await failure(snapshotServer({ kind: 'http', url: server.url }));
      expect(error.message).toBe(`HTTP server ${server.url} ${NOT_JSON_RPC}: JSON, but not a request, a notification, or a response with an object "result" or an "error".`);
    } finally {
      await server.stop();
    }
  });

  it('stdio: a log line on stdout in the middle of the capture', async () => {
    const error = await failure(snapshotServer(stdio(RAW, '--log-stdout')));
    // The line itself, not JSON.parse's message about it, which quotes its start cut short (see the secret test below).
    expect(error.message).toMatch(/wrote something that is not an MCP message on stdout while reading tools\/list\b.*: "\[info\] listing tools"\. Logs belong on stderr\.$/);
  });

  it('stdio: a line on stdout that carries a secret is masked whole before it is shortened, and no part of the secret is shown', async () => {
    const secret = 's3cr3t-value-0123';
    const print = "console.log('token is ' + process.env.API_TOKEN + ' and a long tail of words after it'); setTimeout(() => {}, 5000)";
    const error = await failure(snapshotServer({ kind: 'stdio', command: process.execPath, args: ['-e', print], env: { API_TOKEN: secret } }));
    expect(error.message).toContain(': "token is *** and a long tail of words after it". Logs belong on stderr.');
    // JSON.parse's message would quote "token is s3"...: a piece of the secret that masking, which finds whole secrets, misses.
    for (let length = 2; length <= secret.length; length++) expect(error.message).not.toContain(secret.slice(0, length));
  });

  it('HTTP: a log line ahead of the answer', async () => {
    const server = await listen(RAW, '--http', '--log-stdout');
    try {
      const error = await failure(snapshotServer({ kind: 'http', url: server.url }));
      // JSON.parse's message is left out: it quotes the start of the body cut short, which masking cannot find a secret in.
      expect(error.message).toMatch(/^HTTP server \S+ answered with something that is not JSON while reading tools\/list\.$/);
    } finally {
      await server.stop();
    }
  });

  it('stdio: a message that never ends is cut off at the size limit', async () => {
    const error = await failure(snapshotServer(stdio(RAW, '--flood', String(65 * 1024 * 1024)), { timeoutMs: 60_000 }));
    expect(error.message).toMatch(/ wrote a message larger than 64 MB on stdout while reading tools\/list\b/);
  }, 60_000);

  it('an error answered by the server comes in as a short excerpt, on one line', async () => {
    const error = await failure(snapshotServer(stdio(RAW, '--fail', 'tools/list:0')));
    expect(error.message).toMatch(/ failed while reading tools\/list: MCP error -32603: tools\/list failed: database unavailable\.$/);
  });
});

describe('lists a client cannot use are errors naming the list and the entity', () => {
  const schemaHint = 'MCP requires a JSON Schema object with "type": "object" (use {"type":"object"} for a tool that takes no arguments).';

  it.each([
    ['missing', 'has no inputSchema'],
    ['string', 'has an inputSchema that is a string, not an object'],
    ['array', 'has an inputSchema that is an array, not an object'],
    ['string-type', 'has an inputSchema of type "string", not "object"'],
  ])('a tool whose inputSchema is %s', async (kind, what) => {
    const error = await failure(snapshotServer(stdio(RAW, '--tool-schema', kind)));
    expect(error.message).toBe(`Server \`node …/servers/raw/server.js --tool-schema …\` sent an invalid tools/list result: tool "broken_schema" ${what}.`);
    expect(error.hint).toBe(schemaHint);
  });

  it.each([
    ['tool', 'tools/list', 'tool "find_notes"'],
    ['resource', 'resources/list', 'resource "notes://all"'],
    ['template', 'resources/templates/list', 'resource template "notes://{id}"'],
  ])('a duplicate %s', async (kind, method, entity) => {
    const error = await failure(snapshotServer(stdio(RAW, '--duplicate', kind)));
    expect(error.message).toBe(`Server \`node …/servers/raw/server.js --duplicate …\` sent an invalid ${method} result: ${entity} is listed twice, and clients cannot tell the two apart.`);
  });

  it('the same over HTTP', async () => {
    const server = await listen(RAW, '--http', '--duplicate', 'tool');
    try {
      const error = await failure(snapshotServer({ kind: 'http', url: server.url }));
      expect(error.message).toBe(`HTTP server ${server.url} sent an invalid tools/list result: tool "find_notes" is listed twice, and clients cannot tell the two apart.`);
    } finally {
      await server.stop();
    }
  });
});

describe('paging that never ends', () => {
  it('cursors that never repeat: stopped after 10,000 pages, with the method and the count', async () => {
    const error = await failure(snapshotServer(stdio(RAW, '--endless-cursor'), { timeoutMs: 60_000 }));
    expect(error.message).toBe('Server `node …/servers/raw/server.js --endless-cursor` was still paging tools/list after 10000 pages (10000 items, a new cursor every time): stopped there.');
  }, 60_000);
});

describe('lists are read at the same time, and failures are still reported in a fixed order', () => {
  it('all list requests are open at once', async () => {
    const lines: string[] = [];
    const snapshot = await snapshotServer(stdio(RAW, '--delay', '300'), { onLog: (line) => lines.push(line) });
    expect(snapshot.tools).toHaveLength(2);
    const open = lines.map((line) => /with (\d+) list requests open/.exec(line)?.[1]).filter((count) => count !== undefined).map(Number);
    expect(Math.max(...open)).toBe(3); // tools, resources and resource templates (the server has no prompts)
  });

  it('the first failing list in list order is reported, though a later one failed first', async () => {
    const error = await failure(snapshotServer(stdio(RAW, '--fail', 'tools/list:400,resources/templates/list:0')));
    expect(error.message).toMatch(/ failed while reading tools\/list: MCP error -32603: tools\/list failed: database unavailable\.$/);
  });
});
