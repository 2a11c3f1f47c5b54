import { type RenderOptions, renderReport } from '../report/index.js';
import { workflowCommand } from '../report/github.js';
import { attribute } from '../report/junit.js';
import { DEFAULT_MARKDOWN_BUDGET, escapeMarkdown } from '../report/markdown.js';
import type { Report } from '../report/model.js';
import { cleanLine, escapeJsonText } from '../report/sanitize.js';
import { sarifText } from '../report/sarif.js';
import type { ReportFormat } from '../report/formats.js';

/** What `check --all` found for one configured server: its report, or why it could not be checked. */
export type CheckOutcome = { target: string; report: Report } | { target: string; error: string };

export interface CheckAllOptions {
  color: boolean;
  toolVersion: string;
  view?: Pick<RenderOptions, 'suggestions' | 'languages'>;
}

/**
 * The output of `check --all` (design §6): one entry per configured server, in the configured
 * order, naming its config key (`target`) and carrying its report or the error that stopped it.
 * A server that failed is never missing from it, in any format; each format stays one valid
 * document (a JSON array, one SARIF log, one JUnit document).
 */
export function renderCheckAll(outcomes: readonly CheckOutcome[], format: ReportFormat, options: CheckAllOptions): string {
  // The servers' markdown reports share one comment's budget.
  const markdownBudget = Math.floor(DEFAULT_MARKDOWN_BUDGET / Math.max(1, outcomes.length)) - (outcomes.length > 1 ? 200 : 0);
  const rendered = (report: Report, as: ReportFormat) => renderReport(report, as, { color: options.color, toolVersion: options.toolVersion, markdownBudget, ...options.view });
  switch (format) {
    case 'json':
      return `${escapeJsonText(JSON.stringify(outcomes.map((outcome) => ('report' in outcome ? { target: outcome.target, report: JSON.parse(rendered(outcome.report, 'json')) as unknown } : outcome)), null, 2))}\n`;
    case 'sarif':
      return sarifLog(outcomes, (report) => JSON.parse(rendered(report, 'sarif')) as SarifLog, options.toolVersion);
    case 'junit':
      return junitDocument(outcomes, (report) => rendered(report, 'junit'));
    case 'text':
      return outcomes.map((outcome) => `== server ${cleanLine(outcome.target)} ==\n${'report' in outcome ? rendered(outcome.report, 'text') : `Could not check: ${cleanLine(outcome.error)}\n`}`).join('\n');
    case 'markdown':
      return outcomes
        .map((outcome) => `## server ${escapeMarkdown(outcome.target)}\n\n${'report' in outcome ? rendered(outcome.report, 'markdown') : `❌ **Could not check:** ${escapeMarkdown(outcome.error)}\n`}`)
        .join('\n');
    case 'github':
      return outcomes
        .map((outcome) => ('report' in outcome ? rendered(outcome.report, 'github') : `${workflowCommand('error', { title: `mcp-compat: server ${cleanLine(outcome.target)} could not be checked` }, cleanLine(outcome.error))}\n`))
        .join('');
  }
}

interface SarifRun {
  properties?: Record<string, unknown>;
  [key: string]: unknown;
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: SarifRun[];
}

/**
 * One SARIF log, a run per server. Each run is told apart by `automationDetails.id` (code scanning
 * keeps one set of alerts per id) and names its server in `properties.target`; a server that could
 * not be checked is a run without results whose invocation failed, with the error as its notification.
 */
function sarifLog(outcomes: readonly CheckOutcome[], sarifOf: (report: Report) => SarifLog, toolVersion: string): string {
  const runs = outcomes.map((outcome): SarifRun => {
    const identity = { automationDetails: { id: `mcp-compat/${outcome.target}/` } };
    if ('report' in outcome) {
      const run = sarifOf(outcome.report).runs[0] as SarifRun;
      return { ...run, ...identity, invocations: [{ executionSuccessful: true }], properties: { target: outcome.target, ...run.properties } };
    }
    return {
      tool: { driver: { name: 'mcp-compat', ...(toolVersion ? { version: toolVersion } : {}) } },
      ...identity,
      invocations: [{ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: sarifText(outcome.error) } }] }],
      results: [],
      properties: { target: outcome.target, error: outcome.error },
    };
  });
  return `${escapeJsonText(JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs }, null, 2))}\n`;
}

/** One JUnit document, a suite per server named `TARGET: ...`; a server that could not be checked is a suite with one errored test case. */
function junitDocument(outcomes: readonly CheckOutcome[], junitOf: (report: Report) => string): string {
  const totals = { tests: 0, failures: 0, errors: 0 };
  const suites = outcomes.map((outcome) => {
    const target = attribute(outcome.target);
    if ('error' in outcome) {
      totals.tests += 1;
      totals.errors += 1;
      return [
        `  <testsuite name="${target}" tests="1" failures="0" errors="1" skipped="0">`,
        `    <testcase classname="mcp-compat.server" name="${target}">`,
        `      <error message="${attribute(outcome.error)}" type="check-failed"/>`,
        '    </testcase>',
        '  </testsuite>',
      ].join('\n');
    }
    const xml = junitOf(outcome.report);
    const count = (name: string) => Number(new RegExp(`<testsuites [^>]*\\b${name}="(\\d+)"`).exec(xml)?.[1] ?? 0);
    totals.tests += count('tests');
    totals.failures += count('failures');
    const suite = /( {2}<testsuite [\s\S]*<\/testsuite>)/.exec(xml)?.[1] ?? '';
    return suite.replace(/^ {2}<testsuite name="/, `  <testsuite name="${target}: `);
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-compat" tests="${totals.tests}" failures="${totals.failures}" errors="${totals.errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
