import { execFileSync } from 'node:child_process';
import { createReadStream, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
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

  it('through a symbolic link, replaces the file the link leads to and keeps the link', async () => {
    const dir = tempDir('mcp-compat-write-');
    mkdirSync(join(dir, 'baselines'));
    writeFileSync(join(dir, 'baselines', 'real.json'), 'old baseline');
    symlinkSync(join('baselines', 'real.json'), join(dir, 'mcp-snapshot.json'));
    await writeSnapshotFile(join(dir, 'mcp-snapshot.json'), snapshot);
    expect(lstatSync(join(dir, 'mcp-snapshot.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'mcp-snapshot.json'))).toBe(join('baselines', 'real.json'));
    expect(readFileSync(join(dir, 'baselines', 'real.json'), 'utf8')).toBe(serializeSnapshot(snapshot));
    expect(readdirSync(join(dir, 'baselines'))).toEqual(['real.json']);
  });

  it.skipIf(process.platform === 'win32')('writes into a FIFO (as into /dev/null or /dev/stdout) instead of replacing it with a file', async () => {
    const dir = tempDir('mcp-compat-write-');
    const fifo = join(dir, 'out.fifo');
    execFileSync('mkfifo', [fifo]);
    const received = new Promise<string>((done, fail) => {
      let text = '';
      createReadStream(fifo, 'utf8')
        .on('data', (chunk) => (text += chunk))
        .on('end', () => done(text))
        .on('error', fail);
    });
    await writeSnapshotFile(fifo, snapshot);
    expect(await received).toBe(serializeSnapshot(snapshot));
    expect(statSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['out.fifo']);
  });
});
