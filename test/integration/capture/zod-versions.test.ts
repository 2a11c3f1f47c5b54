import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { describe, expect, it } from 'vitest';
import { z as z3 } from 'zod';
import { z as z4 } from 'zod/v4';
import { snapshotMcpServer } from '../../../src/capture/in-process.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

// The same tool written with zod 3 and with zod 4, registered with the real SDK, which turns each
// into JSON Schema its own way (zod-to-json-schema for zod 3, zod 4's own toJSONSchema): what a
// server's users see when its author upgrades zod and changes nothing else.
type Zod = typeof z3 | typeof z4;

function notesServer(z: Zod, version: string): McpServer {
  const zod = z as typeof z3; // both versions expose this builder API; the SDK accepts either
  const server = new McpServer({ name: 'zod-notes', version });
  server.registerTool(
    'search',
    {
      description: 'Search notes',
      inputSchema: {
        query: zod.string().min(1).max(200),
        mode: zod.enum(['fast', 'exact']).default('fast'),
        limit: zod.number().int().min(1).max(100).optional(),
        tags: zod.array(zod.string()).optional(),
        filters: zod.record(zod.string(), zod.string()).optional(),
        kind: zod.union([zod.literal('note'), zod.literal('task')]).optional(),
        summary: zod.string().nullable().optional(),
        page: zod.object({ cursor: zod.string(), size: zod.number().int().positive().optional() }).optional(),
        target: zod
          .discriminatedUnion('type', [zod.object({ type: zod.literal('folder'), path: zod.string() }), zod.object({ type: zod.literal('tag'), name: zod.string() })])
          .optional(),
      },
      outputSchema: { hits: zod.array(zod.object({ id: zod.string(), score: zod.number() })), total: zod.number().int() },
    },
    async () => ({ content: [], structuredContent: { hits: [], total: 0 } }),
  );
  return server;
}

const verdicts = (base: Snapshot, head: Snapshot) => diffSnapshots(base, head).changes.map((change) => `${change.severity} ${change.rule} ${change.pointer}`);

describe('the same tools written with zod 3 and with zod 4 (real SDK)', () => {
  it('upgrading zod breaks nothing: the objects zod 3 closed are open now, a widening of inputs', async () => {
    const [zod3, zod4] = await Promise.all([snapshotMcpServer(notesServer(z3, '1.0.0')), snapshotMcpServer(notesServer(z4, '1.0.1'))]);
    expect(zod3.tools[0]?.inputSchema).not.toEqual(zod4.tools[0]?.inputSchema);
    const upgrade = verdicts(zod3, zod4);
    expect(upgrade.filter((verdict) => !verdict.startsWith('compatible'))).toEqual([]);
    expect(upgrade).toContain('compatible input-additional-properties-opened /inputSchema/additionalProperties');
    // Going back closes them again: that narrowing is real, and reported.
    expect(verdicts(zod4, zod3)).toContain('breaking input-additional-properties-closed /inputSchema/additionalProperties');
  });
});
