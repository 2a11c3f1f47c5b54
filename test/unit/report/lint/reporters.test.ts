import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { buildLintReport, type LintReport } from '../../../../src/policy/lint-report.js';
import { renderLintReport } from '../../../../src/report/lint/index.js';
import { REPORT_FORMATS } from '../../../../src/report/formats.js';
import { LINT_RULES } from '../../../../src/rules/lint-registry.js';
import type { Snapshot, ToolSnapshot } from '../../../../src/snapshot/model.js';
import { serializeSnapshot } from '../../../../src/snapshot/canonical.js';
import { validateSarif } from '../../../support/sarif-schema.js';

const validateJson = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../../../schemas/lint-report.schema.json', import.meta.url), 'utf8')) as object);

function tool(name: string, extra: Partial<ToolSnapshot> = {}): ToolSnapshot {
  return { name, description: 'Does one thing.', inputSchema: { type: 'object', properties: { q: { type: 'string', description: 'Query' } } }, ...extra };
}

function snapshot(tools: ToolSnapshot[]): Snapshot {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'lint-example', version: '1.2.0', protocolVersion: '2025-11-25', capabilities: { tools: {} } },
    tools,
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
}

// One error (a space in a name), one warning (no description), one info (a parameter without one),
// and a hostile name: an escape sequence, a bidi control and markup.
const SAMPLE = snapshot([
  tool('search docs'),
  tool('sync', { description: undefined }),
  tool('fetch', { inputSchema: { type: 'object', properties: { url: { type: 'string' } } } }),
  tool('evil\u001b[31m\u202e<b>[x](http://e)', {}),
]);
const TEXT = serializeSnapshot(SAMPLE);

function report(failOn: 'error' | 'warning' | 'info' | 'none' = 'error', rules = {}): LintReport {
  return buildLintReport({ snapshot: SAMPLE, rules: LINT_RULES, policy: { failOn, rules }, source: { path: 'mcp-snapshot.json', text: TEXT } });
}

describe('buildLintReport', () => {
  it('counts per severity, marks what fails, and points at the line of each entity', () => {
    const r = report();
    expect(r.summary).toEqual({ error: 2, warning: 1, info: 1, failing: 2, failOn: 'error', failed: true });
    expect(r.findings.map((f) => f.severity)).toEqual(['error', 'error', 'warning', 'info']);
    expect(r.findings.filter((f) => f.failing).map((f) => f.rule)).toEqual(['tool-name-invalid-characters', 'tool-name-invalid-characters']);
    const sync = r.findings.find((f) => f.name === 'sync');
    // The line of the tool's opening brace (1-based), as in diff reports.
    const lines = TEXT.split('\n');
    const nameLine = lines.findIndex((line) => line.includes('"name": "sync"'));
    expect(sync?.location).toEqual({ path: 'mcp-snapshot.json', line: lines.slice(0, nameLine).lastIndexOf('    {') + 1 });
    expect(r.findings.every((f) => /^[0-9a-f]{12}$/.test(f.fingerprint))).toBe(true);
  });

  it('applies severity settings and turns rules off', () => {
    const r = report('warning', { 'tool-name-invalid-characters': 'off', 'tool-parameter-description-missing': 'warning' });
    expect(r.disabled).toEqual(['tool-name-invalid-characters']);
    expect(r.rules.map((rule) => rule.id)).not.toContain('tool-name-invalid-characters');
    expect(r.summary).toEqual({ error: 0, warning: 2, info: 0, failing: 2, failOn: 'warning', failed: true });
    expect(r.findings.find((f) => f.rule === 'tool-parameter-description-missing')).toMatchObject({ severity: 'warning', defaultSeverity: 'info', failing: true });
  });

  it('never fails with fail-on none', () => {
    expect(report('none').summary).toMatchObject({ failed: false, failing: 0, error: 2 });
  });
});

describe('lint reporters', () => {
  const r = report();

  it('json: exactly the schema, with the server strings kept exactly', () => {
    const document = JSON.parse(renderLintReport(r, 'json')) as { findings: { name: string }[] };
    expect(validateJson(document), JSON.stringify(validateJson.errors)).toBe(true);
    expect(document.findings.map((f) => f.name)).toContain('evil\u001b[31m\u202e<b>[x](http://e)');
    expect(renderLintReport(r, 'json')).not.toMatch(/[\u202e]/);
  });

  it('sarif: valid against the official schema, one descriptor per rule that ran', () => {
    const sarif = JSON.parse(renderLintReport(r, 'sarif', { toolVersion: '1.0.0' })) as { runs: { tool: { driver: { rules: unknown[] } }; results: { ruleId: string; level: string; locations?: unknown[] }[] }[] };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0]?.tool.driver.rules).toHaveLength(LINT_RULES.length);
    expect(sarif.runs[0]?.results.map((x) => x.level)).toEqual(['error', 'error', 'warning', 'note']);
    expect(sarif.runs[0]?.results.every((x) => x.locations?.length === 1)).toBe(true);
  });

  it('text: a line per finding, the summary last, nothing that drives a terminal', () => {
    const text = renderLintReport(r, 'text');
    expect(text).toContain('ERROR (2)');
    expect(text).toContain('INFO (1)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('2 errors, 1 warning, 1 info; FAILED (fail-on: error)');
    expect(text).not.toMatch(/[\u001b\u202e]/);
  });

  it('text: a finding repeated on 3 or more entities is one line with the names, the rest stay per entity', () => {
    const many = snapshot([...Array.from({ length: 12 }, (_, i) => tool(`tool_${String(i).padStart(2, '0')}`, { description: undefined })), tool('search docs')]);
    const grouped = buildLintReport({ snapshot: many, rules: LINT_RULES, policy: { failOn: 'error', rules: {} } });
    const text = renderLintReport(grouped, 'text');
    expect(text).toContain('WARNING (12)');
    expect(text).toContain('  - tool-description-missing at /description on 12 tools: tool_00, tool_01, tool_02, tool_03, tool_04, tool_05, tool_06, tool_07, and 4 more\n');
    expect(text).toContain('      e.g. Tool `tool_00` has no description');
    expect(text.match(/tool-description-missing/g)).toHaveLength(1);
    // A single finding is not a group: it keeps its entity heading and its fingerprint.
    expect(text).toMatch(/ {2}tool search docs\n {4}x .*\[tool-name-invalid-characters [0-9a-f]{12}\]/);
    expect(text.split('\n').length).toBeLessThan(15);
  });

  it('markdown: a table row per finding, with server text made inert', () => {
    const markdown = renderLintReport(r, 'markdown');
    expect(markdown).toContain('### ❌ mcp-compat lint: 2 findings at or above error');
    expect(markdown.split('\n').filter((line) => line.startsWith('| 🔴') || line.startsWith('| 🟠') || line.startsWith('| 🔵')).length).toBe(4 + 3);
    expect(markdown).not.toContain('<b>');
    expect(markdown).not.toContain('](http');
  });

  it('markdown: leaves rows out whole past the budget, and says so', () => {
    const markdown = renderLintReport(r, 'markdown', { markdownBudget: 1200 });
    expect(markdown.length).toBeLessThanOrEqual(1200);
    expect(markdown).toMatch(/_To keep this comment under 1,200 characters, \d findings? (is|are) left out/);
  });

  it('github: an annotation per finding at its line, then the summary', () => {
    const lines = renderLintReport(r, 'github').trimEnd().split('\n');
    expect(lines.filter((line) => line.startsWith('::error ')).length).toBe(2);
    expect(lines.filter((line) => line.startsWith('::warning ')).length).toBe(1);
    expect(lines.filter((line) => line.startsWith('::notice ')).length).toBe(1);
    expect(lines[0]).toMatch(/^::error file=mcp-snapshot\.json,line=\d+,title=error%3A tool-name-invalid-characters/);
    expect(lines.at(-1)).toBe('mcp-compat lint: 2 errors, 1 warning, 1 info; FAILED (fail-on: error)');
  });

  it('junit: a test case per tool, failing for the findings at or above fail-on', () => {
    const xml = renderLintReport(r, 'junit');
    expect(xml).toContain('tests="4" failures="2"');
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain('<system-out>');
    expect(xml).not.toMatch(/[\u001b\u202e]/);
  });

  it('renders every format for a clean snapshot', () => {
    const clean = buildLintReport({ snapshot: snapshot([tool('search')]), rules: LINT_RULES, policy: { failOn: 'error' } });
    for (const format of REPORT_FORMATS) expect(renderLintReport(clean, format).length, format).toBeGreaterThan(10);
    expect(renderLintReport(clean, 'text')).toContain('No findings.');
  });
});
