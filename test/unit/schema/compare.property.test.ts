import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { compareSchemas } from '../../../src/schema/compare.js';
import { getRule } from '../../../src/rules/registry.js';
import { schemaRuleId } from '../../../src/rules/schema-rules.js';
import type { SchemaDirection } from '../../../src/schema/model.js';
import { instance, mutate, mutations, schema, usesOnlyDeclared } from './schema-arbitraries.js';
import { instancesFor } from './schema-instances.js';
import { accepts, asParsedJson, validator } from './ajv-oracle.js';

/**
 * The comparator against a real validator. For a random schema and a random mutation of it,
 * random instances are validated with ajv against both versions:
 * - an instance valid before and invalid after (one the "before" schema declares) proves the
 *   input schema narrowed, so the input verdict must be breaking;
 * - an instance invalid before and valid after proves the output schema widened, so the output
 *   verdict must be breaking.
 * PROPERTY_RUNS sets the number of cases (a few hundred by default; thousands locally).
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
/** Generous: each case compiles two schemas with ajv, and the machine may be shared. */
const TIMEOUT = Math.max(60_000, RUNS * 200);

function verdict(direction: SchemaDirection, before: JsonObject, after: JsonObject): { breaking: boolean; rules: string[] } {
  const rules = compareSchemas(before, after).map((d) => schemaRuleId(direction, d.aspect));
  return { breaking: rules.some((id) => getRule(id).severity === 'breaking'), rules };
}

const BOUNDARY_VALUES: Json[] = [null, true, false, '', 'a', 'ab', 'abc', 'abcd', -1, 0, 0.5, 1, 2, 2.5, 3, 4, 5, 6, 10, 11, 12, [], [1], [1, 1], ['a', 'b'], {}, { a: 'a' }, { a: 1 }, { b: 'ab' }, { a: 'a', b: 1, c: null }];

describe('compareSchemas against ajv (property-based)', () => {
  const stats = { cases: 0, inputBreakingVerdicts: 0, inputBreakingWithoutWitness: 0, changedCases: 0 };

  it('reports breaking for inputs whenever a declared instance valid before is rejected after', () => {
    fc.assert(
      fc.property(schema, mutations, fc.array(instance, { maxLength: 40 }), fc.nat(), (before, steps, samples, seed) => {
        const after = mutate(before, steps);
        const validBefore = validator(before);
        const validAfter = validator(after);
        const witness = [...BOUNDARY_VALUES, ...samples.map(asParsedJson), ...instancesFor(before, 60, seed)].find(
          (value) => validBefore(value) && !validAfter(value) && usesOnlyDeclared(value, before, accepts),
        );
        const result = verdict('input', before, after);
        stats.cases++;
        if (result.breaking) {
          stats.inputBreakingVerdicts++;
          if (witness === undefined) stats.inputBreakingWithoutWitness++;
        }
        if (witness !== undefined && !result.breaking) {
          throw new Error(`missed a breaking input change: ${JSON.stringify(witness)} is rejected now; rules: ${result.rules.join(', ') || '(none)'}\nbefore ${JSON.stringify(before)}\nafter  ${JSON.stringify(after)}`);
        }
      }),
      { numRuns: RUNS },
    );
    // The share of breaking verdicts for which no sampled instance told the schemas apart: an
    // upper bound of the false-alarm rate (sampling misses some real witnesses).
    const rate = stats.inputBreakingWithoutWitness / Math.max(1, stats.inputBreakingVerdicts);
    console.log(`input: ${stats.cases} cases, ${stats.inputBreakingVerdicts} breaking verdicts, ${stats.inputBreakingWithoutWitness} without a sampled witness (${(rate * 100).toFixed(1)}%)`);
  }, TIMEOUT);

  it('reports breaking for outputs whenever an instance invalid before is valid after', () => {
    fc.assert(
      fc.property(schema, mutations, fc.array(instance, { maxLength: 40 }), fc.nat(), (before, steps, samples, seed) => {
        const after = mutate(before, steps);
        const validBefore = validator(before);
        const validAfter = validator(after);
        const witness = [...BOUNDARY_VALUES, ...samples.map(asParsedJson), ...instancesFor(after, 60, seed)].find((value) => !validBefore(value) && validAfter(value));
        const result = verdict('output', before, after);
        if (witness !== undefined && !result.breaking) {
          throw new Error(`missed a breaking output change: ${JSON.stringify(witness)} may be returned now; rules: ${result.rules.join(', ') || '(none)'}\nbefore ${JSON.stringify(before)}\nafter  ${JSON.stringify(after)}`);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('finds nothing between a schema and itself, or a reordered copy of it', () => {
    fc.assert(
      fc.property(schema, (s) => {
        expect(compareSchemas(s, structuredClone(s))).toEqual([]);
        expect(compareSchemas(s, reorder(s) as JsonObject)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('does not modify its inputs', () => {
    fc.assert(
      fc.property(schema, mutations, (before, steps) => {
        const after = mutate(before, steps);
        const copies = [structuredClone(before), structuredClone(after)];
        compareSchemas(before, after);
        expect([before, after]).toEqual(copies);
      }),
      { numRuns: Math.min(RUNS, 200) },
    );
  });
});

/** The same schema with object keys, `required` and union branches in reverse order. */
function reorder(value: Json): Json {
  if (Array.isArray(value)) return value.map(reorder);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).reverse()) {
    const item = value[key];
    out[key] = (key === 'required' || key === 'anyOf') && Array.isArray(item) ? [...item].reverse().map(reorder) : reorder(item);
  }
  return out;
}
