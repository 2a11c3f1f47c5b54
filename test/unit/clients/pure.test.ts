import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../../src/clients/', import.meta.url);

describe('src/clients', () => {
  it('is pure data and functions: imports nothing but its own modules, the snapshot model and the rule types', () => {
    for (const file of readdirSync(DIR)) {
      const text = readFileSync(new URL(file, DIR), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((match) => match[1]);
      for (const target of imports) expect(target, `${file} imports ${target}`).toMatch(/^(\.\/[a-z-]+|\.\.\/snapshot\/model|\.\.\/rules\/types)\.js$/);
    }
  });
});
