import { RULES } from '../rules/registry.js';
import type { RuleDefinition, Severity } from '../rules/types.js';
import type { Report, ReportChange } from './model.js';
import { artifactLocation } from './artifact-location.js';
import { cleanLine, escapeJsonText } from './sanitize.js';

export interface SarifOptions {
  toolVersion?: string;
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { breaking: 'error', risky: 'warning', compatible: 'note' };
export const INFORMATION_URI = 'https://github.com/mcp-compat/mcp-compat';

/**
 * SARIF 2.1.0 for code scanning: one reporting descriptor per rule of the catalog, one result per
 * change, located at the entity's line in the baseline (or head) snapshot file. Acknowledged
 * changes are results with an accepted external suppression carrying the reason.
 */
export function renderSarif(report: Report, options: SarifOptions = {}): string {
  const index = new Map(RULES.map((rule, position) => [rule.id, position]));
  return sarifLog({
    toolVersion: options.toolVersion,
    rules: RULES.map(descriptor),
    results: report.changes.map((change) => result(change, index.get(change.rule))),
    properties: {
      base: { name: report.base.name, version: report.base.version },
      head: { name: report.head.name, version: report.head.version },
      recommendedBump: report.summary.recommendedBump,
      failOn: report.summary.failOn,
      failed: report.summary.failed,
    },
  });
}

/** One SARIF 2.1.0 log with one run of mcp-compat: the frame every SARIF output shares. */
export function sarifLog(run: { toolVersion?: string; rules: unknown[]; results: unknown[]; properties: Record<string, unknown> }): string {
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mcp-compat',
            informationUri: INFORMATION_URI,
            ...(run.toolVersion ? { version: run.toolVersion } : {}),
            rules: run.rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: 'The directory mcp-compat ran in.' } } },
        results: run.results,
        properties: run.properties,
      },
    ],
  };
  // `properties` keep the server's strings exactly (they are data); printed, controls, bidi and
  // invisible characters in them are \uXXXX escapes.
  return `${escapeJsonText(JSON.stringify(sarif, null, 2))}\n`;
}

function descriptor(rule: RuleDefinition): Record<string, unknown> {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    helpUri: `${INFORMATION_URI}/blob/main/docs/rules.md#${rule.id}`,
    help: { text: `${rule.rationale}\nBefore: ${rule.example.before}\nAfter: ${rule.example.after}` },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { severity: rule.severity, tags: ['mcp', 'compatibility', rule.severity] },
  };
}

/**
 * A SARIF plain-text message (§3.11.6): `[text](target)` is an embedded link, which GitHub code
 * scanning renders, so brackets from server text are escaped with a backslash (and backslashes in
 * front of them doubled); control characters, escape sequences and bidi controls are removed.
 */
export function sarifText(text: string): string {
  return cleanLine(text).replace(/(\\*)([[\]])/g, (_match, slashes: string, bracket: string) => `${slashes}${slashes}\\${bracket}`);
}

function result(change: ReportChange, ruleIndex: number | undefined): Record<string, unknown> {
  const text = [sarifText(change.message)];
  if (change.suggestion && change.severity === 'breaking') text.push(`Suggestion: ${sarifText(change.suggestion.text)}`);
  return {
    ruleId: change.rule,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVEL[change.severity],
    message: { text: text.join('\n') },
    ...(change.location
      ? {
          locations: [
            {
              physicalLocation: {
                artifactLocation: artifactLocation(change.location.path),
                region: { startLine: change.location.line },
              },
              logicalLocations: [{ name: cleanLine(change.name), fullyQualifiedName: `${change.entity}:${cleanLine(change.name)}${cleanLine(change.pointer)}`, kind: 'member' }],
            },
          ],
        }
      : {}),
    partialFingerprints: { 'mcpCompatChange/v1': change.fingerprint },
    ...(change.acknowledged ? { suppressions: [{ kind: 'external', status: 'accepted', justification: sarifText(change.acknowledgement?.reason ?? '') }] } : {}),
    properties: { entity: change.entity, name: change.name, pointer: change.pointer, severity: change.severity, failing: change.failing },
  };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_match, _dash, char: string) => char.toUpperCase());
}
