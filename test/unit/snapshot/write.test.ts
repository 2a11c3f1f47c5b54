import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../../support/temp-dir.js';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { writeSnapshotFile } from '../../../src/snapshot/write.js';

const snapshot: Snapshot = {
  formatVersion: 1,
  client: { capabilities: {} },
  server: { name: 's', version: '2', protocolVersion: '2025-06-18', capabilities: {} },
  tools: [],
  prompts: [],
  resources: [],
  resourceTemplates: [],
};

describe('writeSnapshotFile', () => {
  it('writes the canonical text, creating folders, and leaves no temporary file behind', async () => {
    const dir = tempDir('mcp-compat-write-');
    const path = join(dir, 'nested', 'snap.json');
    await writeSnapshotFile(path, snapshot);
    expect(readFileSync(path, 'utf8')).toBe(serializeSnapshot(snapshot));
    expect(readdirSync(join(dir, 'nested'))).toEqual(['snap.json']);
  });

  it('replaces an existing file in one step', async () => {
    const dir = tempDir('mcp-compat-write-');
    const path = join(dir, 'snap.json');
    writeFileSync(path, 'old baseline');
    await writeSnapshotFile(path, snapshot);
    expect(readFileSync(path, 'utf8')).toBe(serializeSnapshot(snapshot));
  });

  it('when the rename fails, the old file is untouched and the temporary file is removed', async () => {
    const dir = tempDir('mcp-compat-write-');
    const path = join(dir, 'snap.json');
    mkdirSync(path); // a folder where the file should go: rename fails
    writeFileSync(join(path, 'keep'), 'x');
    await expect(writeSnapshotFile(path, snapshot)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['snap.json']);
    expect(readFileSync(join(path, 'keep'), 'utf8')).toBe('x');
  });
});
