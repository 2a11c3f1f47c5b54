import { describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { parseSnapshot } from '../../../src/snapshot/read.js';
import { failure } from './expect-failure.js';
import { stdio } from './fixture-servers.js';

const WHO = 'Server `node …/servers/raw/server.js';
const DEEP = 'sent an invalid tools/list result: arrays and objects nested deeper than a snapshot may hold (1000 levels from its top) in tool "deep", at /inputSchema/properties/a/properties/a/properties/a/properties/….';

describe('a capture refuses what a snapshot file cannot hold, as diff and check would refuse the file', () => {
  it('a tool with an empty name', async () => {
    const error = await failure(snapshotServer(stdio('raw/server.js', '--tool-name', ''), { timeoutMs: 20_000 }));
    expect(error.message).toBe(`${WHO} --tool-name …\` sent an invalid tools/list result: tool 3 has an empty "name".`);
    expect(error.hint).toBe('Clients address a tool by its name: give every tool a non-empty one.');
  });

  it.each([499, 5000, 100_000])('a schema nested %i levels deep: refused with the tool and the place, never a stack overflow', async (levels) => {
    const error = await failure(snapshotServer(stdio('raw/server.js', '--deep-schema', String(levels)), { timeoutMs: 30_000 }));
    expect(error.message).toBe(`${WHO} --deep-schema …\` ${DEEP}`);
  }, 60_000);

  it('the same over protocol 2026-07-28 (the v2 client)', async () => {
    const error = await failure(snapshotServer(stdio('raw/server.js', '--modern', '--deep-schema', '5000'), { timeoutMs: 30_000 }));
    expect(error.message).toBe(`${WHO} --modern …\` ${DEEP}`);
  }, 60_000);

  it('the deepest schema a snapshot may hold is captured, and the file reads back the same', async () => {
    // 498 levels of {"type":"object","properties":{"a":...}}: 1,000 levels of arrays and objects counted from the snapshot's top.
    const snapshot = await snapshotServer(stdio('raw/server.js', '--deep-schema', '498'), { timeoutMs: 30_000 });
    const text = serializeSnapshot(snapshot);
    expect(serializeSnapshot(await parseSnapshot(text, 'deep.json'))).toBe(text);
  }, 60_000);
});
