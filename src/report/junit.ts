import type { EntityKind } from '../rules/types.js';
import type { Report, ReportChange } from './model.js';
import { cleanBlock, cleanLine } from './sanitize.js';
import { contextSummary } from './context-cost.js';

/** XML 1.0 text or attribute value: markup escaped, characters XML cannot carry dropped. */
export function escapeXml(text: string): string {
  return cleanBlock(text)
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\n/g, '&#10;');
}

/** An attribute value (a name, a one-line message): on one line, so a server's text cannot forge a line in a CI log. */
export function attribute(text: string): string {
  return escapeXml(cleanLine(text));
}

/** What a test case reports: a change or a lint finding. */
export interface CaseItem {
  entity: EntityKind;
  name: string;
  rule: string;
  message: string;
  failing: boolean;
}

/** A test case per tool, and per other entity that has items; `prefix.entity` is its classname. */
export function casesByEntity<T extends CaseItem>(tools: readonly string[], items: readonly T[], prefix: string): Array<{ classname: string; name: string; items: T[] }> {
  const cases = new Map<string, { classname: string; name: string; items: T[] }>();
  const add = (entity: EntityKind, name: string) => {
    const key = `${entity}\u0000${name}`;
    const entry = cases.get(key) ?? { classname: `${prefix}.${entity}`, name, items: [] };
    cases.set(key, entry);
    return entry;
  };
  for (const tool of tools) add('tool', tool);
  for (const item of items) add(item.entity, item.name).items.push(item);
  return [...cases.values()];
}

/** One test case: a failure per failing item, the others in system-out. */
export function renderCase<T extends CaseItem>(entry: { classname: string; name: string; items: readonly T[] }, details: (item: T) => string): string {
  const open = `    <testcase classname="${attribute(entry.classname)}" name="${attribute(entry.name)}">`;
  if (entry.items.length === 0) return `${open}</testcase>`;
  const body = entry.items
    .filter((item) => item.failing)
    .map((item) => `      <failure message="${attribute(item.message)}" type="${attribute(item.rule)}">${escapeXml(details(item))}</failure>`);
  const others = entry.items.filter((item) => !item.failing);
  if (others.length > 0) body.push(`      <system-out>${escapeXml(others.map(details).join('\n\n'))}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

/** The XML document: one suite of the given test cases. */
export function junitDocument(suite: string, testcases: readonly string[], failures: number): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-compat" tests="${testcases.length}" failures="${failures}" errors="0">`,
    `  <testsuite name="${attribute(suite)}" tests="${testcases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...testcases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * JUnit XML: a test case per tool (and per other entity that changed), failing when it has a
 * change that fails the run (breaking, by default); other changes go to system-out. The version
 * check and the context cost, when there are any, get a test case each.
 */
export function renderJunit(report: Report): string {
  const cases = casesByEntity(report.tools, report.changes, 'mcp-compat');
  const testcases = cases.map((entry) => renderCase(entry, details));
  if (report.versionCheck) {
    const check = report.versionCheck;
    testcases.push(
      `    <testcase classname="mcp-compat.release" name="version ${attribute(check.nextVersion)}">` +
        (check.ok ? '</testcase>' : `\n      <failure message="${attribute(check.message)}" type="version-bump-too-small"/>\n    </testcase>`),
    );
  }
  const contextFailed = (report.context?.exceeded.length ?? 0) > 0;
  if (report.context) {
    const context = report.context;
    testcases.push(
      `    <testcase classname="mcp-compat.release" name="context ${attribute(contextSummary(context))}">` +
        (contextFailed ? `\n${context.exceeded.map((breach) => `      <failure message="${attribute(breach.message)}" type="${breach.limit}"/>`).join('\n')}\n    </testcase>` : '</testcase>'),
    );
  }
  const failures = cases.filter((entry) => entry.items.some((change) => change.failing)).length + (report.versionCheck && !report.versionCheck.ok ? 1 : 0) + (contextFailed ? 1 : 0);
  const suite = `${cleanLine(report.base.name)} ${cleanLine(report.base.version)} -> ${cleanLine(report.head.version)}`;
  return junitDocument(suite, testcases, failures);
}

function details(change: ReportChange): string {
  const lines = [`${change.severity}: ${change.rule} at ${change.pointer || '(entity)'} [${change.fingerprint}]`, change.message];
  if (change.acknowledged) lines.push(`acknowledged: ${change.acknowledgement?.reason ?? ''}`);
  if (change.acknowledgement?.expired) lines.push(`acknowledgement expired on ${change.acknowledgement.expires ?? ''}`);
  if (change.suggestion) lines.push(`suggestion: ${change.suggestion.text}`, change.suggestion.snippet);
  return lines.join('\n');
}
