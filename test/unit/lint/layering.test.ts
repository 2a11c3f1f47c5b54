import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../../../src/', import.meta.url));
// The linter is pure like the diff engine (design §2): no I/O, and nothing from the layers above it.
const PURE = [
  ...readdirSync(join(SRC, 'lint')).map((file) => `lint/${file}`),
  ...readdirSync(join(SRC, 'rules', 'lint')).map((file) => `rules/lint/${file}`),
  'rules/lint-registry.ts',
  'policy/lint-report.ts',
  'policy/lint-fail-on.ts',
  'policy/lint-settings.ts',
];

function imports(file: string): string[] {
  return [...readFileSync(join(SRC, file), 'utf8').matchAll(/^(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((match) => match[1] as string);
}

describe('the linter stays pure', () => {
  it.each(PURE)('%s imports no commands, capture or report module, and no Node I/O', (file) => {
    for (const specifier of imports(file)) {
      expect(specifier, file).not.toMatch(/(^|\/)(commands|capture|report)\//);
      expect(specifier, file).not.toMatch(/^node:(fs|child_process|net|http|https|process)/);
    }
  });

  it('the project config reader does not load the lint rules', () => {
    expect(imports('policy/config.ts').filter((specifier) => /lint-(registry|report)|\/lint\//.test(specifier))).toEqual([]);
    expect(imports('policy/lint-settings.ts').filter((specifier) => /lint-registry|rules\//.test(specifier))).toEqual([]);
  });
});
