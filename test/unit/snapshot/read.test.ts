import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { tempDir } from '../../support/temp-dir.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSnapshot, validateSnapshot } from '../../../src/snapshot/read.js';
import { UserError } from '../../../src/errors.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = tempDir('mcp-compat-read-');

const valid = {
  formatVersion: 1,
  client: { capabilities: {} },
  server: { name: 's', version: '1', protocolVersion: '2025-06-18', capabilities: {} },
  tools: [{ name: 'search', inputSchema: { type: 'object' } }],
  prompts: [],
  resources: [],
  resourceTemplates: [],
};

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function message(path: string): Promise<string> {
  const error = await readSnapshot(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('readSnapshot', () => {
  it('reads a valid file', async () => {
    expect(await readSnapshot(file('ok.json', valid))).toEqual(valid);
  });

  it('names the file and the JSON Pointer of the problem', async () => {
    const broken = { ...valid, tools: [{ name: 'search', inputSchema: 'object' }] };
    expect(await message(file('type.json', broken))).toMatch(/type\.json is not a valid snapshot: at \/tools\/0\/inputSchema must be object\./);
    const missing = { ...valid, tools: [{ name: 'search' }] };
    expect(await message(file('missing.json', missing))).toMatch(/missing\.json is not a valid snapshot: at \/tools\/0\/inputSchema is missing \(required property "inputSchema"\)/);
    const { server: _server, ...noServer } = valid;
    expect(await message(file('noserver.json', noServer))).toMatch(/at \/server is missing/);
  });

  it('counts further problems', async () => {
    expect(await message(file('many.json', { ...valid, prompts: [{}, {}] }))).toMatch(/\(and 1 more problem\)/);
  });

  it('says so for a truncated, empty or non-JSON file', async () => {
    expect(await message(file('truncated.json', JSON.stringify(valid, null, 2).slice(0, 80)))).toMatch(/truncated\.json is not a valid snapshot: not JSON/);
    expect(await message(file('empty.json', ''))).toMatch(/empty\.json is not a valid snapshot: not JSON \(the file is empty\)/);
    expect(await message(join(dir, 'absent.json'))).toMatch(/Cannot read snapshot .*absent\.json: no such file\./);
  });

  it('refuses another format version by name', async () => {
    expect(await message(file('v2.json', { ...valid, formatVersion: 2 }))).toMatch(/at \/formatVersion is 2, but this version of mcp-compat reads format 1 only/);
  });

  it('refuses unknown top-level members (a typo would otherwise pass silently)', async () => {
    expect(await message(file('typo.json', { ...valid, tool: [] }))).toMatch(/at \/tool is not a known property/);
  });
});

describe('every snapshot file committed in fixtures/ is valid against schemas/snapshot.schema.json', () => {
  const files: string[] = [];
  const walk = (path: string) => {
    for (const name of readdirSync(path)) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) walk(child);
      else if (/^(base|head|notes-v\d|paged|legacy-.*|modern-.*|[\d.]+)\.json$/.test(name) && !child.includes('real-servers')) files.push(child);
    }
  };
  walk(join(ROOT, 'fixtures', 'snapshots'));
  walk(join(ROOT, 'fixtures', 'rules'));

  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(50);
  });

  it.each(files.map((path) => [path.slice(ROOT.length)]))('%s', async (relative) => {
    const { readFile } = await import('node:fs/promises');
    expect(await validateSnapshot(JSON.parse(await readFile(join(ROOT, relative), 'utf8')))).toEqual([]);
  });
});
