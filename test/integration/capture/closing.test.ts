import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureServer, snapshotServer } from '../../../src/capture/snapshot-server.js';
import type { ServerTarget } from '../../../src/capture/target.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// The notes server, lingering after its stdin ends until SIGTERM (a second later) ends it: its
// connection is still being closed well after its lists came.
const LINGERING: ServerTarget = { kind: 'stdio', command: process.execPath, args: [join(ROOT, 'fixtures', 'servers', 'unruly', 'server.js'), '--linger', '5000'] };

describe('the end of a capture’s connection', { timeout: 30_000 }, () => {
  it('captureServer gives the snapshot while the server is still being shut down, and `closed` settles once it is', async () => {
    const events: string[] = [];
    const { snapshot, closed } = await captureServer(LINGERING, { onEvent: (event) => events.push(event.event) });
    expect(snapshot.server.name).toBe('notes');
    expect(snapshot.tools.length).toBeGreaterThan(0);
    expect(events).toContain('capture.start');
    expect(events).not.toContain('capture.end');
    await closed;
    expect(events.at(-1)).toBe('capture.end');
  });

  it('snapshotServer returns only once the connection is closed', async () => {
    const events: string[] = [];
    const snapshot = await snapshotServer(LINGERING, { onEvent: (event) => events.push(event.event) });
    expect(snapshot.server.name).toBe('notes');
    expect(events.at(-1)).toBe('capture.end');
  });
});
