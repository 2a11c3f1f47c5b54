import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, workdir } from './cli.js';
import { notesServer } from './servers.js';

const BAD = join(ROOT, 'fixtures', 'snapshots', 'bad');
const GOOD = join(ROOT, 'fixtures', 'snapshots', 'golden', 'notes-v1.json');

/** `diff` of a good baseline against `file`, and the other way round: both exit 2 with one line. */
async function refused(file: string, cwd?: string): Promise<string> {
  const lines: string[] = [];
  for (const args of [['diff', GOOD, file], ['diff', file, GOOD, '--format', 'json']]) {
    const { code, stdout, stderr } = await cli(args, { cwd });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.endsWith('\n')).toBe(true);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toMatch(/^\s+at |internal error/m);
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    lines.push(stderr.trimEnd());
  }
  expect(lines[0]).toBe(lines[1]);
  return lines[0] as string;
}

describe('diff refuses a bad snapshot file with exit 2 and one line naming the file and the place', () => {
  it.each([
    ['merge-conflict.json', /merge-conflict\.json is not a valid snapshot: not JSON at line 85, column 1: unexpected "<" .*\(a merge conflict marker/],
    ['truncated.json', /truncated\.json is not a valid snapshot: not JSON: the file ends inside a string at line \d+, column \d+; it looks truncated\./],
    ['empty.json', /empty\.json is not a valid snapshot: not JSON \(the file is empty\)\./],
    ['format-version-2.json', /format-version-2\.json is not a valid snapshot: at \/formatVersion is 2, but this version of mcp-compat reads format 1 only\. A newer mcp-compat wrote it/],
    ['schema-not-object.json', /schema-not-object\.json is not a valid snapshot: at \/tools\/3\/inputSchema must be object\./],
    ['duplicate-key.json', /duplicate-key\.json is not a valid snapshot: the key "name" appears twice in the object at \/tools\/0 \(line 128, column 7, and line 129, column 7\); JSON would keep only the last one\. Recreate it/],
    ['duplicate-tool.json', /duplicate-tool\.json is not a valid snapshot: at \/tools\/1 has the same name as \/tools\/0 \("create_note"\)/],
    ['unknown-hostile-key.json', /unknown-hostile-key\.json is not a valid snapshot: at \/tools\\u001b\]8;;https:~1~1evil\.example\\u0007\\u001b\[2J\\u000a:… is not a known property/],
  ])('%s', async (name, message) => {
    expect(await refused(join(BAD, name))).toMatch(new RegExp(`^mcp-compat: fixtures/snapshots/bad/${message.source}`));
  });

  it('a file of 200 MB is refused before it is read', async () => {
    const dir = workdir();
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, readFileSync(GOOD));
    truncateSync(huge, 200 * 1024 * 1024);
    expect(await refused(huge, dir)).toBe('mcp-compat: Cannot read snapshot huge.json: it is 200 MiB, and a snapshot file may have at most 100 MiB. No server\'s snapshot is that large: check that it is the right file.');
  });

  it('100,000 nested arrays, or an object nested that deep inside a tool, are refused with a pointer', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'arrays.json'), '['.repeat(100_000) + ']'.repeat(100_000));
    expect(await refused('arrays.json', dir)).toBe(
      'mcp-compat: arrays.json is not a valid snapshot: at /0/0/0/0/0/0/0/0/… is nested deeper than 1000 levels of arrays and objects, more than a snapshot may have. Recreate it with `mcp-compat snapshot -o FILE ...`.',
    );
    const snapshot = JSON.parse(readFileSync(GOOD, 'utf8')) as { tools: Array<{ inputSchema: { properties: Record<string, unknown> } }> };
    (snapshot.tools[0] as { inputSchema: { properties: Record<string, unknown> } }).inputSchema.properties.deep = 0;
    const deep = JSON.stringify(snapshot).replace('"deep":0', `"deep":${'{"items":'.repeat(100_000)}{}${'}'.repeat(100_000)}`);
    writeFileSync(join(dir, 'deep.json'), deep);
    expect(await refused('deep.json', dir)).toMatch(/^mcp-compat: deep\.json is not a valid snapshot: at \/tools\/0\/inputSchema\/properties\/deep\/items\/items\/items\/… is nested deeper than 1000 levels/);
  });

  it('a missing file and a folder', async () => {
    const dir = workdir();
    expect(await refused('absent.json', dir)).toBe('mcp-compat: Cannot read snapshot absent.json: no such file.');
    expect(await refused(dir, dir)).toMatch(/^mcp-compat: Cannot read snapshot .*: it is a directory\.$/);
  });

  it('check, even with --update, refuses a bad baseline and leaves it exactly as it was', async () => {
    const dir = workdir();
    for (const name of ['truncated.json', 'merge-conflict.json']) {
      const original = readFileSync(join(BAD, name));
      writeFileSync(join(dir, name), original);
      for (const update of [[], ['--update']]) {
        const { code, stdout, stderr } = await cli(['check', '--baseline', name, ...update, '--', ...notesServer(1)], { cwd: dir });
        expect(code).toBe(2);
        expect(stdout).toBe('');
        expect(stderr.trimEnd().split('\n')).toHaveLength(1);
        expect(stderr).toMatch(new RegExp(`^mcp-compat: ${name.replace('.', '\\.')} is not a valid snapshot: not JSON`));
        expect(readFileSync(join(dir, name)).equals(original)).toBe(true);
      }
    }
  });
});

describe('config files with a key written twice are refused with exit 2, one line, the file, line and column', () => {
  it('the project config (diff) and a client config (snapshot --config)', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'mcp-compat.config.json'), '{\n  "failOn": "none",\n  "failOn": "breaking"\n}\n');
    const project = await cli(['diff', GOOD, GOOD], { cwd: dir });
    expect(project.code).toBe(2);
    expect(project.stdout).toBe('');
    expect(project.stderr).toBe(
      `mcp-compat: ${join(dir, 'mcp-compat.config.json')}: the key "failOn" appears twice in the object at / (line 2, column 3, and line 3, column 3); JSON would keep only the last one.\n`,
    );
    writeFileSync(join(dir, 'mcp.json'), '{"mcpServers": {"notes": {"command": "node", "env": {"TOKEN": "s3cr3t-value", "TOKEN": "other"}}}}\n');
    const client = await cli(['snapshot', '--config', 'mcp.json', '--server', 'notes'], { cwd: dir });
    expect(client.code).toBe(2);
    expect(client.stdout).toBe('');
    expect(client.stderr).toMatch(/^mcp-compat: Client config .*mcp\.json is not valid JSON: the key "TOKEN" appears twice in the object at \/mcpServers\/notes\/env \(line 1, column 54, and line 1, column 79\); JSON would keep only the last one\.\n$/);
    expect(client.stderr).not.toContain('s3cr3t-value');
  });
});
