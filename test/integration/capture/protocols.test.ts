import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { golden, listen, type RunningServer, stdio } from './fixture-servers.js';

describe('servers of every protocol revision in use', () => {
  it.each(['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'])('records the revision a %s server answers with', async (revision) => {
    const snapshot = await snapshotServer(stdio('raw/server.js', '--protocol', revision));
    expect(snapshot.server.protocolVersion).toBe(revision);
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['add_note', 'find_notes']);
  });

  it('matches the golden snapshot of a server that only speaks 2024-11-05', async () => {
    expect(serializeSnapshot(await snapshotServer(stdio('raw/server.js', '--protocol', '2024-11-05')))).toBe(golden('legacy-2024-11-05'));
  });

  it('captures a 2026-07-28 server, which has no initialize, through server/discover', async () => {
    const snapshot = await snapshotServer(stdio('raw/server.js', '--modern'));
    expect(snapshot.server).toMatchObject({ name: 'notes-legacy', version: '0.9.0', protocolVersion: '2026-07-28' });
    expect(serializeSnapshot(snapshot)).toBe(golden('modern-2026-07-28'));
  });

  describe('over Streamable HTTP', () => {
    let older: RunningServer;
    let modern: RunningServer;
    beforeAll(async () => {
      [older, modern] = await Promise.all([listen('raw/server.js', '--http', '--protocol', '2025-03-26'), listen('raw/server.js', '--http', '--modern')]);
    });
    afterAll(async () => {
      await Promise.all([older?.stop(), modern?.stop()]);
    });

    it('a 2025-03-26 server', async () => {
      expect((await snapshotServer({ kind: 'http', url: older.url })).server.protocolVersion).toBe('2025-03-26');
    });

    it('a 2026-07-28 server, which answers initialize with HTTP 400 and -32022, gives the same snapshot as over stdio', async () => {
      expect(serializeSnapshot(await snapshotServer({ kind: 'http', url: modern.url }))).toBe(golden('modern-2026-07-28'));
    });
  });
});

describe('untidy servers', () => {
  it('treats resources/templates/list answered with -32601 as no templates, and notes it', async () => {
    const snapshot = await snapshotServer(stdio('raw/server.js', '--no-templates', '--list-meta'));
    expect(snapshot.resourceTemplates).toEqual([]);
    expect(snapshot.notes).toEqual(['resources/templates/list answered -32601 (method not found); recorded as no resource templates']);
    expect(serializeSnapshot(snapshot)).toBe(golden('legacy-no-templates'));
  });

  it('drops per-connection _meta of list results but keeps a tool\'s own _meta', async () => {
    const [plain, noisy] = await Promise.all([snapshotServer(stdio('raw/server.js')), snapshotServer(stdio('raw/server.js', '--list-meta'))]);
    expect(serializeSnapshot(noisy)).toBe(serializeSnapshot(plain));
    expect(noisy.tools.find((tool) => tool.name === 'find_notes')?._meta).toEqual({ 'com.example/owner': 'notes-team' });
  });

  it('reads every page of every list (2 items a page) in canonical order', async () => {
    const snapshot = await snapshotServer(stdio('paged/server.js'));
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['lookup_alpha', 'lookup_bravo', 'lookup_charlie', 'lookup_delta', 'lookup_echo']);
    expect(snapshot.prompts).toHaveLength(5);
    expect(snapshot.resources).toHaveLength(5);
    expect(snapshot.resourceTemplates).toHaveLength(3);
    expect(serializeSnapshot(snapshot)).toBe(golden('paged'));
  });
});

describe('client capabilities', () => {
  it('declares roots, sampling and elicitation by default, records them, and answers the server\'s roots/list with an error', async () => {
    const snapshot = await snapshotServer(stdio('raw/server.js', '--protocol', '2025-06-18', '--ask-roots'));
    expect(snapshot.client.capabilities).toEqual({ elicitation: {}, roots: {}, sampling: {} });
    // The server names a tool after the answer it got to roots/list: -32601 from the capturing client.
    expect(snapshot.tools.map((tool) => tool.name)).toContain('roots_error_32601');
  });

  it('declares only what --client-capabilities chooses', async () => {
    const none = await snapshotServer(stdio('raw/server.js'), { clientCapabilities: [] });
    expect(none.client.capabilities).toEqual({});
    const some = await snapshotServer(stdio('raw/server.js'), { clientCapabilities: ['sampling', 'roots'] });
    expect(some.client.capabilities).toEqual({ roots: {}, sampling: {} });
  });
});
