import { describe, expect, it } from 'vitest';
import { compareWithJsonSchemaDiff } from '../../../scripts/json-schema-diff-comparison.js';
import { jsonSchemaDiff } from '../../support/json-schema-diff-oracle.js';

/**
 * json-schema-diff computes exact set differences for the keywords it supports. Where it finds
 * values that are no longer accepted (removals), the input verdict here must be breaking; where
 * it finds values newly accepted (additions), the output verdict must be breaking. The exceptions
 * are deliberate policy (design §5) or json-schema-diff not knowing a 2020-12 keyword.
 */
const POLICY_EXCEPTIONS: Record<string, string> = {
  'property-added': 'an optional property added to an open input object is compatible by design',
  "zod's safe-integer bounds appear": 'integers beyond ±(2^53-1) cannot be sent exactly by any JSON client',
  'draft-07 tuple items vs prefixItems': 'json-schema-diff reads draft-07 only and does not know prefixItems',
  // Refactors where json-schema-diff's set arithmetic is coarser than the standard; each is
  // checked equivalent by ajv on generated instances in compare.exactness.test.ts.
  'enum spelled as an anyOf of consts': 'json-schema-diff applies `enum` to strings only: an enum without `type` reads as admitting every other type',
  'enum spelled as a oneOf of typed consts (zod 4 literals)': 'json-schema-diff cannot see that distinct `const` branches never both match, so it reads the `oneOf` as rejecting values',
  'number bounds at ±Number.MAX_VALUE': 'json-schema-diff counts numbers below -Number.MAX_VALUE, which no JSON parser produces',
  'anyOf to oneOf over a required discriminator': 'json-schema-diff cannot see that distinct discriminator values make the branches disjoint',
};

describe('schema comparator against json-schema-diff (differential)', () => {
  it('is breaking wherever json-schema-diff proves values were removed or added', async () => {
    const rows = await compareWithJsonSchemaDiff();
    const disagreements: string[] = [];
    for (const row of rows) {
      if ('skipped' in row.theirs || row.name in POLICY_EXCEPTIONS) continue;
      if (row.theirs.removals && !row.ours.inputBreaking) disagreements.push(`${row.name}: removals found, input not breaking (${row.ours.aspects.join(', ')})`);
      if (row.theirs.additions && !row.ours.outputBreaking) disagreements.push(`${row.name}: additions found, output not breaking (${row.ours.aspects.join(', ')})`);
    }
    expect(disagreements).toEqual([]);
    // The oracle did run on most pairs: a broken harness must not pass silently.
    expect(rows.filter((r) => !('skipped' in r.theirs)).length).toBeGreaterThan(rows.length * 0.9);
  }, 300_000);

  it('the oracle gives each pair its own verdict when asked for several at once, and a pair that times out spoils no other', async () => {
    const text = { type: 'object', properties: { x: { type: 'string' } } };
    const textOrNumber = { type: 'object', properties: { x: { type: ['string', 'number'] } } };
    expect(await jsonSchemaDiff(text, textOrNumber, 1)).toEqual({ skipped: 'timed out after 1 ms' });
    expect(await Promise.all([jsonSchemaDiff(text, textOrNumber), jsonSchemaDiff(textOrNumber, text), jsonSchemaDiff(text, text)])).toEqual([
      { additionsFound: true, removalsFound: false },
      { additionsFound: false, removalsFound: true },
      { additionsFound: false, removalsFound: false },
    ]);
  }, 60_000);
});
