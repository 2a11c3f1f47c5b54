import { describe, expect, it } from 'vitest';
import { type CheckOutcome, renderCheckAll } from '../../../src/commands/check-all-output.js';
import { sampleReport } from '../report/sample.js';

describe('renderCheckAll (check --all): one entry per configured server, failed ones included', () => {
  const outcomes: CheckOutcome[] = [
    { target: 'one', report: sampleReport() },
    { target: 'two', report: sampleReport({ failOn: 'none' }) },
    { target: 'broken', error: 'Server `node server.js` closed the connection (the process exited) while starting.' },
  ];
  const render = (format: Parameters<typeof renderCheckAll>[1]) => renderCheckAll(outcomes, format, { color: false, toolVersion: '1.2.3' });

  it('json: an array of {target, report} and {target, error}, in the configured order', () => {
    const parsed = JSON.parse(render('json')) as Array<{ target: string; report?: { summary: { failed: boolean } }; error?: string }>;
    expect(parsed.map((entry) => entry.target)).toEqual(['one', 'two', 'broken']);
    expect(parsed.map((entry) => entry.report?.summary.failed)).toEqual([true, false, undefined]);
    expect(parsed[2]).toEqual({ target: 'broken', error: outcomes[2] && 'error' in outcomes[2] ? outcomes[2].error : '' });
  });

  it('sarif: one log, a run per server with its own automation id; the failed one has no results and a failed invocation', () => {
    const log = JSON.parse(render('sarif')) as { version: string; runs: Array<{ automationDetails: { id: string }; properties: { target: string }; results: unknown[]; invocations: Array<{ executionSuccessful: boolean }> }> };
    expect(log.version).toBe('2.1.0');
    expect(log.runs.map((run) => [run.automationDetails.id, run.properties.target, run.invocations[0]?.executionSuccessful])).toEqual([
      ['mcp-compat/one/', 'one', true],
      ['mcp-compat/two/', 'two', true],
      ['mcp-compat/broken/', 'broken', false],
    ]);
    expect(log.runs[2]?.results).toEqual([]);
  });

  it('junit: one document, a suite per server named after it, totals summed, the failed server an error', () => {
    const xml = render('junit');
    expect(xml.match(/<\?xml/g)).toHaveLength(1);
    expect(xml.match(/<testsuite /g)).toHaveLength(3);
    expect(xml).toContain('<testsuites name="mcp-compat" tests="9" failures="2" errors="1">');
    expect(xml).toMatch(/<testsuite name="one: /);
    expect(xml).toContain('<testsuite name="broken" tests="1" failures="0" errors="1" skipped="0">');
    expect(xml).toContain('<error message="Server `node server.js` closed the connection (the process exited) while starting." type="check-failed"/>');
  });

  it('text, markdown and github: a section or line per server, the failed one included', () => {
    const text = render('text');
    expect(text.startsWith('== server one ==\n')).toBe(true);
    expect(text).toContain('\n== server two ==\n');
    expect(text).toContain('\n== server broken ==\nCould not check: Server `node server.js` closed the connection');
    const markdown = render('markdown');
    expect(markdown).toContain('## server two\n\n### ');
    expect(markdown).toContain('## server broken\n\n❌ **Could not check:** Server');
    expect(render('github')).toMatch(/^::error title=mcp-compat%3A server broken could not be checked::Server `node server.js` closed/m);
  });
});
