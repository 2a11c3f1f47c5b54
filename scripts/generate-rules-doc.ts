import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RULES } from '../src/rules/registry.js';
import { renderRulesDoc } from './rules-doc.js';

const target = fileURLToPath(new URL('../docs/rules.md', import.meta.url));
writeFileSync(target, renderRulesDoc(RULES));
console.log(`docs/rules.md: ${RULES.length} rules`);
