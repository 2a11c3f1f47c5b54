import type { EntityKind } from '../../rules/types.js';
import { escapeXml } from '../junit.js';
import { cleanLine } from '../sanitize.js';
import type { LintReport, LintReportFinding } from './model.js';

interface Case {
  classname: string;
  name: string;
  findings: LintReportFinding[];
}

/** JUnit XML: a test case per tool (and per other entity with findings), failing when it has a finding at or above fail-on. */
export function renderLintJunit(report: LintReport): string {
  const cases = new Map<string, Case>();
  const add = (entity: EntityKind, name: string): Case => {
    const key = `${entity}\u0000${name}`;
    const entry = cases.get(key) ?? { classname: `mcp-compat.lint.${entity}`, name, findings: [] };
    cases.set(key, entry);
    return entry;
  };
  for (const tool of report.tools) add('tool', tool);
  for (const finding of report.findings) add(finding.entity, finding.name).findings.push(finding);
  const failures = [...cases.values()].filter((entry) => entry.findings.some((finding) => finding.failing)).length;
  const suite = `lint ${cleanLine(report.server.name)} ${cleanLine(report.server.version)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="mcp-compat" tests="${cases.size}" failures="${failures}" errors="0">`,
    `  <testsuite name="${attribute(suite)}" tests="${cases.size}" failures="${failures}" errors="0" skipped="0">`,
    ...[...cases.values()].map(renderCase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function attribute(text: string): string {
  return escapeXml(cleanLine(text));
}

function renderCase(entry: Case): string {
  const open = `    <testcase classname="${attribute(entry.classname)}" name="${attribute(entry.name)}">`;
  if (entry.findings.length === 0) return `${open}</testcase>`;
  const body = entry.findings
    .filter((finding) => finding.failing)
    .map((finding) => `      <failure message="${attribute(finding.message)}" type="${attribute(finding.rule)}">${escapeXml(details(finding))}</failure>`);
  const others = entry.findings.filter((finding) => !finding.failing);
  if (others.length > 0) body.push(`      <system-out>${escapeXml(others.map(details).join('\n\n'))}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

function details(finding: LintReportFinding): string {
  return `${finding.severity}: ${finding.rule} at ${finding.pointer || '(entity)'} [${finding.fingerprint}]\n${finding.message}`;
}
