import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer, SERVERS } from '../integration/capture/fixture-servers.js';
import { BIN, ROOT, type RunResult, userEnv, workdir } from './cli.js';

const PEAK_RSS = join(ROOT, 'test', 'support', 'peak-rss.cjs');

/** The built CLI, run as a user runs it, with its peak RSS (MB) measured from inside. */
function cliWithPeakRss(args: readonly string[], cwd: string): Promise<RunResult & { peakRssMb: number }> {
  const rssFile = join(cwd, 'peak-rss');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--require', PEAK_RSS, BIN, ...args], { cwd, env: userEnv({ PEAK_RSS_FILE: rssFile }), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr, peakRssMb: existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : Number.NaN }));
  });
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^mcp-compat: /);
  return lines[0]!;
}

describe('hostile servers through the built CLI', () => {
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it('a 10 GB response body: exit 2, one line naming the server and the limit, and memory stays bounded', async () => {
    running = await listen('raw/server.js', '--http', '--huge', `body:${10 * 1024 ** 3}`);
    const dir = workdir();
    const result = await cliWithPeakRss(['snapshot', '-o', 'snap.json', '--url', running.url, '--timeout', '120000'], dir);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(`mcp-compat: HTTP server ${running.url} sent a response body larger than 64 MB (the limit for one message) while reading tools/list.`);
    expect(existsSync(join(dir, 'snap.json'))).toBe(false);
    // Measured at about 170 MB; without the limit the SDK buffered the whole body (about 9 GB).
    expect(result.peakRssMb).toBeLessThan(512);
  }, 180_000);

  it('an SSE event that never ends: exit 2 and one line, memory bounded', async () => {
    running = await listen('raw/server.js', '--sse', '--huge', 'unterminated');
    const dir = workdir();
    const result = await cliWithPeakRss(['snapshot', '--url', running.url, '--transport', 'sse', '--timeout', '120000'], dir);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toMatch(new RegExp(`^mcp-compat: SSE server ${running.url} sent an event larger than 64 MB \\(the limit for one message\\) on its event stream while reading tools/list`));
    expect(result.stdout).toBe('');
    expect(result.peakRssMb).toBeLessThan(512);
  }, 180_000);

  it.each([
    ['an empty tool name', ['--tool-name', ''], 'sent an invalid tools/list result: tool 3 has an empty "name". Clients address a tool by its name: give every tool a non-empty one.'],
    [
      'a schema 5,000 levels deep',
      ['--deep-schema', '5000'],
      'sent an invalid tools/list result: arrays and objects nested deeper than a snapshot may hold (1000 levels from its top) in tool "deep", at /inputSchema/properties/a/properties/a/properties/a/properties/…. diff and check would refuse to read such a snapshot; real schemas are far shallower.',
    ],
  ])('a server sending %s: exit 2, one line naming the tool, no file', async (_, flags, said) => {
    const dir = workdir();
    const result = await cliWithPeakRss(['snapshot', '-o', 'snap.json', '--', process.execPath, join(SERVERS, 'raw', 'server.js'), ...flags], dir);
    expect(result.code).toBe(2);
    expect(oneLine(result.stderr)).toBe(`mcp-compat: Server \`node …/servers/raw/server.js ${flags[0]} …\` ${said}`);
    expect(result.stderr).not.toMatch(/call stack/i);
    expect(existsSync(join(dir, 'snap.json'))).toBe(false);
  }, 60_000);

  it('notifications nobody asked for, and a stray response: exit 0, the snapshot written, each one in the JSON log', async () => {
    const dir = workdir();
    const result = await cliWithPeakRss(['snapshot', '-o', 'snap.json', '--log-format', 'json', '--', process.execPath, join(SERVERS, 'raw', 'server.js'), '--unsolicited', 'all'], dir);
    expect(result.code).toBe(0);
    const events = result.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { event: string; direction?: string; method?: string; message?: string });
    const received = events.filter((event) => event.event === 'mcp.notification' && event.direction === 'received').map((event) => event.method);
    expect(new Set(received)).toEqual(new Set(['notifications/progress', 'notifications/message', 'notifications/notes/reindexed', 'notifications/tools/list_changed', 'notifications/cancelled']));
    expect(events.some((event) => event.message === 'ignored a response to no request of the capture (id nobody-asked)')).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'snap.json'), 'utf8'))).toMatchObject({ tools: [{ name: 'add_note' }, { name: 'find_notes' }] });
  }, 60_000);
});
