import { afterEach, describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import type { ServerTarget } from '../../../src/capture/target.js';
import { failure } from './expect-failure.js';
import { listen, type RunningServer } from './fixture-servers.js';

// 10 GB: the fixture writes it as fast as it is read and never holds it; the capture must stop at 64 MB.
const TEN_GB = 10 * 1024 ** 3;
const LIMIT = 64 * 1024 * 1024;

const CASES = [
  ['Streamable HTTP, a JSON body', '--http', 'http', `body:${TEN_GB}`, 'HTTP server', 'a response body larger than 64 MB (the limit for one message)'],
  ['Streamable HTTP, one SSE event', '--http', 'http', `event:${TEN_GB}`, 'HTTP server', 'an event larger than 64 MB (the limit for one message) on its event stream'],
  ['Streamable HTTP, event data that never ends an event', '--http', 'http', 'unterminated', 'HTTP server', 'an event larger than 64 MB (the limit for one message) on its event stream'],
  ['legacy SSE, one event', '--sse', 'sse', `event:${TEN_GB}`, 'SSE server', 'an event larger than 64 MB (the limit for one message) on its event stream'],
  ['legacy SSE, event data that never ends an event', '--sse', 'sse', 'unterminated', 'SSE server', 'an event larger than 64 MB (the limit for one message) on its event stream'],
] as const;

describe('a response too large to hold ends the capture at the stdio message limit', () => {
  let running: RunningServer | undefined;
  afterEach(async () => {
    await running?.stop();
    running = undefined;
  });

  it.each(CASES)('%s', async (_, mode, kind, huge, who, what) => {
    running = await listen('raw/server.js', mode, '--huge', huge);
    const error = await failure(snapshotServer({ kind, url: running.url } as ServerTarget, { timeoutMs: 60_000 }));
    expect(error.message).toMatch(new RegExp(`^${who} ${running.url} sent ${what.replace(/[()]/g, '\\$&')} while reading tools/list[^.]*\\.$`));
    // The download was stopped soon after the limit, not read to its end.
    await expect.poll(() => running!.stderr(), { timeout: 10_000 }).toMatch(/huge: stopped after \d+ bytes/);
    const written = Number(/huge: stopped after (\d+) bytes/.exec(running.stderr())![1]);
    expect(written).toBeGreaterThan(LIMIT);
    expect(written).toBeLessThan(LIMIT + 64 * 1024 * 1024);
  }, 90_000);

  it('the same over protocol 2026-07-28 (the v2 client)', async () => {
    running = await listen('raw/server.js', '--http', '--modern', '--huge', `body:${TEN_GB}`);
    const error = await failure(snapshotServer({ kind: 'http', url: running.url }, { timeoutMs: 60_000 }));
    expect(error.message).toBe(`HTTP server ${running.url} sent a response body larger than 64 MB (the limit for one message) while capturing over protocol 2026-07-28.`);
  }, 90_000);

  it('a body under the limit is read whole', async () => {
    running = await listen('raw/server.js', '--http', '--huge', `body:${2 * 1024 * 1024}`);
    const snapshot = await snapshotServer({ kind: 'http', url: running.url }, { timeoutMs: 30_000 });
    expect(snapshot.tools.map((tool) => [tool.name, tool.description?.length])).toEqual([['huge', 2 * 1024 * 1024]]);
  }, 60_000);

  it('an event under the limit is read whole', async () => {
    running = await listen('raw/server.js', '--sse', '--huge', `event:${2 * 1024 * 1024}`);
    const snapshot = await snapshotServer({ kind: 'sse', url: running.url }, { timeoutMs: 30_000 });
    expect(snapshot.tools.map((tool) => [tool.name, tool.description?.length])).toEqual([['huge', 2 * 1024 * 1024]]);
  }, 60_000);
});
