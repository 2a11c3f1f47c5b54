import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import { resolveLocalRef } from '../../../src/schema/normalize.js';
import type { Json, JsonObject, Snapshot } from '../../../src/snapshot/model.js';
import { instance, mutate, mutations, schema } from '../schema/schema-arbitraries.js';
import { instancesFor } from '../schema/schema-instances.js';

/**
 * The schema checks against a real validator: every finding is meant as a proof. For random schemas
 * (mutated, which often sets a bound against another), whenever lint says a required parameter can
 * match nothing, or a subschema contradicts itself, no sampled instance may be accepted by ajv.
 * PROPERTY_RUNS sets the number of cases.
 */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 300);
const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });
const BOUNDARY_VALUES: Json[] = [null, true, false, '', 'a', 'abcd', -1, 0, 0.5, 1, 1.5, 2, 3, 5, 10, 12, [], [1], ['a', 'b'], {}, { a: 'a' }, { a: 1, b: 'ab' }];

function snapshotWith(inputSchema: JsonObject): Snapshot {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 's', version: '1.0.0', protocolVersion: '2025-11-25', capabilities: { tools: {} } },
    tools: [{ name: 't', description: 'A tool.', inputSchema }],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
}

describe('lint schema findings against ajv (property-based)', () => {
  it('never calls unsatisfiable a schema ajv accepts an instance of', () => {
    const stats = { cases: 0, unsatisfiable: 0, contradictions: 0 };
    fc.assert(
      fc.property(schema, mutations, fc.array(instance, { maxLength: 30 }), fc.nat(), (generated, steps, samples, seed) => {
        const parameter = mutate(generated, steps);
        const inputSchema: JsonObject = { type: 'object', properties: { p: parameter }, required: ['p'] };
        const candidates = [...BOUNDARY_VALUES, ...samples.map((value) => JSON.parse(JSON.stringify(value)) as Json), ...instancesFor(parameter, 40, seed)];
        stats.cases++;
        for (const finding of lintSnapshot(snapshotWith(inputSchema))) {
          if (finding.rule === 'input-schema-unsatisfiable') {
            stats.unsatisfiable++;
            const validate = ajv.compile(inputSchema);
            const accepted = candidates.find((value) => validate({ p: value }) === true);
            expect(accepted, `${finding.message}\n${JSON.stringify(inputSchema)}`).toBeUndefined();
          }
          if (finding.rule === 'schema-contradiction') {
            stats.contradictions++;
            const at = String(finding.params?.at ?? '');
            const subschema = resolveLocalRef(inputSchema, `#${at.replace(/^\/inputSchema/, '')}`) as JsonObject;
            const validate = ajv.compile(subschema);
            const own = instancesFor(subschema, 40, seed);
            const accepted = [...candidates, ...own].find((value) => validate(value) === true);
            expect(accepted, `${finding.message}\n${JSON.stringify(subschema)}`).toBeUndefined();
          }
        }
      }),
      { numRuns: RUNS },
    );
    console.log(`lint soundness: ${stats.cases} cases, ${stats.unsatisfiable} unsatisfiable findings, ${stats.contradictions} contradictions, none contradicted by ajv`);
    expect(stats.unsatisfiable + stats.contradictions, 'the generator reaches the checks').toBeGreaterThan(0);
  }, 120_000);
});
