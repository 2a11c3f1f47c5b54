import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { ContextLimits } from '../../../src/context/limits.js';
import type { ContextCost } from '../../../src/context/measure.js';
import { buildReport } from '../../../src/policy/build-report.js';
import { renderReport } from '../../../src/report/index.js';
import type { Report } from '../../../src/report/model.js';
import { validateSarif } from '../../support/sarif-schema.js';
import { markdownProblems } from './markdown-check.js';
import { BASE, diff, HEAD, HOSTILE_NAME } from './sample.js';

const validateReport = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(new URL('../../../schemas/report.schema.json', import.meta.url), 'utf8')) as object);

const COST: ContextCost = {
  encoding: 'o200k_base',
  baseTokens: 12_300,
  headTokens: 15_712,
  delta: 3_412,
  entities: [
    { entity: 'tool', name: 'add_tag', baseTokens: 0, headTokens: 3_000, delta: 3_000 },
    { entity: 'tool', name: HOSTILE_NAME, baseTokens: 700, headTokens: 1_200, delta: 500 },
    { entity: 'tool', name: 'delete_note', baseTokens: 88, headTokens: 0, delta: -88 },
  ],
};

/** The sample's changes with only compatible ones kept, so that only a context limit can fail the run. */
function reportWith(limits: ContextLimits, cost: ContextCost = COST): Report {
  return buildReport({
    diff: diff(diff().changes.filter((change) => change.severity === 'compatible')),
    base: BASE,
    head: HEAD,
    sources: { base: { path: 'mcp-snapshot.json' } },
    policy: { failOn: 'breaking', today: '2026-06-01' },
    context: { cost, limits },
  });
}

describe('context cost in the report', () => {
  it('fails the run when a limit is exceeded, and only then', () => {
    expect(reportWith({ maxTokens: 15_712, maxGrowth: { percent: 30 } }).summary.failed).toBe(false);
    const failed = reportWith({ maxTokens: 15_711 });
    expect(failed.summary.failed).toBe(true);
    expect(failed.summary.failing).toBe(0);
    expect(failed.context?.exceeded.map((breach) => breach.limit)).toEqual(['max-context-tokens']);
  });

  it('is absent when not counted', () => {
    const report = buildReport({ diff: diff(), base: BASE, head: HEAD, policy: { failOn: 'none', today: '2026-06-01' } });
    expect(report.context).toBeUndefined();
    expect(JSON.parse(renderReport(report, 'json')).summary).not.toHaveProperty('context');
    expect(renderReport(report, 'text')).not.toContain('per conversation');
  });

  it('json: summary.context as design §6 plans it, the detail beside it, valid against the schema', () => {
    const json = JSON.parse(renderReport(reportWith({ maxGrowth: { percent: 10 } }), 'json')) as Record<string, Record<string, unknown>>;
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.summary!.context).toEqual({ baseTokens: 12_300, headTokens: 15_712, delta: 3_412 });
    expect(json.summary!.failed).toBe(true);
    expect(json.context).toEqual({
      encoding: 'o200k_base',
      limits: { maxGrowth: '10%' },
      exceeded: [{ limit: 'max-context-growth', message: 'Context grows by 3,412 tokens (+28%), over the limit of 10% of 12,300 tokens (max-context-growth).' }],
      entities: COST.entities,
    });
    expect(Object.keys(json)).toEqual(['formatVersion', 'base', 'head', 'summary', 'changes', 'context']);
  });

  it('text: the delta in the summary line, the biggest entities and each limit exceeded', () => {
    const text = renderReport(reportWith({ maxTokens: 100 }), 'text');
    expect(text).toContain('recommended bump: minor; context +3,412 tokens per conversation (12,300 -> 15,712); FAILED (fail-on: breaking)');
    expect(text).toContain(
      [
        'CONTEXT (o200k_base tokens)',
        '  +3,000  tool add_tag (new)',
        `    +500  tool ${HOSTILE_NAME} (700 -> 1,200)`,
        '     -88  tool delete_note (removed)',
        "  x The head adds 15,712 tokens to a model's context, over the limit of 100 tokens (max-context-tokens).",
      ].join('\n'),
    );
    expect(text).toContain('or raise the limit: --max-context-tokens / --max-context-growth');
    const shrinking = renderReport(reportWith({}, { ...COST, headTokens: 12_299, delta: -1, entities: [] }), 'text');
    expect(shrinking).toContain('context -1 token per conversation (12,300 -> 12,299); passed');
    expect(shrinking).toContain('no tool, prompt or instructions changed in size');
  });

  it('markdown: in the head line, a collapsed table of the biggest changes, server text made inert', () => {
    const markdown = renderReport(reportWith({ maxGrowth: { tokens: 3_000 } }), 'markdown');
    expect(markdownProblems(markdown)).toEqual([]);
    expect(markdown).toContain('### ❌ mcp-compat: context limit exceeded');
    expect(markdown).toContain(' · context: **+3,412 tokens per conversation (12,300 → 15,712)**');
    expect(markdown).toContain('❌ **Context:** Context grows by 3,412 tokens (+28%), over the limit of 3,000 tokens (max-context-growth).');
    expect(markdown).toContain('<details><summary>Context cost by entity (o200k_base tokens): 3 entities</summary>');
    expect(markdown).toContain('| Tool <code>add_tag</code> | new | +3,000 |');
    expect(markdown).toContain('| Tool <code>delete_note</code> | removed | -88 |');
    expect(markdown).not.toContain('<img');
  });

  it('markdown: at most ten rows, saying how many are left out', () => {
    const entities = Array.from({ length: 12 }, (_, index) => ({ entity: 'tool' as const, name: `tool_${index}`, baseTokens: 0, headTokens: 100 - index, delta: 100 - index }));
    const markdown = renderReport(reportWith({}, { ...COST, entities }), 'markdown');
    expect(markdown).toContain('<details><summary>Context cost by entity (o200k_base tokens): the 10 biggest changes of 12</summary>');
    expect(markdown).toContain('| Tool <code>tool_9</code> | new | +91 |');
    expect(markdown).not.toContain('tool_10');
    expect(markdown).toContain('_and 2 more: `--format json` lists them all._');
  });

  it('github: an error annotation per limit exceeded and the delta in the last line; junit: a test case failing per limit; sarif stays valid', () => {
    const report = reportWith({ maxTokens: 1 });
    const github = renderReport(report, 'github');
    expect(github).toContain("::error title=mcp-compat%3A max-context-tokens exceeded::The head adds 15,712 tokens to a model's context, over the limit of 1 token (max-context-tokens).");
    expect(github).toContain('recommended bump: minor; context +3,412 tokens per conversation (12,300 -> 15,712); failed (fail-on: breaking)');
    const sarif = JSON.parse(renderReport(report, 'sarif', { toolVersion: '0.1.0' })) as unknown;
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const junit = renderReport(report, 'junit');
    expect(junit).toContain(
      `    <testcase classname="mcp-compat.release" name="context +3,412 tokens per conversation (12,300 -&gt; 15,712)">\n      <failure message="The head adds 15,712 tokens to a model&apos;s context, over the limit of 1 token (max-context-tokens)." type="max-context-tokens"/>\n    </testcase>`,
    );
    expect(junit).toMatch(/<testsuites name="mcp-compat" tests="5" failures="1" errors="0">/);
    expect(renderReport(reportWith({}), 'junit')).toContain('name="context +3,412 tokens per conversation (12,300 -&gt; 15,712)"></testcase>');
  });
});
