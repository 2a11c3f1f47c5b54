import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { buildReport } from '../../../src/policy/build-report.js';
import { DEFAULT_MARKDOWN_BUDGET, renderMarkdown } from '../../../src/report/markdown.js';
import type { Report } from '../../../src/report/model.js';
import { readSnapshot } from '../../../src/snapshot/read.js';
import { markdownProblems } from './markdown-check.js';
import { sampleReport } from './sample.js';

const PAIRS = fileURLToPath(new URL('../../../fixtures/snapshots/pairs/', import.meta.url));

async function pairReport(pair: string): Promise<Report> {
  const base = await readSnapshot(join(PAIRS, pair, 'base.json'));
  const head = await readSnapshot(join(PAIRS, pair, 'head.json'));
  return buildReport({ diff: diffSnapshots(base, head), base, head, policy: { failOn: 'breaking', today: '2026-06-01', refreshCommand: 'cp head.json base.json', acknowledgeAllCommand: 'mcp-compat acknowledge --reason "..." --all base.json head.json' } });
}

const REPORTS: Record<string, Report> = {
  sample: sampleReport(),
  hostile: await pairReport('hostile'),
  'big-release': await pairReport('big-release'),
  'repeated-subjects': await pairReport('repeated-subjects'),
};

function totalsOf(report: Report): string[] {
  const s = report.summary;
  return [`| 🔴 breaking | ${s.breaking} |`, `| 🟠 risky | ${s.risky} |`, `| 🟢 compatible | ${s.compatible} |`, `recommended bump: **${s.recommendedBump}**`];
}

describe('markdown rendered to a budget', () => {
  it('the big release (238 breaking changes on 120 tools) fits the default budget, totals and next steps intact', () => {
    const report = REPORTS['big-release'] as Report;
    expect(report.summary.breaking).toBeGreaterThan(200);
    const markdown = renderMarkdown(report);
    expect(markdown.length).toBeLessThanOrEqual(DEFAULT_MARKDOWN_BUDGET);
    expect(markdownProblems(markdown)).toEqual([]);
    for (const total of totalsOf(report)) expect(markdown).toContain(total);
    // Each repeated change is one row naming every tool, and the table comes before any details.
    expect(markdown).toMatch(/\| 🔴 \*\*fails\*\* \| 118 tools at <code>\/inputSchema\/additionalProperties<\/code>: <code>archive_document_00004<\/code>, /);
    expect(markdown.indexOf('#### Changes')).toBeLessThan(markdown.indexOf('#### Details'));
    expect(markdown).toMatch(/left out: the job log and `--format text` have everything/);
    expect(markdown.trimEnd().endsWith('```sh\ncp head.json base.json\n```')).toBe(true);
    expect(markdown).toContain('mcp-compat acknowledge --reason "..." --all base.json head.json');
  });

  it('with room to spare, details every entity and leaves nothing out', () => {
    for (const report of Object.values(REPORTS)) {
      const markdown = renderMarkdown(report, { budget: 10_000_000 });
      expect(markdown).not.toContain('left out');
      const entities = new Set(report.changes.map((change) => `${change.entity} ${change.name}`));
      expect(markdown.match(/^<details><summary>(Tool|Prompt|Resource|Server|Resource template) /gm)).toHaveLength(entities.size);
    }
  });

  it('at every budget from tiny to large: valid markdown, within the budget (or the minimum), totals intact', () => {
    for (const [name, report] of Object.entries(REPORTS)) {
      const minimum = renderMarkdown(report, { budget: 0 }).length;
      const everything = renderMarkdown(report, { budget: 10_000_000 }).length;
      fc.assert(
        fc.property(fc.integer({ min: 0, max: everything + 1000 }), (budget) => {
          const markdown = renderMarkdown(report, { budget });
          expect(markdownProblems(markdown), `${name} at ${budget}`).toEqual([]);
          expect(markdown.length).toBeLessThanOrEqual(Math.max(budget, minimum));
          for (const total of totalsOf(report)) expect(markdown).toContain(total);
          if (report.summary.failed) expect(markdown).toContain('#### What to do now');
        }),
        { numRuns: name === 'big-release' ? 40 : 150 },
      );
    }
  });

  it('degrades in order as the budget shrinks: code, then details, then names, then the table to counts per rule, then to nothing', () => {
    const report = REPORTS['big-release'] as Report;
    const level = (markdown: string): number => {
      if (markdown.includes('The list of changes does not fit')) return 0;
      if (markdown.includes('| | Rule | Changes | Fail the run |')) return 1;
      if (markdown.includes('| | Where | Rule |')) return 2;
      return / and \d+ more/.test(markdown) ? 3 : 4;
    };
    const detailed = (markdown: string): number => (markdown.match(/^<details><summary>Tool/gm) ?? []).length;
    const withCode = (markdown: string): number => (markdown.match(/<summary>Code: /g) ?? []).length;
    const minimum = renderMarkdown(report, { budget: 0 }).length;
    const seen = new Set<number>();
    let previous = { level: -1, detailed: 0 };
    for (let budget = minimum; budget <= DEFAULT_MARKDOWN_BUDGET; budget += 150) {
      const markdown = renderMarkdown(report, { budget });
      const now = { level: level(markdown), detailed: detailed(markdown) };
      expect(now.level).toBeGreaterThanOrEqual(previous.level);
      if (now.level < 3) expect(now.detailed).toBe(0);
      seen.add(now.level);
      previous = now;
    }
    expect([...seen]).toEqual([0, 1, 2, 3, 4]);
    const counts = renderMarkdown(report, { budget: minimum + 500 });
    expect(counts).toContain('| 🔴 | <code>input-required-property-added</code> | 118 | 118 |');
    const full = renderMarkdown(report);
    expect(detailed(full)).toBeGreaterThan(10);
    expect(withCode(full)).toBeGreaterThan(0);
    expect(full).toContain('| | Change | Rule · fingerprint |');
  });
});
