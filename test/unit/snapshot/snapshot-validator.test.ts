import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_VALIDATOR, snapshotValidatorSource } from '../../../scripts/snapshot-validator.js';

describe('src/snapshot/snapshot-validator.generated.js', () => {
  it('is up to date with schemas/snapshot.schema.json (run `npm run generate:validator`)', () => {
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8')).toBe(snapshotValidatorSource());
  });
});
