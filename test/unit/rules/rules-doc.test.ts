import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/rules/registry.js';
import { renderRulesDoc } from '../../../scripts/rules-doc.js';

describe('docs/rules.md', () => {
  it('is up to date with the registry (run `npm run docs:rules`)', () => {
    const committed = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(renderRulesDoc(RULES));
  });

  it('documents every rule id', () => {
    const doc = renderRulesDoc(RULES);
    for (const rule of RULES) expect(doc, rule.id).toContain(`\`${rule.id}\``);
  });
});
