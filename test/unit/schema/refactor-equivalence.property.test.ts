import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { compareSchemas } from '../../../src/schema/compare.js';
import { getRule } from '../../../src/rules/registry.js';
import { schemaRuleId } from '../../../src/rules/schema-rules.js';
import { instancesFor } from './schema-instances.js';
import { REWRITE_CLASSES, UNION_REWRITE_CLASSES, rewritePairs, unionRewritePairs, type RewritePair } from './schema-rewrites.js';

/**
 * Rewrites of real tool schemas that accept the same values (schema-rewrites.ts: const unions
 * for enums, nested and $ref'd unions, allOf splits, no-op keywords, integer bound spellings,
 * anyOf -> oneOf over disjoint branches) get no breaking verdict, in either direction, as input
 * or output. ajv on generated instances confirms each pair accepts the same values first; a pair
 * it tells apart would be a broken rewrite, and fails the test. PROPERTY_RUNS sets the number of
 * pairs (a few hundred by default; 5,000 locally).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const SEED = 20261203;

const ajv = new Ajv2020({ strict: false, validateFormats: false });

/** ajv 2020 refuses a draft-07 `$schema` it has not loaded; the keyword says nothing about values. */
function forAjv(schema: JsonObject): JsonObject {
  const { $schema: _dialect, ...rest } = schema;
  return rest;
}

const BOUNDARY_VALUES: Json[] = [null, true, false, '', 'a', 'alpha', 'beta', 'gamma', -1, 0, 0.5, 1, 2, 3, 1.5e308, [], ['a'], [1, 1], {}, { kind: 'a' }, { kind: 'b' }, { a: 'a' }];

function distinguishing(pair: RewritePair, index: number): Json | undefined {
  const before = ajv.compile(forAjv(pair.before));
  const after = ajv.compile(forAjv(pair.after));
  const samples = [...BOUNDARY_VALUES, ...instancesFor(pair.before, 40, index), ...instancesFor(pair.after, 40, index + 1)];
  // ajv checks `multipleOf` as `x / m === parseInt(x / m)`, which fails from 1e21 on (parseInt
  // reads the exponent form): integers no JSON client sends exactly, as for zod's bounds.
  const judged = [pair.rewrite, pair.then].includes('integer-as-multiple-of-one') ? samples.filter((value) => !hasHugeNumber(value)) : samples;
  return judged.find((value) => before(value) !== after(value));
}

function hasHugeNumber(value: Json): boolean {
  if (typeof value === 'number') return Math.abs(value) > Number.MAX_SAFE_INTEGER;
  if (Array.isArray(value)) return value.some(hasHugeNumber);
  return value !== null && typeof value === 'object' && Object.values(value).some(hasHugeNumber);
}

function breakingRules(before: JsonObject, after: JsonObject, alsoRisky = false): string[] {
  const aspects = compareSchemas(before, after).map((d) => d.aspect);
  const alarm = (id: string) => getRule(id).severity === 'breaking' || (alsoRisky && getRule(id).severity === 'risky');
  return (['input', 'output'] as const).flatMap((direction) => aspects.map((aspect) => schemaRuleId(direction, aspect)).filter(alarm));
}

describe('compareSchemas: rewrites of real tool schemas that accept the same values (property-based)', () => {
  it('reports nothing breaking for any rewrite class, either way', () => {
    checkPairs(rewritePairs(RUNS, SEED), REWRITE_CLASSES, false);
  }, 600_000);

  it('reports nothing breaking or risky for a union whose branches together accept the same values, either way', () => {
    checkPairs(unionRewritePairs(RUNS, SEED), UNION_REWRITE_CLASSES, true);
  }, 600_000);
});

function checkPairs(pairs: RewritePair[], classes: readonly string[], alsoRisky: boolean): void {
  const perClass = new Map<string, number>();
  const failures: string[] = [];
  pairs.forEach((pair, index) => {
    const witness = distinguishing(pair, index);
    if (witness !== undefined) {
      failures.push(`${pair.rewrite} is not a refactor here: ajv tells ${JSON.stringify(witness)} apart\n  before ${JSON.stringify(pair.before)}\n  after  ${JSON.stringify(pair.after)}`);
      return;
    }
    perClass.set(pair.rewrite, (perClass.get(pair.rewrite) ?? 0) + 1);
    for (const [before, after, way] of [[pair.before, pair.after, 'forward'], [pair.after, pair.before, 'reverse']] as const) {
      const rules = breakingRules(before, after, alsoRisky);
      if (rules.length > 0) failures.push(`${pair.rewrite}${pair.then ? ` + ${pair.then}` : ''} (${way}, ${pair.source}): ${[...new Set(rules)].join(', ')}\n  before ${JSON.stringify(before)}\n  after  ${JSON.stringify(after)}`);
    }
  });
  console.log(`refactor equivalence: ${pairs.length} pairs, ${[...perClass].map(([name, n]) => `${name} ${n}`).join(', ')}`);
  expect(failures.slice(0, 5)).toEqual([]);
  // Every class was exercised: a generator that stopped applying a class must not pass silently.
  for (const name of classes) expect(perClass.get(name) ?? 0, name).toBeGreaterThan(0);
}
