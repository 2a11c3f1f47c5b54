import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaRuleFixtureFiles, type AspectCase } from '../../../scripts/schema-rule-fixtures.js';

const cases = JSON.parse(readFileSync(new URL('../../../fixtures/schema/aspect-cases.json', import.meta.url), 'utf8')) as AspectCase[];

describe('schema rule fixtures', () => {
  it('are what the aspect table produces (run scripts/generate-schema-rule-fixtures.ts after editing it)', () => {
    for (const [relative, text] of schemaRuleFixtureFiles(cases)) {
      const onDisk = readFileSync(new URL(`../../../fixtures/rules/${relative}`, import.meta.url), 'utf8');
      expect(onDisk, relative).toBe(text);
    }
  });
});
