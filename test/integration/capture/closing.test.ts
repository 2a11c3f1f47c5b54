import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { captureServer, snapshotServer } from '../../../src/capture/snapshot-server.js';
import type { ServerTarget } from '../../../src/capture/target.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
// A notes server that keeps running when its stdin ends and ignores SIGTERM: only SIGKILL, at the end
// of the closing budget, ends it, so its connection is still being closed long after its lists came.
const STUBBORN: ServerTarget = { kind: 'stdio', command: process.execPath, args: [join(ROOT, 'fixtures', 'servers', 'unruly', 'server.js'), '--ignore-sigterm'] };

describe('the end of a capture’s connection', { timeout: 30_000 }, () => {
  it('captureServer gives the snapshot while the server is still being shut down, and `closed` settles once it is', async () => {
    const events: string[] = [];
    const { snapshot, closed } = await captureServer(STUBBORN, { onEvent: (event) => events.push(event.event) });
    expect(snapshot.server.name).toBe('notes');
    expect(snapshot.tools.length).toBeGreaterThan(0);
    expect(events).toContain('capture.start');
    expect(events).not.toContain('capture.end');
    await closed;
    expect(events.at(-1)).toBe('capture.end');
  });

  it('snapshotServer returns only once the connection is closed', async () => {
    const events: string[] = [];
    const snapshot = await snapshotServer(STUBBORN, { onEvent: (event) => events.push(event.event) });
    expect(snapshot.server.name).toBe('notes');
    expect(events.at(-1)).toBe('capture.end');
  });
});
