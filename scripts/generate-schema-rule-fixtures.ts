// Writes fixtures/rules/{input,output}-<aspect>/ from fixtures/schema/aspect-cases.json.
// Run: npx tsx scripts/generate-schema-rule-fixtures.ts
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schemaRuleFixtureFiles, type AspectCase } from './schema-rule-fixtures.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const cases = JSON.parse(readFileSync(join(root, 'fixtures/schema/aspect-cases.json'), 'utf8')) as AspectCase[];
const files = schemaRuleFixtureFiles(cases);
for (const [relative, text] of files) {
  const path = join(root, 'fixtures/rules', relative);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
console.log(`wrote ${files.size} files under fixtures/rules/`);
