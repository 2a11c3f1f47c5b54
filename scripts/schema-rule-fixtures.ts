import type { JsonObject, Snapshot } from '../src/snapshot/model.js';
import type { SchemaDirection } from '../src/schema/model.js';
import { schemaRuleId } from '../src/rules/schema-rules.js';
import { serializeSnapshot } from '../src/snapshot/canonical.js';

/**
 * The fixture case of every `input-*` and `output-*` rule, built from the aspect table in
 * fixtures/schema/aspect-cases.json: a one-tool server whose input (or output) schema is the
 * case's before/after pair. Written by scripts/generate-schema-rule-fixtures.ts; a test checks
 * the files on disk are what this produces.
 */
export interface AspectCase {
  aspect: string;
  note: string;
  before: JsonObject;
  after: JsonObject;
  expected: Array<{ aspect: string; pointer: string }>;
}

const ARGUMENTS: JsonObject = { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] };

function snapshot(direction: SchemaDirection, schema: JsonObject): Snapshot {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'schema-cases', version: '1.0.0', protocolVersion: '2025-06-18', capabilities: { tools: {} } },
    tools: [
      {
        name: 'search',
        description: 'Search the catalogue.',
        inputSchema: direction === 'input' ? schema : ARGUMENTS,
        ...(direction === 'output' ? { outputSchema: schema } : {}),
      },
    ],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
}

export function schemaRuleFixtureFiles(cases: AspectCase[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const testCase of cases) {
    for (const direction of ['input', 'output'] as const) {
      const dir = schemaRuleId(direction, testCase.aspect);
      const base = direction === 'input' ? '/inputSchema' : '/outputSchema';
      const expected = testCase.expected.map((e) => ({ rule: schemaRuleId(direction, e.aspect), name: 'search', pointer: base + e.pointer }));
      files.set(`${dir}/base.json`, serializeSnapshot(snapshot(direction, testCase.before)));
      files.set(`${dir}/head.json`, serializeSnapshot(snapshot(direction, testCase.after)));
      files.set(`${dir}/expected.json`, `${JSON.stringify(expected, null, 2)}\n`);
    }
  }
  return files;
}
