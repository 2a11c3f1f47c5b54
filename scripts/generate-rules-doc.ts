import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/rules/registry.js';
import { LINT_RULES } from '../src/rules/lint-registry.js';
import { renderRulesDoc } from './rules-doc.js';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesDoc(RULES));
console.log(`docs/rules.md: ${RULES.length} rules, ${LINT_RULES.length} lint rules`);
