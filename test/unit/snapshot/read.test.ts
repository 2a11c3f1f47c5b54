import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tempDir } from '../../support/temp-dir.js';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_SNAPSHOT_BYTES, MAX_SNAPSHOT_DEPTH, readSnapshot, validateSnapshot } from '../../../src/snapshot/read.js';
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
  // Messages name the file as given; the temporary folder is left out to compare them whole.
  return (error as UserError).message.split(`${dir}/`).join('');
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

  it('says where a file stops being JSON, by line and column', async () => {
    const text = JSON.stringify(valid, null, 2);
    expect(await message(file('cut.json', text.slice(0, 80)))).toMatch(
      /^cut\.json is not a valid snapshot: not JSON: the file ends inside an object at line \d+, column \d+; it looks truncated\.$/,
    );
    expect(await message(file('cut-string.json', text.slice(0, text.indexOf('"search"') + 4)))).toMatch(/the file ends inside a string at line 14, column 19; it looks truncated/);
    expect(await message(file('comma.json', text.replace('"prompts": []', '"prompts": [],\n}').slice(0, text.indexOf('"resources"'))))).toMatch(/not JSON/);
    expect(await message(file('trailing.json', '{\n  "formatVersion": 1,\n}\n'))).toBe('trailing.json is not a valid snapshot: not JSON at line 3, column 1: "}" right after a comma (a trailing comma is not JSON).');
    expect(await message(file('conflict.json', `${text.slice(0, 20)}\n<<<<<<< HEAD\n${text.slice(20)}`))).toMatch(/not JSON at line 3, column 1: unexpected "<" .*\(a merge conflict marker/);
    expect(await message(file('extra.json', `${text}\n{}`))).toMatch(/not JSON at line \d+, column 1: unexpected "\{" after the end of the JSON document\.$/);
    expect(await message(file('control.json', '{"formatVersion": "\u001b[31m"}'))).toMatch(/not JSON at line 1, column 20: U\+001B inside a string/);
  });

  it('reads a file that starts with a byte order mark', async () => {
    expect(await readSnapshot(file('bom.json', `\ufeff${JSON.stringify(valid)}`))).toEqual(valid);
  });

  it('refuses a schema that is not an object, naming its pointer', async () => {
    const tools = [{ name: 'a', inputSchema: { type: 'object' } }, { name: 'b', inputSchema: { type: 'object' } }, { name: 'c', inputSchema: { type: 'object' } }, { name: 'd', inputSchema: 5 }];
    expect(await message(file('five.json', { ...valid, tools }))).toBe(
      'five.json is not a valid snapshot: at /tools/3/inputSchema must be object.',
    );
    expect(await message(file('output.json', { ...valid, tools: [{ name: 'a', inputSchema: { type: 'object' }, outputSchema: [] }] }))).toMatch(/at \/tools\/0\/outputSchema must be object/);
  });

  it('refuses two entities with the same identity: the diff would ignore one of them', async () => {
    const twice = { ...valid, tools: [valid.tools[0], { name: 'search', inputSchema: { type: 'object', properties: {} } }] };
    expect(await message(file('twice.json', twice))).toMatch(/at \/tools\/1 has the same name as \/tools\/0 \("search"\)/);
    const argTwice = { ...valid, prompts: [{ name: 'p', arguments: [{ name: 'x' }, { name: 'x', required: true }] }] };
    expect(await message(file('arg-twice.json', argTwice))).toMatch(/at \/prompts\/0\/arguments\/1 has the same name as \/prompts\/0\/arguments\/0/);
    const uriTwice = { ...valid, resources: [{ uri: 'a://x', name: 'x' }, { uri: 'a://x', name: 'y' }] };
    expect(await message(file('uri-twice.json', uriTwice))).toMatch(/at \/resources\/1 has the same uri/);
  });

  it('refuses a key written twice in one object, with the line and column of both (JSON.parse would keep the last)', async () => {
    const text = JSON.stringify(valid, null, 2).replace('"name": "search",', '"name": "search",\n      "name": "find",');
    expect(await message(file('twice-key.json', text))).toBe(
      'twice-key.json is not a valid snapshot: the key "name" appears twice in the object at /tools/0 (line 14, column 7, and line 15, column 7); JSON would keep only the last one.',
    );
    const escaped = JSON.stringify({ ...valid, tools: [{ name: 'search', inputSchema: { type: 'object', properties: { q: {}, x: {} } } }] }).replace('"x":', '"\\u0071":');
    expect(await message(file('twice-escaped.json', escaped))).toMatch(/^twice-escaped\.json is not a valid snapshot: the key "q" appears twice in the object at \/tools\/0\/inputSchema\/properties \(line 1, column \d+, and line 1, column \d+\)/);
  });

  it('refuses nesting deeper than MAX_SNAPSHOT_DEPTH with a pointer, without overflowing the stack', async () => {
    const nested = (depth: number): string => `${'{"a":'.repeat(depth)}{}${'}'.repeat(depth)}`;
    const text = (depth: number) => JSON.stringify({ ...valid, tools: [{ name: 'deep', inputSchema: { type: 'object' }, _meta: { x: 0 } }] }).replace('{"x":0}', nested(depth));
    expect(await message(file('deep.json', text(100_000)))).toBe(
      `deep.json is not a valid snapshot: at /tools/0/_meta/a/a/a/a/a/… is nested deeper than ${MAX_SNAPSHOT_DEPTH} levels of arrays and objects, more than a snapshot may have.`,
    );
    const arrays = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(await message(file('arrays.json', arrays))).toMatch(/^arrays\.json is not a valid snapshot: at \/0\/0\/0\/0\/0\/0\/0\/0\/… is nested deeper than/);
    // Levels: the document 1, tools 2, the tool 3, then _meta's d objects and the innermost {}: 4 to d + 4.
    await expect(readSnapshot(file('deep-ok.json', text(MAX_SNAPSHOT_DEPTH - 4)))).resolves.toBeDefined();
    await expect(readSnapshot(file('deep-no.json', text(MAX_SNAPSHOT_DEPTH - 3)))).rejects.toThrow(/nested deeper/);
  });

  it('refuses a file over MAX_SNAPSHOT_BYTES before reading it', async () => {
    const path = join(dir, 'huge.json');
    writeFileSync(path, '');
    truncateSync(path, MAX_SNAPSHOT_BYTES + 1);
    expect(await message(path)).toMatch(/^Cannot read snapshot .*huge\.json: it is 101 MiB, and a snapshot file may have at most 100 MiB\.$/);
  });

  it.skipIf(process.platform === 'win32')('reads a pipe, up to the same limit', async () => {
    const fifo = (name: string, content: Buffer | string): string => {
      const path = join(dir, name);
      execFileSync('mkfifo', [path]);
      // The writer may be cut off when the reader stops early; that is the point of the second case.
      const writer = spawn(process.execPath, ['-e', 'process.stdin.pipe(require("fs").createWriteStream(process.argv[1])).on("error", () => {})', path], { stdio: ['pipe', 'ignore', 'ignore'] });
      writer.stdin.on('error', () => {});
      writer.stdin.end(content);
      return path;
    };
    expect(await readSnapshot(fifo('ok.pipe', JSON.stringify(valid)))).toEqual(valid);
    expect(await message(fifo('huge.pipe', Buffer.alloc(MAX_SNAPSHOT_BYTES + 1, 0x20)))).toMatch(/^Cannot read snapshot .*huge\.pipe: it is over 100 MiB, and a snapshot file may have at most 100 MiB\.$/);
  });

  it('says so for a folder', async () => {
    expect(await message(dir)).toMatch(/Cannot read snapshot .*: it is a directory\./);
  });

  it('shows names and values from the file without control characters', async () => {
    const escaped = await message(file('esc.json', `{"formatVersion": "\\u001b]8;;https://x\\u0007\\u202e"}`));
    expect(escaped).toMatch(/at \/formatVersion is "\\u001b\]8;;https:\/\/x\\u0007\\u202e", but this version/);
    expect(escaped).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    const key = await message(file('key.json', `{${JSON.stringify(valid).slice(1, -1)}, "evil\\n::error::x\\u001b[2J": 1}`));
    expect(key).toMatch(/at \/evil\\u000a::error::x\\u001b\[2J is not a known property/);
    expect(key).not.toMatch(/[\u0000-\u001f]/);
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
