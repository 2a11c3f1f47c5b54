// Two measurements of false alarms of the schema comparator.
//
// Random mutations: how often an input change is called breaking when no instance tells the two
// schemas apart: random schema + mutation pairs (the property tests' generators), then SAMPLES
// random instances and SAMPLES instances shaped by the schema searched for a witness with ajv.
// Run: npx tsx scripts/measure-false-alarms.ts [PAIRS] [SAMPLES]
//
// Refactors (docs/exactness.md): the false-breaking rate per rewrite class on the generated
// corpus of test/unit/schema/schema-rewrites.ts (fixed seed), only pairs ajv confirms accept the
// same values. `--src DIR` measures the engine of another checkout (DIR is its `src`), so the same
// corpus can be run against an earlier engine: `git archive <commit> src | tar -x -C /tmp/before`.
// Run: npx tsx scripts/measure-false-alarms.ts refactors [PAIRS] [--src DIR]
// `unions` instead of `refactors` measures the corpus of unions that cover what they replace
// (UNION_REWRITE_CLASSES), counting breaking and risky verdicts.
// Run: npx tsx scripts/measure-false-alarms.ts unions [PAIRS] [--src DIR]
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Json } from '../src/snapshot/model.js';
import { compareSchemas } from '../src/schema/compare.js';
import { getRule } from '../src/rules/registry.js';
import { schemaRuleId } from '../src/rules/schema-rules.js';
import { instance, mutate, mutations, schema } from '../test/unit/schema/schema-arbitraries.js';
import { instancesFor } from '../test/unit/schema/schema-instances.js';
import { REWRITE_CLASSES, UNION_REWRITE_CLASSES, rewritePairs, unionRewritePairs } from '../test/unit/schema/schema-rewrites.js';

if (process.argv[2] === 'refactors' || process.argv[2] === 'unions') await measureRefactors(process.argv[2]);
else measureMutations();

async function measureRefactors(corpus: 'refactors' | 'unions'): Promise<void> {
  const args = process.argv.slice(3);
  const srcAt = args.indexOf('--src');
  const src = srcAt >= 0 ? resolve(args[srcAt + 1]) : resolve(import.meta.dirname, '../src');
  const count = Number(args.find((arg, index) => /^\d+$/.test(arg) && args[index - 1] !== '--src') ?? 5000);
  type Compare = (before: Json, after: Json) => Array<{ aspect: string }>;
  const engine = (await import(pathToFileURL(`${src}/schema/compare.ts`).href)) as { compareSchemas: Compare };
  const registry = (await import(pathToFileURL(`${src}/rules/registry.ts`).href)) as { getRule(id: string): { severity: string } };
  const ajv = new Ajv2020({ strict: false, validateFormats: false });
  const forAjv = (schema: Json): Json => {
    const { $schema: _dialect, ...rest } = schema as Record<string, Json>;
    return rest;
  };
  // The union corpus counts risky verdicts too: a union that covers what it replaced removes nothing.
  const alarms = corpus === 'unions' ? ['breaking', 'risky'] : ['breaking'];
  const breaking = (before: Json, after: Json) =>
    engine.compareSchemas(before, after).some((d) => (['input', 'output'] as const).some((direction) => alarms.includes(registry.getRule(`${direction}-${d.aspect}`).severity)));
  const rows = new Map<string, { pairs: number; unconfirmed: number; falseBreaking: number }>();
  const pairs = corpus === 'unions' ? unionRewritePairs(count, 20261203) : rewritePairs(count, 20261203);
  // ajv checks `multipleOf` as `x / m === parseInt(x / m)`, which fails from 1e21 on: such integers are not judged.
  const huge = (value: Json): boolean =>
    typeof value === 'number' ? Math.abs(value) > Number.MAX_SAFE_INTEGER : value !== null && typeof value === 'object' && Object.values(value).some(huge);
  pairs.forEach((pair, index) => {
    const name = pair.then ? 'two rewrites combined' : pair.rewrite;
    const row = rows.get(name) ?? { pairs: 0, unconfirmed: 0, falseBreaking: 0 };
    rows.set(name, row);
    row.pairs++;
    const validBefore = ajv.compile(forAjv(pair.before) as object);
    const validAfter = ajv.compile(forAjv(pair.after) as object);
    const samples = [...instancesFor(pair.before, 40, index), ...instancesFor(pair.after, 40, index + 1)].filter((value) => corpus === 'refactors' || !huge(value));
    if (samples.some((value) => validBefore(value) !== validAfter(value))) {
      row.unconfirmed++;
      return;
    }
    if (breaking(pair.before, pair.after) || breaking(pair.after, pair.before)) row.falseBreaking++;
  });
  console.log(`engine: ${src}; ${corpus}, ${count} pairs, seed 20261203`);
  console.log(`| rewrite class | pairs | confirmed by ajv | false ${alarms.join(' or ')} (either way) | rate |`);
  console.log('|---|---:|---:|---:|---:|');
  const total = { pairs: 0, confirmed: 0, falseBreaking: 0 };
  for (const name of [...(corpus === 'unions' ? UNION_REWRITE_CLASSES : REWRITE_CLASSES), 'two rewrites combined']) {
    const row = rows.get(name);
    if (!row) continue;
    const confirmed = row.pairs - row.unconfirmed;
    total.pairs += row.pairs;
    total.confirmed += confirmed;
    total.falseBreaking += row.falseBreaking;
    console.log(`| ${name} | ${row.pairs} | ${confirmed} | ${row.falseBreaking} | ${((row.falseBreaking / Math.max(1, confirmed)) * 100).toFixed(1)}% |`);
  }
  console.log(`| all | ${total.pairs} | ${total.confirmed} | ${total.falseBreaking} | ${((total.falseBreaking / Math.max(1, total.confirmed)) * 100).toFixed(1)}% |`);
}

function measureMutations(): void {
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
}
