import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSarif } from '../support/sarif-schema.js';
import { cli, ROOT, type RunResult, workdir } from './cli.js';

// The built CLI as a user runs it: one process per case, each case asserting all it can.
const UNSATISFIABLE = join(ROOT, 'fixtures', 'lint', 'input-schema-unsatisfiable', 'snapshot.json');
const UNDESCRIBED = join(ROOT, 'fixtures', 'lint', 'tool-parameter-description-missing', 'snapshot.json');
const LONG_NAME = join(ROOT, 'fixtures', 'lint', 'client-api-limit-exceeded', 'snapshot.json');
const validateJson = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'lint-report.schema.json'), 'utf8')) as object);

describe('mcp-compat lint', { timeout: 60_000 }, () => {
  let dir: string;
  let sarifRun: RunResult;
  let stdinRun: RunResult;
  let liveRun: RunResult;
  let configRun: RunResult;
  let flagRun: RunResult;
  let badRun: RunResult;
  let strayFlagRun: RunResult;
  let unknownRuleRun: RunResult;
  let clientRun: RunResult;
  let unknownClientRun: RunResult;

  beforeAll(async () => {
    dir = workdir();
    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ lint: { failOn: 'warning', rules: { 'tool-parameter-description-missing': 'warning' } } }));
    writeFileSync(join(dir, 'broken.json'), '{"formatVersion": 1, "tools": [');
    const other = workdir();
    writeFileSync(join(other, 'mcp-compat.config.json'), JSON.stringify({ lint: { rules: { 'tool-removed': 'off' } } }));
    [sarifRun, stdinRun, liveRun, configRun, flagRun, badRun, strayFlagRun, unknownRuleRun, clientRun, unknownClientRun] = await Promise.all([
      cli(['lint', 'fixtures/lint/input-schema-unsatisfiable/snapshot.json', '--format', 'sarif', '-o', join(dir, 'lint.sarif')]),
      cli(['lint', '-', '--format', 'json'], { input: readFileSync(UNSATISFIABLE, 'utf8') }),
      cli(['lint', '--format', 'junit', '--', process.execPath, join(ROOT, 'fixtures', 'servers', 'notes', 'v1', 'server.js')]),
      cli(['lint', UNDESCRIBED], { cwd: dir }),
      // --rule before the file: each --rule takes one value, the file stays the file.
      cli(['lint', '--rule', 'tool-parameter-description-missing=info', UNDESCRIBED, '--format', 'github'], { cwd: dir }),
      cli(['lint', 'broken.json'], { cwd: dir }),
      cli(['lint', '--env', 'TOKEN=s3cret', UNDESCRIBED]),
      cli(['lint', UNDESCRIBED], { cwd: other }),
      cli(['lint', LONG_NAME, '--client', 'openai', '--format', 'json']),
      cli(['lint', LONG_NAME, '--client', 'openai,cursr']),
    ]);
  });

  it('a snapshot file, SARIF written with -o: exit 1 on errors, valid SARIF located in the file', () => {
    expect(sarifRun.code, sarifRun.stderr).toBe(1);
    expect(sarifRun.stdout).toBe('');
    expect(sarifRun.stderr).toBe(`mcp-compat: wrote ${join(dir, 'lint.sarif')} (6 errors, 0 warnings, 0 info)\n`);
    const sarif = JSON.parse(readFileSync(join(dir, 'lint.sarif'), 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = sarif.runs[0]?.results ?? [];
    expect(results).toHaveLength(6);
    expect(new Set(results.map((result) => result.ruleId))).toEqual(new Set(['input-schema-unsatisfiable']));
    expect(results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('fixtures/lint/input-schema-unsatisfiable/snapshot.json');
  });

  it('a snapshot on stdin (-), JSON report: valid against its schema, exit 1', () => {
    expect(stdinRun.code, stdinRun.stderr).toBe(1);
    const report = JSON.parse(stdinRun.stdout) as { summary: { error: number; failed: boolean }; findings: { rule: string }[] };
    expect(validateJson(report), JSON.stringify(validateJson.errors)).toBe(true);
    expect(report.summary).toMatchObject({ error: 6, failed: true });
    expect(stdinRun.stderr).toBe('');
  });

  it('a live stdio server (the notes fixture, v1): JUnit, exit 0 with infos only', () => {
    expect(liveRun.code, liveRun.stderr).toBe(0);
    expect(liveRun.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="mcp-compat" tests="\d+" failures="0" errors="0">/);
    expect(liveRun.stdout).toContain('classname="mcp-compat.lint.tool"');
  });

  it('the project config sets fail-on and a severity: exit 1 on a warning', () => {
    expect(configRun.code, configRun.stderr).toBe(1);
    expect(configRun.stdout).toContain('WARNING (1)');
    expect(configRun.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 1 warning, 0 info; FAILED (fail-on: warning)');
  });

  it('--rule wins over the project config: exit 0', () => {
    expect(flagRun.code, flagRun.stderr).toBe(0);
    expect(flagRun.stdout).toMatch(/^::notice file=.*snapshot\.json,line=\d+,title=info%3A tool-parameter-description-missing \(tool search\)::/);
    expect(flagRun.stdout.trimEnd().split('\n').at(-1)).toBe('mcp-compat lint: 0 errors, 0 warnings, 1 info; passed (fail-on: warning)');
  });

  it('a broken snapshot file: exit 2 and one line naming it, no stack trace', () => {
    expect(badRun.code).toBe(2);
    expect(badRun.stdout).toBe('');
    expect(badRun.stderr.split('\n')).toHaveLength(2);
    expect(badRun.stderr).toMatch(/^mcp-compat: .*broken\.json/);
    expect(badRun.stderr).not.toMatch(/\n\s+at /);
  });

  it('a capture flag with a snapshot file: exit 2, refused rather than ignored, the value not shown', () => {
    expect(strayFlagRun.code).toBe(2);
    expect(strayFlagRun.stderr).toBe('mcp-compat: --env applies to a live server, not to a snapshot file. Drop it, or lint the server itself: mcp-compat lint -- COMMAND ARGS.\n');
  });

  it('a lint rule id the project config names but no lint rule has: exit 2, one line naming the file', () => {
    expect(unknownRuleRun.code).toBe(2);
    expect(unknownRuleRun.stderr).toBe('mcp-compat: mcp-compat.config.json: "lint.rules" names an unknown lint rule id "tool-removed". docs/rules.md lists the lint rules.\n');
  });

  it('--client openai: a tool name over 64 characters is an error naming OpenAI, exit 1', () => {
    expect(clientRun.code, clientRun.stderr).toBe(1);
    const report = JSON.parse(clientRun.stdout) as { summary: { error: number }; findings: { rule: string; severity: string; message: string }[] };
    expect(validateJson(report), JSON.stringify(validateJson.errors)).toBe(true);
    expect(report.findings.map((finding) => [finding.rule, finding.severity])).toEqual([['client-api-limit-exceeded', 'error']]);
    expect(report.findings[0]?.message).toContain('breaks OpenAI function calling: OpenAI function calling rejects the name: it is 66 characters (at most 64) (openai/tool-name; source: https://');
  });

  it('an unknown client: exit 2, one line naming it and the known ones', () => {
    expect(unknownClientRun.code).toBe(2);
    expect(unknownClientRun.stdout).toBe('');
    expect(unknownClientRun.stderr).toBe(
      'mcp-compat: Unknown client "cursr" in --client (did you mean "cursor"?); known clients: openai, anthropic, gemini, cursor, vscode, claude-code. docs/clients.md lists their limits.\n',
    );
  });
});
