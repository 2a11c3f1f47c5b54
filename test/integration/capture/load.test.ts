import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { listen, stdio } from './fixture-servers.js';

const RAW = 'raw/server.js';
const TOOL_NAMES = Array.from({ length: 5000 }, (_, index) => `tool_${String(index).padStart(5, '0')}`);

describe('large and slow servers are captured whole', () => {
  it('5,000 tools, one a page, over stdio', async () => {
    const snapshot = await snapshotServer(stdio(RAW, '--tools', '5000', '--page-size', '1'), { timeoutMs: 60_000 });
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
  }, 60_000);

  it('5,000 tools, 100 a page, over HTTP', async () => {
    const server = await listen(RAW, '--http', '--tools', '5000', '--page-size', '100');
    try {
      const snapshot = await snapshotServer({ kind: 'http', url: server.url }, { timeoutMs: 60_000 });
      expect(snapshot.tools.map((tool) => tool.name)).toEqual(TOOL_NAMES);
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('a 10 MB tool description arrives byte for byte, and survives the snapshot text', async () => {
    const lines: string[] = [];
    const snapshot = await snapshotServer(stdio(RAW, '--big-description', String(10 * 1024 * 1024)), { timeoutMs: 60_000, onLog: (line) => lines.push(line) });
    const [, bytes, sha256] = /big_description: (\d+) bytes, sha256 ([0-9a-f]{64})/.exec(lines.join('\n')) ?? [];
    expect(Number(bytes)).toBeGreaterThan(10 * 1024 * 1024 - 64);
    const fromFile = (JSON.parse(serializeSnapshot(snapshot)) as Snapshot).tools.find((tool) => tool.name === 'big_description')?.description ?? '';
    expect(Buffer.byteLength(fromFile)).toBe(Number(bytes));
    expect(createHash('sha256').update(fromFile).digest('hex')).toBe(sha256);
  }, 60_000);

  it('a schema with a circular $ref is kept as the server sent it', async () => {
    const snapshot = await snapshotServer(stdio(RAW, '--circular-ref'));
    const tree = snapshot.tools.find((tool) => tool.name === 'tree');
    expect(tree?.inputSchema).toMatchObject({ properties: { root: { $ref: '#/$defs/node' } }, $defs: { node: { properties: { children: { items: { $ref: '#/$defs/node' } } } } } });
    const text = serializeSnapshot(snapshot);
    expect(serializeSnapshot(JSON.parse(text) as Snapshot)).toBe(text);
  });

  it('a server that answers every page late, inside the time limit', async () => {
    const [slow, prompt] = await Promise.all([
      snapshotServer(stdio(RAW, '--delay', '150', '--page-size', '1'), { timeoutMs: 10_000 }),
      snapshotServer(stdio(RAW, '--page-size', '1')),
    ]);
    expect(serializeSnapshot(slow)).toBe(serializeSnapshot(prompt));
    expect(slow.tools.map((tool) => tool.name)).toEqual(['add_note', 'find_notes']);
  });
});
