import { describe, expect, it } from 'vitest';
import { combine } from '../../../src/commands/reporting.js';
import { renderReport } from '../../../src/report/index.js';
import { sampleReport } from '../report/sample.js';

describe('combine (check --all)', () => {
  const reports = [sampleReport(), sampleReport({ failOn: 'none' })];

  it('json: an array of reports', () => {
    const parsed = JSON.parse(combine(reports.map((report) => renderReport(report, 'json')), 'json')) as { summary: { failed: boolean } }[];
    expect(parsed.map((report) => report.summary.failed)).toEqual([true, false]);
  });

  it('sarif: one log, a run per server', () => {
    const log = JSON.parse(combine(reports.map((report) => renderReport(report, 'sarif')), 'sarif')) as { version: string; runs: unknown[] };
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(2);
  });

  it('junit: one document, a suite per server, totals summed', () => {
    const xml = combine(reports.map((report) => renderReport(report, 'junit')), 'junit');
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
    expect(xml.match(/<testsuite /g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="mcp-compat" tests="8" failures="2" errors="0">');
  });

  it('text and markdown: one section per server, under its name', () => {
    const text = combine(reports.map((report) => renderReport(report, 'text')), 'text', ['one', 'two']);
    expect(text.startsWith('== one ==\n')).toBe(true);
    expect(text).toContain('\n== two ==\n');
    const markdown = combine(reports.map((report) => renderReport(report, 'markdown')), 'markdown', ['one', 'two']);
    expect(markdown).toContain('## two\n\n### ');
  });
});
