import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';
import { notesServer } from './servers.js';

interface JsonReport {
  summary: { breaking: number; risky: number; compatible: number; recommendedBump: string; failed: boolean };
  changes: { rule: string; severity: string; fingerprint: string; acknowledged: boolean }[];
}

describe('mcp-compat check (built CLI, real fixture servers over stdio)', () => {
  let v1Baseline: string;

  beforeAll(async () => {
    const dir = workdir();
    const created = await cli(['check', '--baseline', 'mcp-snapshot.json', '--update', '--', ...notesServer(1)], { cwd: dir });
    expect(created.code, created.stderr).toBe(0);
    expect(created.stderr).toContain('created baseline mcp-snapshot.json');
    v1Baseline = readFileSync(join(dir, 'mcp-snapshot.json'), 'utf8');
  });

  function withBaseline(): string {
    const dir = workdir();
    writeFileSync(join(dir, 'mcp-snapshot.json'), v1Baseline);
    return dir;
  }

  it('passes when the server still matches its baseline', async () => {
    const { code, stdout } = await cli(['check', '--', ...notesServer(1)], { cwd: withBaseline() });
    expect(code).toBe(0);
    expect(stdout).toContain('No changes.');
    expect(stdout).toContain('recommended bump: none; passed');
  });

  it('fails on breaking changes and ends with the refresh command', async () => {
    const { code, stdout } = await cli(['check', '--baseline', 'mcp-snapshot.json', '--', ...notesServer(2)], { cwd: withBaseline() });
    expect(code).toBe(1);
    expect(stdout).toContain('BREAKING (');
    expect(stdout).toMatch(/^ {4}mcp-compat acknowledge --reason "\.\.\." [0-9a-f]{12}( [0-9a-f]{12})*$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe(`    mcp-compat check --baseline mcp-snapshot.json --update -- ${notesServer(2).join(' ')}`);
  });

  it.each(['json', 'markdown', 'github', 'sarif', 'junit'])('--format %s exits 1 on breaking changes with a well-formed report', async (format) => {
    const { code, stdout } = await cli(['check', '--format', format, '--', ...notesServer(2)], { cwd: withBaseline() });
    expect(code).toBe(1);
    if (format === 'json' || format === 'sarif') expect(() => JSON.parse(stdout)).not.toThrow();
    if (format === 'markdown') expect(stdout).toContain('### ❌ mcp-compat');
    if (format === 'github') expect(stdout).toMatch(/^::error file=mcp-snapshot\.json,line=\d+,/m);
    if (format === 'junit') expect(stdout).toMatch(/<failure /);
  });

  it('--update rewrites the baseline after reporting, and exits 0', async () => {
    const dir = withBaseline();
    const updated = await cli(['check', '--update', '--', ...notesServer(2)], { cwd: dir });
    expect(updated.code).toBe(0);
    expect(updated.stdout).toContain('BREAKING (');
    expect(updated.stderr).toContain('updated baseline mcp-snapshot.json');
    expect(readFileSync(join(dir, 'mcp-snapshot.json'), 'utf8')).not.toBe(v1Baseline);
    expect((await cli(['check', '--', ...notesServer(2)], { cwd: dir })).code).toBe(0);
  });

  it('--update leaves the baseline untouched when the capture fails', async () => {
    const dir = withBaseline();
    const failed = await cli(['check', '--update', '--', process.execPath, '-e', 'process.exit(3)'], { cwd: dir });
    expect(failed.code).toBe(2);
    expect(failed.stderr.trim().split('\n')[0]).toMatch(/^mcp-compat: /);
    expect(readFileSync(join(dir, 'mcp-snapshot.json'), 'utf8')).toBe(v1Baseline);
  });

  it('exits 2 without a baseline, and on a server that does not start', async () => {
    const missing = await cli(['check', '--baseline', 'none.json', '--', ...notesServer(1)], { cwd: workdir() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Baseline none.json not found.');
    const noServer = await cli(['check'], { cwd: withBaseline() });
    expect(noServer.code).toBe(2);
    expect(noServer.stderr).toContain('No server to check.');
  });

  it('acknowledgements from the config file: valid ones pass, expired ones fail again', async () => {
    const dir = withBaseline();
    const first = JSON.parse((await cli(['check', '--format', 'json', '--', ...notesServer(2)], { cwd: dir })).stdout) as JsonReport;
    const breaking = first.changes.filter((change) => change.severity === 'breaking');
    expect(breaking.length).toBeGreaterThan(0);
    const write = (expires: string) =>
      writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ acknowledged: breaking.map((change) => ({ fingerprint: change.fingerprint, reason: 'v2 migration announced', expires })) }));

    write('2999-01-01');
    const valid = await cli(['check', '--format', 'json', '--', ...notesServer(2)], { cwd: dir });
    expect(valid.code).toBe(0);
    expect((JSON.parse(valid.stdout) as JsonReport).changes.filter((change) => change.acknowledged)).toHaveLength(breaking.length);

    write('2001-01-01');
    const expired = await cli(['check', '--', ...notesServer(2)], { cwd: dir });
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('expired on 2001-01-01');
  });

  it('--all checks every configured server; --name one of them; no target runs the only one', async () => {
    const dir = withBaseline();
    writeFileSync(join(dir, 'v1.json'), v1Baseline);
    writeFileSync(
      join(dir, 'mcp-compat.config.json'),
      JSON.stringify({ servers: { stable: { baseline: 'mcp-snapshot.json', command: notesServer(1) }, next: { baseline: 'v1.json', command: notesServer(2) } } }),
    );
    const all = await cli(['check', '--all', '--format', 'json'], { cwd: dir });
    expect(all.code).toBe(1);
    const entries = JSON.parse(all.stdout) as { target: string; report: JsonReport }[];
    expect(entries).toHaveLength(2);
    expect(entries.map((entry) => entry.target)).toEqual(['stable', 'next']);
    expect(entries.map((entry) => entry.report.summary.failed)).toEqual([false, true]);
    const stable = await cli(['check', '--name', 'stable'], { cwd: dir });
    expect(stable.code).toBe(0);
    const next = await cli(['check', '--name', 'next'], { cwd: dir });
    expect(next.code).toBe(1);
    expect(next.stdout.trimEnd().split('\n').at(-1)).toBe('    mcp-compat check --name next --update');
    const unknown = await cli(['check', '--name', 'ghost'], { cwd: dir });
    expect(unknown.code).toBe(2);

    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ servers: { stable: { baseline: 'mcp-snapshot.json', command: notesServer(1) } } }));
    expect((await cli(['check'], { cwd: dir })).code).toBe(0);
  });

  it('--require-bump fails when the server reports a version below the needed bump', async () => {
    const dir = withBaseline();
    const result = await cli(['check', '--require-bump', '--next-version', '1.0.1', '--fail-on', 'none', '--format', 'json', '--', ...notesServer(2)], { cwd: dir });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).summary.failed).toBe(true);
    expect((await cli(['check', '--next-version', '99.0.0', '--fail-on', 'none', '--', ...notesServer(2)], { cwd: dir })).code).toBe(0);
  });
});
