import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { targetFromClientConfig } from '../../../src/capture/client-config.js';
import type { CaptureEvent } from '../../../src/capture/events.js';
import { MASK } from '../../../src/capture/secrets.js';
import { MASKED_NOTE, snapshotServer } from '../../../src/capture/snapshot-server.js';
import type { ServerTarget } from '../../../src/capture/target.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { tempDir } from '../../support/temp-dir.js';
import { failure } from './expect-failure.js';
import { listen, type RunningServer, SERVERS, stdio } from './fixture-servers.js';

// Values no fixture server could produce by itself: if one shows up anywhere, it leaked.
const ENV_SECRET = 'env-secret-Q7fK2pLx';
const BEARER = 'bearer-token-Zr81vNcE';
const API_KEY = 'api-key-Hy3mW9tA';
const QUERY_TOKEN = 'query-token-Bd5sJ0uR';
const URL_USER = 'url-user-Pk4eT6yG';
const URL_PASSWORD = 'url-password-Mx2cV8nQ';
const CONFIG_SECRET = 'config-secret-Lw9hD3zS';
const SECRETS = [ENV_SECRET, BEARER, API_KEY, QUERY_TOKEN, URL_USER, URL_PASSWORD, CONFIG_SECRET];
const BASIC = Buffer.from(`${URL_USER}:${URL_PASSWORD}`).toString('base64');

/** A capture with every listener attached: what came out of it, as text, and the events as objects. */
async function observed(target: ServerTarget, timeoutMs = 20_000) {
  const events: CaptureEvent[] = [];
  const lines: string[] = [];
  const outcome = await snapshotServer(target, { timeoutMs, onEvent: (event) => events.push(event), onLog: (line) => lines.push(line) }).then(
    (snapshot) => ({ snapshot, error: undefined }),
    (error: unknown) => ({ snapshot: undefined, error: error as Error & { hint?: string; detail?: string } }),
  );
  const everything = [
    outcome.snapshot ? serializeSnapshot(outcome.snapshot) : '',
    outcome.error ? [outcome.error.message, outcome.error.hint ?? '', outcome.error.detail ?? '', outcome.error.stack ?? '', String(outcome.error.cause ?? '')].join('\n') : '',
    JSON.stringify(events),
    lines.join('\n'),
  ].join('\n');
  return { ...outcome, events, lines, everything };
}

/** The raw fixture server over stdio, as a stdio target (to add env or cwd to). */
function raw(...args: string[]) {
  return { kind: 'stdio' as const, command: process.execPath, args: [join(SERVERS, 'raw', 'server.js'), ...args] };
}

function expectNoSecret(text: string): void {
  for (const secret of [...SECRETS, BASIC]) expect(text, `found ${secret}`).not.toContain(secret);
}

function requests(events: CaptureEvent[]) {
  return events.filter((event): event is Extract<CaptureEvent, { event: 'mcp.request' }> => event.event === 'mcp.request');
}

describe('stdio: env values never leave the capture', () => {
  it('a server that prints its environment and puts it in a tool description: masked in the snapshot, with a note, and in the log', async () => {
    const result = await observed({ ...raw('--echo'), env: { NOTES_TOKEN: ENV_SECRET } });
    expectNoSecret(result.everything);
    const snapshot = result.snapshot as Snapshot;
    expect(snapshot.tools.find((tool) => tool.name === 'find_notes')?.description).toContain(`NOTES_TOKEN=${MASK}`);
    expect(snapshot.notes).toContain(MASKED_NOTE);
    expect(result.events).toContainEqual(expect.objectContaining({ event: 'server.stderr', line: `environment: NOTES_TOKEN=${MASK}` }));
    expect(result.lines).toContain(`server: environment: NOTES_TOKEN=${MASK}`);
  });

  it('a server that exits at start after printing its environment: the stderr tail in the error is masked', async () => {
    const result = await observed({ ...raw('--echo', '--exit-early'), env: { NOTES_TOKEN: ENV_SECRET } });
    expect(result.error?.message).toMatch(/closed the connection .*Server stderr: .*environment: NOTES_TOKEN=\*\*\* \| notes-legacy: starting \| Error: NOTES_DB is not set$/);
    expectNoSecret(result.everything);
    expect(result.events.at(-1)).toMatchObject({ event: 'capture.end', result: 'error', error: result.error?.message });
  });

  it('a list error that quotes the environment: masked in the error and in the request event', async () => {
    const result = await observed({ ...raw('--echo', '--fail', 'tools/list:0'), env: { NOTES_TOKEN: ENV_SECRET } });
    await failure(Promise.reject(result.error));
    expect(result.error?.message).toContain(`NOTES_TOKEN=${MASK}`);
    expect(requests(result.events)).toContainEqual(expect.objectContaining({ method: 'tools/list', result: 'error', error_code: -32603, error: expect.stringContaining(`NOTES_TOKEN=${MASK}`) }));
    expectNoSecret(result.everything);
  });

  it('the command is spawned without a shell: shell syntax in arguments reaches the server verbatim', async () => {
    const dir = tempDir('mcp-compat-shell-');
    const args = ['$(touch pwned)', '; touch pwned2', '`touch pwned3`', '*', '&& exit 1', "'quoted'", '$HOME'];
    const result = await observed({ ...raw('--echo', ...args), cwd: dir });
    expect(result.error).toBeUndefined();
    const line = result.events.find((event) => event.event === 'server.stderr' && event.line.startsWith('argv: '));
    expect(line && 'line' in line ? JSON.parse(line.line.slice('argv: '.length)) : undefined).toEqual(['--echo', ...args]);
  });
});

describe('HTTP: header values, URL credentials and query tokens never leave the capture', () => {
  let raw: RunningServer;
  let notes: RunningServer;
  let notesSse: RunningServer;
  beforeAll(async () => {
    [raw, notes, notesSse] = await Promise.all([
      listen('raw/server.js', '--http', '--echo'),
      listen('notes/v1/server.js', '--http', '--token', BEARER),
      listen('notes/v1/server.js', '--sse', '--token', BEARER),
    ]);
  });
  afterAll(async () => {
    await Promise.all([raw?.stop(), notes?.stop(), notesSse?.stop()]);
  });

  it('a server that requires a bearer token: captured with it, and the token is nowhere', async () => {
    for (const server of [notes, notesSse]) {
      const result = await observed({ kind: server === notes ? 'http' : 'sse', url: server.url, headers: { Authorization: `Bearer ${BEARER}`, 'X-Api-Key': API_KEY } });
      expect(result.error).toBeUndefined();
      expect(result.snapshot?.tools.length).toBeGreaterThan(0);
      expect(result.snapshot?.notes).toBeUndefined();
      expectNoSecret(result.everything);
    }
  });

  it('a wrong bearer token: HTTP 401, and neither token is in the error or the log', async () => {
    const result = await observed({ kind: 'http', url: `${notes.url}?token=${QUERY_TOKEN}`, headers: { Authorization: `Bearer wrong-${BEARER}` } });
    expect(result.error?.message).toMatch(/refused the connection \(HTTP 401\)/);
    expect(requests(result.events)).toContainEqual(expect.objectContaining({ method: 'initialize', result: 'error' }));
    expectNoSecret(result.everything);
  });

  it('a server that echoes every header and the query: masked in the snapshot, with a note', async () => {
    const url = new URL(raw.url);
    url.username = URL_USER;
    url.password = URL_PASSWORD;
    url.search = `token=${QUERY_TOKEN}&mode=plain`;
    const result = await observed({ kind: 'http', url: url.href, headers: { 'X-Api-Key': API_KEY } });
    expect(result.error).toBeUndefined();
    const description = result.snapshot?.tools.find((tool) => tool.name === 'find_notes')?.description;
    // URL credentials were sent as Basic authorization, and are masked as they come back.
    expect(description).toContain(`authorization=Basic ${MASK} x-api-key=${MASK} query=token=${MASK}&mode=${MASK}`);
    expect(result.snapshot?.notes).toContain(MASKED_NOTE);
    expectNoSecret(result.everything);
  });

  it('a list error that quotes the bearer token and the query: masked in the error and the events', async () => {
    const failing = await listen('raw/server.js', '--http', '--echo', '--fail', 'tools/list:0');
    try {
      const result = await observed({ kind: 'http', url: `${failing.url}?token=${QUERY_TOKEN}`, headers: { Authorization: `Bearer ${BEARER}` } });
      // The header's whole value is a secret, and the longest match is masked first.
      expect(result.error?.message).toContain(`authorization=${MASK}`);
      expect(result.error?.message).toContain(`query=token=${MASK}`);
      expect(requests(result.events)).toContainEqual(expect.objectContaining({ method: 'tools/list', result: 'error', error_code: -32603 }));
      expectNoSecret(result.everything);
    } finally {
      await failing.stop();
    }
  });

  it('a client config whose variables hold the secrets: masked in the snapshot and the log', async () => {
    const dir = tempDir('mcp-compat-config-');
    const file = join(dir, '.mcp.json');
    writeFileSync(
      file,
      JSON.stringify({
        mcpServers: {
          remote: { url: `${raw.url}?key=\${KEY}`, headers: { 'X-Api-Key': 'prefix-${API_KEY}' } },
          local: { command: process.execPath, args: [join(SERVERS, 'raw', 'server.js'), '--echo', '--label=${LABEL}'], env: { NOTES_TOKEN: '${TOKEN}' } },
        },
      }),
    );
    const env = { KEY: QUERY_TOKEN, API_KEY, LABEL: CONFIG_SECRET, TOKEN: ENV_SECRET };
    const remote = await observed(await targetFromClientConfig(file, 'remote', env));
    expect(remote.snapshot?.tools.find((tool) => tool.name === 'find_notes')?.description).toContain(`x-api-key=${MASK} query=key=${MASK}`);
    expectNoSecret(remote.everything);
    const local = await observed(await targetFromClientConfig(file, 'local', env));
    expect(local.lines.find((line) => line.startsWith('server: argv: '))).toContain(`"--label=${MASK}"`);
    expectNoSecret(local.everything);
  });
});

describe('the request log', () => {
  it('one event per request, with latency and result, between capture.start and capture.end; no parameters', async () => {
    const result = await observed(stdio('raw/server.js', '--page-size', '1'));
    const { events } = result;
    expect(events[0]).toMatchObject({ event: 'capture.start', transport: 'stdio', timeout_ms: 20_000, target: expect.stringContaining('raw/server.js') });
    expect(events.at(-1)).toMatchObject({ event: 'capture.end', result: 'ok', error: null, tools: 2, prompts: 0, resources: 1, resource_templates: 1, protocol_version: '2024-11-05' });
    for (const event of events) expect(event.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    const sent = requests(events).filter((event) => event.direction === 'sent');
    // initialize, two pages of tools (the second with a cursor), resources and templates.
    expect(sent.map((event) => `${event.method}${event.cursor ? '+cursor' : ''}`).sort()).toEqual(['initialize', 'resources/list', 'resources/templates/list', 'tools/list', 'tools/list+cursor']);
    for (const event of sent) {
      expect(event).toEqual({
        time: expect.any(String),
        target: expect.any(String),
        event: 'mcp.request',
        direction: 'sent',
        method: expect.any(String),
        id: expect.anything(),
        cursor: expect.any(Boolean),
        latency_ms: expect.any(Number),
        result: 'ok',
        error: null,
      });
    }
    expect(events).toContainEqual(expect.objectContaining({ event: 'mcp.notification', direction: 'sent', method: 'notifications/initialized' }));
    expect(result.lines.some((line) => /^-> tools\/list \(id \d+, next page\): ok in [\d.]+ ms$/.test(line))).toBe(true);
  });

  it('a server that asks the capture for roots: its request is logged as received, answered with an error', async () => {
    const result = await observed(stdio('raw/server.js', '--ask-roots'));
    expect(requests(result.events)).toContainEqual(expect.objectContaining({ direction: 'received', method: 'roots/list', result: 'error', error_code: -32601 }));
  });

  it('a 2026-07-28 server: the retry with the newer client is logged request by request too', async () => {
    const result = await observed({ ...raw('--modern', '--echo'), env: { NOTES_TOKEN: ENV_SECRET } });
    expect(result.error).toBeUndefined();
    const methods = requests(result.events).map((event) => `${event.method} ${event.result}`);
    expect(methods[0]).toBe('initialize error');
    // server/discover included, as over HTTP: the stdio retry runs on the project's own transport, which the log sees whole.
    expect(methods.slice(1).sort()).toEqual(['resources/list ok', 'resources/templates/list ok', 'server/discover ok', 'tools/list ok']);
    expectNoSecret(result.everything);
  });

  it('a request the server never answers is logged as unanswered when the time limit ends the capture', async () => {
    const result = await observed(stdio('raw/server.js', '--hang'), 1500);
    expect(result.error?.message).toMatch(/did not finish within 1500 ms/);
    expect(requests(result.events)).toContainEqual(expect.objectContaining({ method: 'initialize', result: 'error', error: 'no response before the connection ended' }));
  });
});
