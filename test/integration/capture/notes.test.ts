import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotMcpServer } from '../../../src/capture/in-process.js';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { createNotesServer } from '../../../fixtures/servers/notes/notes-server.js';
import { table as v1 } from '../../../fixtures/servers/notes/v1/table.js';
import { golden, listen, type RunningServer, stdio } from './fixture-servers.js';

describe('the notes server, captured for real', () => {
  it.each([1, 2, 3])('over stdio, version %i matches its golden snapshot', async (version) => {
    const snapshot = await snapshotServer(stdio(`notes/v${version}/server.js`));
    expect(serializeSnapshot(snapshot)).toBe(golden(`notes-v${version}`));
  });

  it('two captures of the same server are byte-identical', async () => {
    const [first, second] = await Promise.all([snapshotServer(stdio('notes/v2/server.js')), snapshotServer(stdio('notes/v2/server.js'))]);
    expect(serializeSnapshot(first)).toBe(serializeSnapshot(second));
  });

  it('in process, through snapshotMcpServer, gives the same snapshot as over stdio', async () => {
    const snapshot = await snapshotMcpServer(createNotesServer(v1));
    expect(serializeSnapshot(snapshot)).toBe(golden('notes-v1'));
  });

  describe('over the network on 127.0.0.1', () => {
    let http: RunningServer;
    let guarded: RunningServer;
    let sse: RunningServer;
    let stateful: RunningServer;
    beforeAll(async () => {
      [http, guarded, sse, stateful] = await Promise.all([
        listen('notes/v3/server.js', '--http'),
        listen('notes/v1/server.js', '--http', '--token', 'tok-123'),
        listen('notes/v2/server.js', '--sse'),
        listen('notes/v2/server.js', '--http', '--stateful'),
      ]);
    });
    afterAll(async () => {
      await Promise.all([http?.stop(), guarded?.stop(), sse?.stop(), stateful?.stop()]);
    });

    it('Streamable HTTP with sessions: same snapshot, and the session is ended when the capture is done', async () => {
      expect(serializeSnapshot(await snapshotServer({ kind: 'http', url: stateful.url }))).toBe(golden('notes-v2'));
      await expect.poll(() => stateful.stderr()).toContain('session ended (0 open)');
    });

    it('Streamable HTTP gives the same snapshot as stdio', async () => {
      expect(serializeSnapshot(await snapshotServer({ kind: 'http', url: http.url }))).toBe(golden('notes-v3'));
    });

    it('legacy SSE gives the same snapshot as stdio', async () => {
      expect(serializeSnapshot(await snapshotServer({ kind: 'sse', url: sse.url }))).toBe(golden('notes-v2'));
    });

    it('sends --header values, and never writes them into the snapshot', async () => {
      const snapshot = await snapshotServer({ kind: 'http', url: guarded.url, headers: { Authorization: 'Bearer tok-123' } });
      const text = serializeSnapshot(snapshot);
      expect(text).toBe(golden('notes-v1'));
      expect(text).not.toContain('tok-123');
    });

    it('a refused connection is one clear error that does not echo the credentials', async () => {
      const error = await snapshotServer({ kind: 'http', url: guarded.url, headers: { Authorization: 'Bearer wrong-secret' } }).catch((e: Error) => e);
      expect(error).toBeInstanceOf(Error);
      expect((error as Error).message).toMatch(/refused the connection \(HTTP 401\)/);
      expect((error as Error).message).not.toContain('wrong-secret');
    });
  });
});
