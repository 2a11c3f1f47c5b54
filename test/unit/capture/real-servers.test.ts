import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { toSnapshot } from '../../../src/capture/normalise.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { validateSnapshot } from '../../../src/snapshot/read.js';

const REAL = fileURLToPath(new URL('../../../fixtures/real-servers', import.meta.url));
const captures = readdirSync(REAL, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((dir) => readdirSync(join(REAL, dir.name)).map((file) => join(dir.name, file)));

interface RawCapture {
  serverInfo: unknown;
  protocolVersion: string;
  capabilities: unknown;
  instructions?: string;
  tools: unknown[];
  prompts: unknown[];
  resources: unknown[];
  resourceTemplates: unknown[];
}

describe('wire content of published servers becomes valid, canonical snapshots', () => {
  it('finds the captures', () => {
    expect(captures.length).toBeGreaterThanOrEqual(10);
  });

  it.each(captures)('%s', async (file) => {
    const raw = JSON.parse(readFileSync(join(REAL, file), 'utf8')) as RawCapture;
    const snapshot = toSnapshot({ ...raw, clientCapabilities: {}, notes: [] });
    expect(await validateSnapshot(JSON.parse(serializeSnapshot(snapshot)))).toEqual([]);
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(raw.tools.map((tool) => (tool as { name: string }).name).sort());
    // Every field the server sent survives (2020-12 $schema, zod's integer bounds, execution, title).
    for (const tool of raw.tools as { name: string }[]) expect(snapshot.tools.find((t) => t.name === tool.name)).toEqual(tool);
    // Canonical: reading the text back and writing it again changes nothing.
    const text = serializeSnapshot(snapshot);
    expect(serializeSnapshot(JSON.parse(text) as Snapshot)).toBe(text);
  });
});
