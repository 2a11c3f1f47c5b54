import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../src/clients/model.js';
import { findClientProfile } from '../../../src/clients/profiles.js';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import { LINT_RULES, getLintRule } from '../../../src/rules/lint-registry.js';
import { RULES } from '../../../src/rules/registry.js';
import { parseSnapshot } from '../../../src/snapshot/read.js';

const CASES_DIR = fileURLToPath(new URL('../../../fixtures/lint/', import.meta.url));
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

interface Expected {
  rule: string;
  name: string;
  pointer: string;
}

const caseDirs = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('lint rule catalog', () => {
  it('has unique kebab-case ids, none shared with a diff rule', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(KEBAB);
    const diffIds = new Set(RULES.map((rule) => rule.id));
    expect(ids.filter((id) => diffIds.has(id))).toEqual([]);
  });

  it('gives every rule a severity, a title, a rationale and an example', () => {
    for (const rule of LINT_RULES) {
      expect(['error', 'warning', 'info'], rule.id).toContain(rule.severity);
      expect(rule.title.length, rule.id).toBeGreaterThan(3);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(10);
      expect(rule.example.bad.length * rule.example.good.length, rule.id).toBeGreaterThan(0);
      expect(getLintRule(rule.id)).toBe(rule);
    }
  });

  it('has a fixture case for every rule, and no case for an unknown rule', () => {
    const ids = LINT_RULES.map((rule) => rule.id);
    expect(ids.filter((id) => !['snapshot.json', 'expected.json'].every((file) => existsSync(join(CASES_DIR, id, file))))).toEqual([]);
    expect(caseDirs.filter((dir) => !ids.includes(dir))).toEqual([]);
  });
});

describe.each(caseDirs)('lint fixture %s', (dir) => {
  it('gives exactly the expected findings', async () => {
    const text = readFileSync(join(CASES_DIR, dir, 'snapshot.json'), 'utf8');
    const snapshot = await parseSnapshot(text, `fixtures/lint/${dir}/snapshot.json`);
    const expected = JSON.parse(readFileSync(join(CASES_DIR, dir, 'expected.json'), 'utf8')) as Expected[];
    expect(expected.map((entry) => entry.rule), 'the case exercises its own rule').toContain(dir);

    // A case may choose client profiles (clients.json), as `--client` does.
    const clientsFile = join(CASES_DIR, dir, 'clients.json');
    const clients = existsSync(clientsFile) ? (JSON.parse(readFileSync(clientsFile, 'utf8')) as string[]).map((id) => findClientProfile(id) as ClientProfile) : [];
    if (clients.length > 0) expect(lintSnapshot(snapshot).map((finding) => finding.rule), 'the client rules need chosen clients').not.toContain(dir);

    const findings = lintSnapshot(snapshot, LINT_RULES, { clients });
    const key = (entry: Expected) => `${entry.rule} ${entry.name} ${entry.pointer}`;
    expect(findings.map(key).sort()).toEqual(expected.map(key).sort());
    for (const finding of findings) {
      expect(finding.severity).toBe(getLintRule(finding.rule)?.severity);
      expect(finding.message).toContain(finding.name.slice(0, 20));
    }
  });
});
