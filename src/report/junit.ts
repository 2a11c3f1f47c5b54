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
function attribute(text: string): string {
  return escapeXml(cleanLine(text));
}

interface Case {
  classname: string;
  name: string;
  changes: ReportChange[];
}

/**
 * JUnit XML: a test case per tool (and per other entity that changed), failing when it has a
 * change that fails the run (breaking, by default); other changes go to system-out. The version
 * check and the context cost, when there are any, get a test case each.
 */
export function renderJunit(report: Report): string {
  const cases = new Map<string, Case>();
  const add = (entity: EntityKind, name: string): Case => {
    const key = `${entity}\u0000${name}`;
    let entry = cases.get(key);
    if (!entry) {
      entry = { classname: `mcp-compat.${entity}`, name, changes: [] };
      cases.set(key, entry);
    }
    return entry;
  };
  for (const tool of report.tools) add('tool', tool);
  for (const change of report.changes) add(change.entity, change.name).changes.push(change);

  const testcases = [...cases.values()].map((entry) => renderCase(entry));
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
  const failures =
    [...cases.values()].filter((entry) => entry.changes.some((change) => change.failing)).length + (report.versionCheck && !report.versionCheck.ok ? 1 : 0) + (contextFailed ? 1 : 0);
  const suite = `${cleanLine(report.base.name)} ${cleanLine(report.base.version)} -> ${cleanLine(report.head.version)}`;
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

function renderCase(entry: Case): string {
  const open = `    <testcase classname="${attribute(entry.classname)}" name="${attribute(entry.name)}">`;
  if (entry.changes.length === 0) return `${open}</testcase>`;
  const body: string[] = [];
  for (const change of entry.changes.filter((item) => item.failing)) {
    body.push(`      <failure message="${attribute(change.message)}" type="${attribute(change.rule)}">${escapeXml(details(change))}</failure>`);
  }
  const others = entry.changes.filter((item) => !item.failing);
  if (others.length > 0) body.push(`      <system-out>${escapeXml(others.map(details).join('\n\n'))}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

function details(change: ReportChange): string {
  const lines = [`${change.severity}: ${change.rule} at ${change.pointer || '(entity)'} [${change.fingerprint}]`, change.message];
  if (change.acknowledged) lines.push(`acknowledged: ${change.acknowledgement?.reason ?? ''}`);
  if (change.acknowledgement?.expired) lines.push(`acknowledgement expired on ${change.acknowledgement.expires ?? ''}`);
  if (change.suggestion) lines.push(`suggestion: ${change.suggestion.text}`, change.suggestion.snippet);
  return lines.join('\n');
}
