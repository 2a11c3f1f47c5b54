import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaptureEvent } from '../../../src/capture/events.js';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import type { ServerTarget } from '../../../src/capture/target.js';
import { listen, type RunningServer, stdio } from './fixture-servers.js';

/** What `fixtures/servers/raw --unsolicited KIND` sends just before it answers tools/list: a notification's method, or a stray response. */
const SENT = {
  progress: 'notifications/progress',
  message: 'notifications/message',
  'made-up': 'notifications/notes/reindexed',
  'list-changed': 'notifications/tools/list_changed',
  cancelled: 'notifications/cancelled',
  'cancelled-malformed': 'notifications/cancelled',
  'stray-response': undefined,
} as const;
type Kind = keyof typeof SENT;
const KINDS = Object.keys(SENT) as Kind[];

/** How each kind shows in the log: a notification by its method, a stray response by a progress line. */
function logged(kind: Kind, events: CaptureEvent[]): boolean {
  const method = SENT[kind];
  if (method !== undefined) return events.some((event) => event.event === 'mcp.notification' && event.direction === 'received' && event.method === method);
  return events.some((event) => event.event === 'capture.progress' && event.message === 'ignored a response to no request of the capture (id nobody-asked)');
}

describe.each([
  ['stdio', undefined],
  ['Streamable HTTP (event-stream answers)', '--http'],
  ['legacy SSE', '--sse'],
] as const)('messages the capture did not ask for, over %s, are logged and ignored', (_, mode) => {
  let server: RunningServer | undefined;
  const target = async (kinds: string): Promise<ServerTarget> => {
    if (mode === undefined) return stdio('raw/server.js', '--unsolicited', kinds);
    await server?.stop();
    server = await listen('raw/server.js', mode, ...(mode === '--http' ? ['--event-stream'] : []), '--unsolicited', kinds);
    return { kind: mode === '--http' ? 'http' : 'sse', url: server.url };
  };
  let plain: string;
  beforeAll(async () => {
    plain = JSON.stringify((await snapshotServer(mode === undefined ? stdio('raw/server.js') : await target('message'), { timeoutMs: 20_000 })).tools);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it.each([...KINDS, 'all'])('%s', async (kind) => {
    const events: CaptureEvent[] = [];
    const snapshot = await snapshotServer(await target(kind), { timeoutMs: 20_000, onEvent: (event) => events.push(event) });
    expect(JSON.stringify(snapshot.tools)).toBe(plain);
    for (const each of kind === 'all' ? KINDS : [kind as Kind]) expect(logged(each, events), each).toBe(true);
    expect(events.at(-1)).toMatchObject({ event: 'capture.end', result: 'ok' });
  });
});
