import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { compareSchemas } from '../../../src/schema/compare.js';
import { getRule } from '../../../src/rules/registry.js';
import { schemaRuleId } from '../../../src/rules/schema-rules.js';
import type { SchemaDirection } from '../../../src/schema/model.js';
import { UNION_MUTATIONS, cutExactly, instance, mutate, mutations, mutationsOf, schema, usesOnlyDeclared } from './schema-arbitraries.js';
import { instancesFor } from './schema-instances.js';
import { accepts, asParsedJson, validator } from './ajv-oracle.js';

/**
 * Unions whose branches together cover the schema they replace, against ajv. Every case cuts a
 * random schema into an `anyOf` somewhere (by its types, its enum values, one property's enum
 * values), puts a catch-all branch next to a narrower copy, or respells `additionalProperties` /
 * `integer`; some cuts drop or narrow a piece, and a general mutation may follow.
 * - Soundness: an instance valid before and rejected after means a breaking input verdict; one
 *   rejected before and valid after, a breaking output verdict.
 * - Exact cuts: when ajv tells no sampled instance apart, nothing breaking or risky, either way,
 *   as input or output.
 * PROPERTY_RUNS sets the number of cases.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);
const TIMEOUT = Math.max(60_000, RUNS * 200);

function severities(direction: SchemaDirection, before: JsonObject, after: JsonObject): string[] {
  return compareSchemas(before, after).map((d) => `${getRule(schemaRuleId(direction, d.aspect)).severity} ${d.aspect} ${d.pointer}`);
}

const BOUNDARY_VALUES: Json[] = [null, true, false, '', 'a', 'ab', 'abc', -1, 0, 0.5, 1, 2, 3, 10, [], [1], ['a', 'b'], {}, { a: 'a' }, { a: 1 }, { b: 'ab' }, { c: null }, { a: 'a', b: 1, c: null }];

const unionSteps = mutationsOf(UNION_MUTATIONS);
/** A union step, sometimes followed by a general mutation. */
const steps = fc.tuple(unionSteps, fc.option(mutations, { nil: undefined, freq: 3 })).map(([union, more]) => [...union, ...(more ?? [])]);

describe('unions that cover the schema they replace, against ajv (property-based)', () => {
  it('a narrowing is breaking for inputs, a widening for outputs', () => {
    fc.assert(
      fc.property(schema, steps, fc.array(instance, { maxLength: 30 }), fc.nat(), (before, changes, samples, seed) => {
        const after = mutate(before, changes);
        const validBefore = validator(before);
        const validAfter = validator(after);
        const values = [...BOUNDARY_VALUES, ...samples.map(asParsedJson), ...instancesFor(before, 50, seed), ...instancesFor(after, 50, seed + 1)];
        const narrowed = values.find((value) => validBefore(value) && !validAfter(value) && usesOnlyDeclared(value, before, accepts));
        if (narrowed !== undefined && !severities('input', before, after).some((s) => s.startsWith('breaking'))) {
          throw new Error(`missed a breaking input change: ${JSON.stringify(narrowed)} is rejected now\nbefore ${JSON.stringify(before)}\nafter  ${JSON.stringify(after)}\nfound  ${severities('input', before, after).join('; ')}`);
        }
        const widened = values.find((value) => !validBefore(value) && validAfter(value));
        if (widened !== undefined && !severities('output', before, after).some((s) => s.startsWith('breaking'))) {
          throw new Error(`missed a breaking output change: ${JSON.stringify(widened)} may be returned now\nbefore ${JSON.stringify(before)}\nafter  ${JSON.stringify(after)}\nfound  ${severities('output', before, after).join('; ')}`);
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('an exact cut into a union is no alarm, either way, as input or output', () => {
    const stats = { cases: 0, changed: 0, judged: 0 };
    fc.assert(
      fc.property(schema, fc.array(fc.record({ at: fc.nat(), pick: fc.nat({ max: 1000 }) }), { minLength: 1, maxLength: 2 }), fc.nat(), (before, cuts, seed) => {
        const after = cutExactly(before, cuts);
        stats.cases++;
        if (JSON.stringify(after) === JSON.stringify(before)) return;
        stats.changed++;
        const validBefore = validator(before);
        const validAfter = validator(after);
        const values = [...BOUNDARY_VALUES, ...instancesFor(before, 60, seed), ...instancesFor(after, 60, seed + 1)];
        // A respelling ajv tells apart is not exact here (`unevaluatedProperties` next to an applicator, say): not judged.
        if (values.some((value) => validBefore(value) !== validAfter(value))) return;
        stats.judged++;
        for (const [a, b] of [[before, after], [after, before]]) {
          for (const direction of ['input', 'output'] as const) {
            const alarms = severities(direction, a, b).filter((s) => !s.startsWith('compatible'));
            if (alarms.length > 0) throw new Error(`false alarm (${direction}): ${alarms.join('; ')}\nbefore ${JSON.stringify(a)}\nafter  ${JSON.stringify(b)}`);
          }
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`exact cuts: ${stats.cases} cases, ${stats.changed} changed, ${stats.judged} of them judged equivalent by ajv`);
    expect(stats.changed).toBeGreaterThan(stats.cases / 4);
    expect(stats.judged).toBeGreaterThan(stats.changed / 2);
  }, TIMEOUT);
});
