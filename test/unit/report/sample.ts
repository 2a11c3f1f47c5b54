import type { Change, SnapshotDiff } from '../../../src/diff/model.js';
import { buildReport, type ReportPolicy } from '../../../src/policy/build-report.js';
import type { Report } from '../../../src/report/model.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

// A hand-written diff between two versions of a notes server, including a tool whose name and
// description carry terminal escapes, markdown, HTML and workflow-command injection attempts.

export const HOSTILE_NAME = 'evil<img src=x onerror=alert(1)>|@octo-org/team #1';
export const HOSTILE_TEXT = 'Click \u001b]8;;https://evil.example\u0007here\u001b]8;;\u0007 \u001b[31mred\u001b[0m **bold** [x](https://evil.example) <script>alert(1)</script>\n::error::forged\r\n| cell | @someone';

export function snapshot(version: string, tools: string[]): Snapshot {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'notes', version, protocolVersion: '2025-06-18', capabilities: { tools: {} } },
    tools: tools.map((name) => ({ name, inputSchema: { type: 'object' } })),
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
}

export const BASE = snapshot('1.0.0', ['delete_note', 'search', HOSTILE_NAME]);
export const HEAD = snapshot('1.1.0', ['add_tag', 'search', HOSTILE_NAME]);

export const CHANGES: Change[] = [
  {
    rule: 'tool-added',
    severity: 'compatible',
    entity: 'tool',
    name: 'add_tag',
    pointer: '',
    message: 'Tool `add_tag` was added.',
  },
  {
    rule: 'tool-removed',
    severity: 'breaking',
    entity: 'tool',
    name: 'delete_note',
    pointer: '',
    message: 'Tool `delete_note` was removed.',
    suggestion: {
      kind: 'deprecated-alias',
      name: 'delete_note',
      text: 'Keep `delete_note` as a deprecated alias that forwards to `remove_note`.',
      snippet: "server.registerTool('delete_note', { description: 'Deprecated: use remove_note.' }, handler);\n// ``` a fence inside the snippet",
      pythonSnippet: '@mcp.tool(name="delete_note")\ndef delete_note(): ...',
    },
  },
  {
    rule: 'tool-read-only-hint-removed',
    severity: 'risky',
    entity: 'tool',
    name: 'search',
    pointer: '/annotations/readOnlyHint',
    before: true,
    after: false,
    message: 'Tool `search` was read-only and may now write.',
  },
  {
    rule: 'input-enum-value-removed',
    severity: 'breaking',
    entity: 'tool',
    name: 'search',
    pointer: '/inputSchema/properties/mode/enum',
    before: ['fast', 'exact'],
    after: ['fast'],
    message: 'Tool `search`: value "exact" is no longer accepted for `mode`.',
    suggestion: {
      kind: 'versioned-tool',
      name: 'search_v2',
      text: 'Publish the new schema as `search_v2` and keep `search` unchanged.',
      snippet: "server.registerTool('search_v2', { inputSchema }, handler);",
      pythonSnippet: '@mcp.tool(name="search_v2")\ndef search_v2(): ...',
    },
  },
  {
    rule: 'tool-description-changed',
    severity: 'compatible',
    entity: 'tool',
    name: HOSTILE_NAME,
    pointer: '/description',
    before: 'old',
    after: HOSTILE_TEXT,
    message: `Tool \`${HOSTILE_NAME}\` description changed: ${HOSTILE_TEXT}`,
  },
];

export function diff(changes: Change[] = CHANGES, notes: string[] = []): SnapshotDiff {
  return { changes: structuredClone(changes), notes };
}

export function sampleReport(policy: Partial<ReportPolicy> = {}, changes: Change[] = CHANGES): Report {
  return buildReport({
    diff: diff(changes),
    base: BASE,
    head: HEAD,
    sources: { base: { path: 'mcp-snapshot.json' } },
    policy: { failOn: 'breaking', today: '2026-06-01', refreshCommand: 'mcp-compat check --baseline mcp-snapshot.json --update -- node server.js', ...policy },
  });
}
