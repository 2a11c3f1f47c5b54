import { readFileSync } from 'node:fs';
import type { JsonObject } from '../src/snapshot/model.js';
import type { SchemaDirection } from '../src/schema/model.js';
import { compareSchemas } from '../src/schema/compare.js';
import { getRule } from '../src/rules/registry.js';
import { schemaRuleId } from '../src/rules/schema-rules.js';
import { jsonSchemaDiff } from '../test/support/json-schema-diff-oracle.js';

/** One schema pair judged by both engines: breaking for inputs means something valid is now rejected (json-schema-diff: removals). */
export interface ComparisonRow {
  name: string;
  kind: 'aspect' | 'refactor';
  ours: { inputBreaking: boolean; outputBreaking: boolean; aspects: string[] };
  theirs: { removals: boolean; additions: boolean } | { skipped: string };
}

interface SchemaPair {
  name: string;
  before: JsonObject;
  after: JsonObject;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../fixtures/schema/${name}`, import.meta.url), 'utf8')) as T;

export function comparisonPairs(): Array<SchemaPair & { kind: ComparisonRow['kind'] }> {
  const aspects = read<Array<{ aspect: string; before: JsonObject; after: JsonObject }>>('aspect-cases.json');
  const refactors = read<Array<{ name: string; before: JsonObject; after: JsonObject }>>('refactor-cases.json');
  return [
    ...aspects.map((c) => ({ name: c.aspect, kind: 'aspect' as const, before: c.before, after: c.after })),
    ...refactors.map((c) => ({ name: c.name, kind: 'refactor' as const, before: c.before, after: c.after })),
  ];
}

function breaking(direction: SchemaDirection, aspects: string[]): boolean {
  return aspects.some((aspect) => getRule(schemaRuleId(direction, aspect)).severity === 'breaking');
}

export async function compareWithJsonSchemaDiff(): Promise<ComparisonRow[]> {
  const rows: ComparisonRow[] = [];
  for (const pair of comparisonPairs()) {
    const aspects = [...new Set(compareSchemas(pair.before, pair.after).map((d) => d.aspect))];
    const result = await jsonSchemaDiff(pair.before, pair.after);
    rows.push({
      name: pair.name,
      kind: pair.kind,
      ours: { inputBreaking: breaking('input', aspects), outputBreaking: breaking('output', aspects), aspects },
      theirs: 'skipped' in result ? result : { removals: result.removalsFound, additions: result.additionsFound },
    });
  }
  return rows;
}
