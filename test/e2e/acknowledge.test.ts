import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, type RunResult, workdir } from './cli.js';

interface JsonReport {
  summary: { failed: boolean; breaking: number };
  changes: { rule: string; severity: string; fingerprint: string; acknowledged: boolean }[];
}

const diffJson = async (dir: string, ...args: string[]) => JSON.parse((await cli(['diff', 'base.json', 'head.json', '--format', 'json', ...args], { cwd: dir })).stdout) as JsonReport;

/** The built CLI with `input` on stdin, as in `mcp-compat check --format json | mcp-compat ack ... --report -`. */
const withStdin = (args: readonly string[], input: string, cwd: string): Promise<RunResult> => cli(args, { cwd, input, env: { NO_COLOR: '1' } });

describe('mcp-compat acknowledge (built CLI)', () => {
  it('--all BASE HEAD: the command the failure footer names writes every failing change, and the diff then passes', async () => {
    const dir = workdir('big-release');
    const failed = await cli(['diff', 'base.json', 'head.json'], { cwd: dir });
    expect(failed.code).toBe(1);
    const suggested = failed.stdout.split('\n').find((line) => line.includes('mcp-compat acknowledge'))?.trim();
    expect(suggested).toBe('mcp-compat acknowledge --reason "..." --all base.json head.json');

    const ack = await cli(['acknowledge', '--reason', 'zod 4 upgrade, announced in 3.5', '--all', 'base.json', 'head.json'], { cwd: dir });
    expect(ack).toMatchObject({ code: 0, stdout: '' });
    expect(ack.stderr).toBe('mcp-compat: acknowledged 238 changes in mcp-compat.config.json\n');
    const config = JSON.parse(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')) as { acknowledged: { fingerprint: string; rule: string; reason: string }[] };
    expect(config.acknowledged).toHaveLength(238);
    expect(config.acknowledged[0]).toMatchObject({ rule: expect.any(String), reason: 'zod 4 upgrade, announced in 3.5' });

    const after = await diffJson(dir);
    expect(after.summary).toMatchObject({ failed: false, breaking: 238 });
    expect(after.changes.filter((change) => change.acknowledged)).toHaveLength(238);
    const again = await cli(['ack', '--reason', 'again', '--all', 'base.json', 'head.json'], { cwd: dir });
    expect(again).toMatchObject({ code: 0, stderr: 'mcp-compat: nothing new to acknowledge\n' });
  });

  it('by fingerprint, into an existing config whose other keys and formatting stay as they were; known ones are skipped', async () => {
    const dir = workdir('breaking');
    const original = '{\n  "failOn": "breaking",\n  "severity": { "tool-read-only-hint-removed": "compatible" },\n  "acknowledged": []\n}\n';
    writeFileSync(join(dir, 'mcp-compat.config.json'), original);
    const failing = (await diffJson(dir)).changes.filter((change) => change.severity === 'breaking').map((change) => change.fingerprint);
    const first = await cli(['acknowledge', '--reason', 'v1 clients migrated', '--expires', '2999-01-01', failing[0]!], { cwd: dir });
    expect(first.code).toBe(0);
    const text = readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8');
    expect(text).toBe(original.replace('"acknowledged": []', `"acknowledged": [\n    { "fingerprint": "${failing[0]}", "reason": "v1 clients migrated", "expires": "2999-01-01" }\n  ]`));
    const second = await cli(['ack', '--reason', 'v1 clients migrated', ...failing], { cwd: dir });
    expect(second.stderr).toBe('mcp-compat: acknowledged 1 change in mcp-compat.config.json (1 already acknowledged)\n');
    expect((await cli(['diff', 'base.json', 'head.json'], { cwd: dir })).code).toBe(0);
  });

  it('an acknowledgement accepts the change it names, not the next one at the same place: another property made required, another enum value removed', async () => {
    const dir = workdir('acknowledged-then-more');
    const first = await diffJson(dir);
    expect(first.changes.map((change) => change.rule).sort()).toEqual(['input-enum-value-removed', 'input-required-property-added']);
    expect((await cli(['acknowledge', '--reason', 'folder is always sent; exact was never used', '--all', 'base.json', 'head.json'], { cwd: dir })).code).toBe(0);
    expect((await diffJson(dir)).summary.failed).toBe(false);

    // The next release makes `mode` required as well and removes `fuzzy` too: both are new, and the run fails on them.
    const next = JSON.parse((await cli(['diff', 'base.json', 'next.json', '--format', 'json'], { cwd: dir })).stdout) as JsonReport;
    expect(next.summary.failed).toBe(true);
    const open = next.changes.filter((change) => !change.acknowledged);
    expect(open.map((change) => change.rule).sort()).toEqual(['input-enum-value-removed', 'input-required-property-added']);
    expect(next.changes.filter((change) => change.acknowledged).map((change) => change.rule)).toEqual(['input-required-property-added']);
    expect(new Set(next.changes.map((change) => change.fingerprint)).size).toBe(next.changes.length);
    expect((await cli(['diff', 'base.json', 'next.json'], { cwd: dir })).code).toBe(1);
  });

  it('--all --report -: reads a saved JSON report from stdin and writes full entries into package.json\'s "mcp-compat" key', async () => {
    const dir = workdir('breaking');
    writeFileSync(join(dir, 'package.json'), '{\n  "name": "notes-server",\n  "mcp-compat": {\n    "failOn": "risky"\n  }\n}\n');
    const report = (await cli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir })).stdout;
    const failing = (JSON.parse(report) as JsonReport).changes.filter((change) => change.severity !== 'compatible');
    const result = await withStdin(['acknowledge', '--reason', 'reviewed', '--all', '--report', '-'], report, dir);
    expect(result).toMatchObject({ code: 0, stderr: `mcp-compat: acknowledged ${failing.length} changes in package.json\n` });
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; 'mcp-compat': { acknowledged: Record<string, string>[] } };
    expect(manifest.name).toBe('notes-server');
    expect(manifest['mcp-compat'].acknowledged.map((entry) => entry.fingerprint)).toEqual(failing.map((change) => change.fingerprint));
    expect(Object.keys(manifest['mcp-compat'].acknowledged[0]!)).toEqual(['fingerprint', 'rule', 'entity', 'name', 'pointer', 'reason']);
    expect((await cli(['diff', 'base.json', 'head.json'], { cwd: dir })).code).toBe(0);
  });

  it('--all --report -: reads the array of check --all, skipping the servers that could not be checked', async () => {
    const dir = workdir('breaking');
    const report = JSON.parse((await cli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir })).stdout) as JsonReport;
    const checkAll = JSON.stringify([{ target: 'notes', report }, { target: 'broken', error: 'server exited before answering initialize' }]);
    const result = await withStdin(['acknowledge', '--reason', 'reviewed', '--all', '--report', '-'], checkAll, dir);
    const failing = report.changes.filter((change) => change.severity === 'breaking');
    expect(result).toMatchObject({ code: 0, stderr: `mcp-compat: acknowledged ${failing.length} changes in mcp-compat.config.json\n` });
    expect((await cli(['diff', 'base.json', 'head.json'], { cwd: dir })).code).toBe(0);
  });

  it.each([
    [['--all', 'base.json', 'head.json'], /Missing required flag reason/],
    [['--reason', '...', '--all', 'base.json', 'head.json'], /--reason must say why/],
    [['--reason', 'ok'], /Nothing to acknowledge\. Give the fingerprints/],
    [['--reason', 'ok', 'delete_note'], /"delete_note" is not a fingerprint/],
    [['--reason', 'ok', '--all', 'base.json'], /--all needs the two snapshot files/],
    [['--reason', 'ok', '--all', '--report', 'missing.json'], /Cannot read the report missing\.json: no such file/],
    [['--reason', 'ok', '--all', '--report', 'base.json'], /base\.json is not a JSON report of mcp-compat/],
    [['--reason', 'ok', '--expires', 'soon', '0123456789ab'], /--expires "soon" is not a date/],
  ])('%j: one line, exit 2, no config written', async (args, message) => {
    const dir = workdir('breaking');
    const result = await cli(['acknowledge', ...args], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(() => readFileSync(join(dir, 'mcp-compat.config.json'))).toThrow();
  });
});
