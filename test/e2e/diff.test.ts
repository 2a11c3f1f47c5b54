import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { BIN, cli, ROOT, workdir } from './cli.js';
import { validateSarif } from '../support/sarif-schema.js';

const reportSchema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object;
const validateReport = new Ajv2020({ allErrors: true }).compile(reportSchema);

interface JsonReport {
  summary: { breaking: number; risky: number; compatible: number; recommendedBump: string; failOn: string; failed: boolean };
  changes: { rule: string; severity: string; name: string; pointer: string; fingerprint: string; acknowledged: boolean }[];
}

function diffIn(dir: string, ...args: string[]) {
  return cli(['diff', 'base.json', 'head.json', ...args], { cwd: dir });
}

describe('mcp-compat diff (built CLI)', () => {
  it('text: grouped report, summary with the bump, what to do, exit 1 on breaking', async () => {
    const dir = workdir('breaking');
    const { code, stdout, stderr } = await diffIn(dir);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^notes 1\.0\.0 -> notes 1\.1\.0\n/);
    expect(stdout).toContain('BREAKING (');
    expect(stdout).toContain('tool delete_note');
    expect(stdout).toMatch(/recommended bump: major; FAILED \(fail-on: breaking\)/);
    expect(stdout).toContain('What to do now:');
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('    cp head.json base.json');
    expect(stdout).not.toContain('\u001b[');
  });

  it('colours with FORCE_COLOR and not with NO_COLOR', async () => {
    const dir = workdir('breaking');
    expect((await cli(['diff', 'base.json', 'head.json'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
    expect((await cli(['diff', 'base.json', 'head.json'], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('json: the design §6 document, valid against the published schema', async () => {
    const dir = workdir('breaking');
    const { code, stdout } = await diffIn(dir, '--format', 'json');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.summary).toMatchObject({ recommendedBump: 'major', failOn: 'breaking', failed: true });
    expect(report.summary.breaking).toBeGreaterThanOrEqual(2);
    expect(report.summary.risky).toBeGreaterThanOrEqual(1);
    const rules = report.changes.map((change) => `${change.rule} ${change.name}`);
    expect(rules).toContain('tool-removed delete_note');
    expect(rules).toContain('tool-added tag_note');
    expect(report.changes.find((change) => change.name === 'search' && change.severity === 'breaking')?.pointer).toBe('/inputSchema/properties/mode/enum');
  });

  it.each([
    ['unchanged', 'breaking', 0],
    ['compatible', 'breaking', 0],
    ['compatible', 'compatible', 1],
    ['compatible', 'none', 0],
    ['risky', 'breaking', 0],
    ['risky', 'risky', 1],
    ['breaking', 'none', 0],
    ['breaking', 'risky', 1],
  ])('%s pair with --fail-on %s exits %i', async (pair, failOn, expected) => {
    const { code, stdout } = await diffIn(workdir(pair), '--fail-on', failOn, '--format', 'json');
    expect(code).toBe(expected);
    expect((JSON.parse(stdout) as JsonReport).summary.failed).toBe(expected === 1);
  });

  it('markdown: summary table, details per tool, server text escaped', async () => {
    const { code, stdout } = await diffIn(workdir('hostile'), '--format', 'markdown');
    expect(code).toBe(1);
    expect(stdout).toContain('| Severity | Changes | Acknowledged |');
    expect(stdout).toContain('<details><summary>Tool <code>notes_&#60;img src=x onerror=alert(1)&#62;</code>');
    // Inside fenced code blocks text is literal; everywhere else no HTML or escape may survive.
    const outsideCode = stdout.replace(/^ *(`{3,})[^\n]*\n[\s\S]*?^ *\1$/gm, '');
    expect(outsideCode).toContain('Tool <code>notes');
    expect(outsideCode).not.toMatch(/<img|<script|\u001b|^::error::/m);
    expect(stdout).not.toContain('\u001b');
  });

  it('github: workflow commands located in the baseline file', async () => {
    const { code, stdout } = await diffIn(workdir('breaking'), '--format', 'github');
    expect(code).toBe(1);
    const errors = stdout.split('\n').filter((line) => line.startsWith('::error '));
    expect(errors.length).toBeGreaterThanOrEqual(2);
    expect(errors.some((line) => /^::error file=base\.json,line=\d+,title=breaking%3A tool-removed \(tool delete_note\)::/.test(line))).toBe(true);
    expect(stdout.split('\n').some((line) => line.startsWith('::warning '))).toBe(true);
    const hostile = await diffIn(workdir('hostile'), '--format', 'github');
    for (const line of hostile.stdout.trimEnd().split('\n')) expect(line).toMatch(/^(::(error|warning|notice) |mcp-compat: |To accept|Refresh)/);
  });

  it('sarif: valid SARIF 2.1.0 with results at the tool lines of the baseline', async () => {
    const dir = workdir('breaking');
    const { code, stdout } = await diffIn(dir, '--format', 'sarif');
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout) as { runs: { tool: { driver: { version?: string } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0]!.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    const removed = sarif.runs[0]!.results.find((result) => result.ruleId === 'tool-removed')!;
    const { uri } = removed.locations[0]!.physicalLocation.artifactLocation;
    const line = removed.locations[0]!.physicalLocation.region.startLine;
    expect(uri).toBe('base.json');
    const baseLines = readFileSync(join(dir, 'base.json'), 'utf8').split('\n');
    // The result points at the opening of the delete_note tool object.
    expect(baseLines[line - 1]).toBe('    {');
    const end = baseLines.indexOf('    }', line);
    expect(baseLines.slice(line - 1, end).join('\n')).toContain('      "name": "delete_note"');
  });

  it('sarif: a baseline read from a pipe still gets line numbers (each file is read once)', async () => {
    const dir = workdir('breaking');
    const script = `exec "${process.execPath}" "${BIN}" diff <(cat base.json) head.json --format sarif`;
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
      const child = spawn('bash', ['-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      child.on('error', reject);
      child.on('close', (exit) => resolve({ code: exit, stdout: out }));
    });
    expect(code).toBe(1);
    const sarif = JSON.parse(stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region?: { startLine: number } } }[] }[] }[] };
    const removed = sarif.runs[0]!.results.find((result) => result.ruleId === 'tool-removed')!;
    const line = removed.locations[0]!.physicalLocation.region?.startLine;
    expect(line).toBeGreaterThan(1);
    expect(readFileSync(join(dir, 'base.json'), 'utf8').split('\n')[line! - 1]).toBe('    {');
  });

  it.each([
    [['--format', 'json']],
    [['--format=sarif', '--fail-on', 'risky']],
    [['--format', 'markdown', '--require-bump', '--next-version', '1.1.0']],
    [['-q', '--format', 'github', '-v']],
    [['--format', 'junit', '--next-version', 'not-a-version']],
  ])('the start-up path of diff prints what oclif prints, with the same exit code: %j', async (flags) => {
    const dir = workdir('breaking');
    const fast = await cli(['diff', 'base.json', 'head.json', ...flags], { cwd: dir });
    const oclif = await cli(['diff', 'base.json', 'head.json', ...flags], { cwd: dir, env: { MCP_COMPAT_FAST_PATH: '0' } });
    expect(fast).toEqual(oclif);
    expect(fast.stdout.length + fast.stderr.length).toBeGreaterThan(0);
  });

  it('the start-up path and oclif fail alike on a missing file', async () => {
    const dir = workdir('breaking');
    const fast = await cli(['diff', 'base.json', 'missing.json'], { cwd: dir });
    const oclif = await cli(['diff', 'base.json', 'missing.json'], { cwd: dir, env: { MCP_COMPAT_FAST_PATH: '0' } });
    expect(fast.code).toBe(2);
    expect(fast).toEqual(oclif);
    expect(fast.stderr).toBe('mcp-compat: Cannot read snapshot missing.json: no such file.\n');
  });

  it('junit: a test case per tool, failures for breaking changes', async () => {
    const { code, stdout } = await diffIn(workdir('breaking'), '--format', 'junit');
    expect(code).toBe(1);
    const names = [...stdout.matchAll(/<testcase classname="mcp-compat\.tool" name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toEqual(['create_note', 'delete_note', 'search', 'tag_note']);
    expect(stdout).toMatch(/<testcase classname="mcp-compat\.tool" name="delete_note">\n\s+<failure message="[^"]*" type="tool-removed">/);
    expect(stdout).toMatch(/<testcase classname="mcp-compat\.tool" name="create_note"><\/testcase>/);
  });

  it('reads the project config: failOn, severity overrides, acknowledgements (valid and expired)', async () => {
    const dir = workdir('breaking');
    const first = JSON.parse((await diffIn(dir, '--format', 'json')).stdout) as JsonReport;
    const failing = first.changes.filter((change) => change.severity === 'breaking');
    const config = (acknowledged: object[], extra: object = {}) =>
      writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ acknowledged, ...extra }, null, 2));

    config(failing.map((change) => ({ fingerprint: change.fingerprint, reason: 'announced in 1.0 release notes', expires: '2999-12-31' })));
    const acknowledged = await diffIn(dir, '--format', 'json');
    expect(acknowledged.code).toBe(0);
    const report = JSON.parse(acknowledged.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ breaking: failing.length, failed: false });
    expect(report.changes.filter((change) => change.acknowledged)).toHaveLength(failing.length);

    const text = await diffIn(dir);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('acknowledged: announced in 1.0 release notes');

    config([{ fingerprint: failing[0]!.fingerprint, reason: 'was fine last year', expires: '2000-01-01' }, ...failing.slice(1).map((change) => ({ fingerprint: change.fingerprint, reason: 'ok' }))]);
    const expired = await diffIn(dir);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toContain('expired on 2000-01-01');
    expect(expired.stdout).toContain(`mcp-compat acknowledge --reason "..." ${failing[0]!.fingerprint}\n`);

    // Fields instead of a fingerprint; failOn from the file.
    const removed = first.changes.find((change) => change.rule === 'tool-removed')!;
    const others = failing.filter((change) => change !== removed).map((change) => ({ fingerprint: change.fingerprint, reason: 'ok' }));
    config([{ rule: 'tool-removed', entity: 'tool', name: 'delete_note', pointer: removed.pointer, reason: 'deprecated for a year' }, ...others], { failOn: 'risky' });
    const byFields = await diffIn(dir, '--format', 'json');
    expect((JSON.parse(byFields.stdout) as JsonReport).summary.failOn).toBe('risky');
    expect(byFields.code).toBe(1);
    expect((await diffIn(dir, '--fail-on', 'breaking')).code).toBe(0);

    // A severity override turns the risky change into a compatible one.
    config([], { severity: { 'tool-read-only-hint-removed': 'compatible' } });
    const overridden = JSON.parse((await diffIn(dir, '--format', 'json', '--fail-on', 'risky')).stdout) as JsonReport;
    expect(overridden.changes.find((change) => change.rule === 'tool-read-only-hint-removed')?.severity).toBe('compatible');
  });

  it('finds the config in package.json when walking up from a subfolder', async () => {
    const dir = workdir('risky');
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', 'mcp-compat': { failOn: 'risky' } }));
    mkdirSync(join(dir, 'sub'));
    const result = await cli(['diff', '../base.json', '../head.json', '--format', 'json'], { cwd: join(dir, 'sub') });
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as JsonReport).summary.failOn).toBe('risky');
  });

  it('--require-bump fails a minor release that removes a tool, and passes a major one', async () => {
    const dir = workdir('breaking');
    const minor = await diffIn(dir, '--require-bump', '--fail-on', 'none');
    expect(minor.code).toBe(1);
    expect(minor.stdout).toContain('version too low');
    expect((await diffIn(dir, '--next-version', '2.0.0', '--fail-on', 'none')).code).toBe(0);
    expect((await diffIn(dir, '--next-version', '1.2.0', '--fail-on', 'none')).code).toBe(1);
    expect((await diffIn(workdir('compatible'), '--require-bump')).code).toBe(0);
  });

  it.each([
    [['diff', 'base.json', 'missing.json'], /missing\.json/],
    [['diff', 'base.json', join(ROOT, 'fixtures', 'snapshots', 'truncated.json')], /truncated\.json/],
    [['diff', 'base.json', 'head.json', '--format', 'yaml'], /format/],
    [['diff', 'base.json', 'head.json', '--fail-on', 'major'], /fail-on/],
    [['diff', 'base.json', 'head.json', '--next-version', 'two'], /--next-version "two"/],
    [['diff', 'base.json'], /Missing 1 required arg/],
  ])('exits 2 with one clear line: %j', async (args, message) => {
    const { code, stdout, stderr } = await cli(args, { cwd: workdir('breaking') });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('exits 2 naming the file and pointer of an invalid project config', async () => {
    const dir = workdir('breaking');
    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ acknowledged: [{ fingerprint: '0123456789ab' }] }));
    const { code, stderr } = await diffIn(dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/mcp-compat\.config\.json: invalid project config at \/acknowledged\/0\/reason/);
  });
});
