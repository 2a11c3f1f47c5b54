import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, getRule } from '../../../src/rules/registry.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { findClientProfile } from '../../../src/clients/profiles.js';
import type { ClientProfile } from '../../../src/clients/model.js';

const CASES_DIR = fileURLToPath(new URL('../../../fixtures/rules/', import.meta.url));
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

interface Expected {
  rule: string;
  pointer: string;
  name?: string;
}

function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(CASES_DIR, dir, file), 'utf8')) as T;
}

/** The client profiles a case is diffed with: its clients.json (profile ids), if it has one. */
function caseClients(dir: string): { clients?: ClientProfile[] } {
  if (!existsSync(join(CASES_DIR, dir, 'clients.json'))) return {};
  return { clients: readJson<string[]>(dir, 'clients.json').map((id) => findClientProfile(id) as ClientProfile) };
}

const caseDirs = existsSync(CASES_DIR)
  ? readdirSync(CASES_DIR, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort()
  : [];

describe('rule catalog', () => {
  it('has unique kebab-case ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id, id).toMatch(KEBAB);
  });

  it('gives every rule a title, a rationale, an example and a bump', () => {
    for (const rule of RULES) {
      expect(rule.title.length, rule.id).toBeGreaterThan(3);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(10);
      expect(rule.example.before.length + rule.example.after.length, rule.id).toBeGreaterThan(0);
      expect(['minor', 'patch'], rule.id).toContain(rule.bump);
      expect(['breaking', 'risky', 'compatible'], rule.id).toContain(rule.severity);
    }
  });

  it('getRule finds every rule and throws on an unknown id', () => {
    for (const rule of RULES) expect(getRule(rule.id)).toBe(rule);
    expect(() => getRule('no-such-rule')).toThrow(/no-such-rule/);
  });

  it('has a fixture case for every rule', () => {
    const missing = RULES.map((rule) => rule.id).filter(
      (id) => !['base.json', 'head.json', 'expected.json'].every((file) => existsSync(join(CASES_DIR, id, file))),
    );
    expect(missing, `rules without fixtures/rules/<id>/{base,head,expected}.json`).toEqual([]);
  });

  it('names only registry rules in fixture directories', () => {
    const known = new Set(RULES.map((rule) => rule.id));
    expect(caseDirs.filter((dir) => !known.has(dir))).toEqual([]);
  });
});

describe.each(caseDirs)('fixture case %s', (dir) => {
  it('produces exactly the expected rule ids and pointers', () => {
    const base = readJson<Snapshot>(dir, 'base.json');
    const head = readJson<Snapshot>(dir, 'head.json');
    const expected = readJson<Expected[]>(dir, 'expected.json');
    expect(expected.map((e) => e.rule), 'the case exercises its own rule').toContain(dir);

    const { changes } = diffSnapshots(base, head, caseClients(dir));
    const key = (c: Expected) => `${c.rule} ${c.pointer}`;
    expect(changes.map(key).sort()).toEqual(expected.map(key).sort());
    for (const wanted of expected.filter((e) => e.name !== undefined)) {
      expect(changes.find((c) => key(c) === key(wanted))?.name).toBe(wanted.name);
    }
    for (const change of changes) {
      expect(change.severity).toBe(getRule(change.rule).severity);
      expect(change.message.length).toBeGreaterThan(10);
    }
  });

  it('finds nothing when a snapshot is compared with itself', () => {
    for (const file of ['base.json', 'head.json']) {
      const snapshot = readJson<Snapshot>(dir, file);
      expect(diffSnapshots(snapshot, structuredClone(snapshot), caseClients(dir)).changes).toEqual([]);
    }
  });
});
