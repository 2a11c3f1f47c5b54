import { writeFileSync } from 'node:fs';
import { GENERATED_VALIDATOR, snapshotValidatorSource } from './snapshot-validator.js';

writeFileSync(GENERATED_VALIDATOR, snapshotValidatorSource());
console.log('src/snapshot/snapshot-validator.generated.js: written');
