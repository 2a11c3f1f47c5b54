// Estimates how often the schema comparator calls an input change breaking when no instance
// tells the two schemas apart: random schema + mutation pairs (the property tests' generators),
// then SAMPLES random instances and SAMPLES instances shaped by the schema searched for a witness with ajv.
// Run: npx tsx scripts/measure-false-alarms.ts [PAIRS] [SAMPLES]
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Json } from '../src/snapshot/model.js';
import { compareSchemas } from '../src/schema/compare.js';
import { getRule } from '../src/rules/registry.js';
import { schemaRuleId } from '../src/rules/schema-rules.js';
import { instance, mutate, mutations, schema } from '../test/unit/schema/schema-arbitraries.js';
import { instancesFor } from '../test/unit/schema/schema-instances.js';

const pairs = Number(process.argv[2] ?? 2000);
const samples = Number(process.argv[3] ?? 3000);
const ajv = new Ajv2020({ strict: false, validateFormats: false });
const pool = fc.sample(instance, { numRuns: samples, seed: 7 }).map((v) => JSON.parse(JSON.stringify(v)) as Json);
const cases = fc.sample(fc.tuple(schema, mutations), { numRuns: pairs, seed: 42 });

let breaking = 0;
let withoutWitness = 0;
let vacuous = 0;
const byRule = new Map<string, number>();
for (const [before, steps] of cases) {
  const after = mutate(before, steps);
  const rules = compareSchemas(before, after).map((d) => schemaRuleId('input', d.aspect));
  const breakingRules = rules.filter((id) => getRule(id).severity === 'breaking');
  if (breakingRules.length === 0) continue;
  breaking++;
  const validBefore = ajv.compile(before);
  const validAfter = ajv.compile(after);
  const candidates = [...pool, ...instancesFor(before, samples, 1)];
  // A schema no candidate satisfies is (almost always) unsatisfiable: nothing to break.
  if (!candidates.some((v) => validBefore(v) === true)) {
    vacuous++;
    continue;
  }
  const witness = candidates.some((v) => validBefore(v) === true && validAfter(v) !== true);
  if (!witness) {
    withoutWitness++;
    for (const id of new Set(breakingRules)) byRule.set(id, (byRule.get(id) ?? 0) + 1);
  }
}
const judged = breaking - vacuous;
console.log(`${pairs} pairs, ${breaking} breaking input verdicts (${vacuous} on schemas no candidate satisfies, left out), ${withoutWitness} of ${judged} with no witness among ${2 * samples} instances: ${((withoutWitness / judged) * 100).toFixed(1)}%, an upper bound of the false-alarm rate`);
console.log('rules in verdicts without a witness:', [...byRule].sort((a, b) => b[1] - a[1]).slice(0, 12));
