import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';

// The official SARIF 2.1.0 schema (draft-04), vendored beside this file (see README.md), compiled once
// for every test that checks SARIF output. Its `$schema` and `id` are dropped: ajv's default draft
// reads the rest as it is.
const official = JSON.parse(readFileSync(new URL('./sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8')) as Record<string, unknown>;
delete official.$schema;
delete official.id;
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats.default(ajv);

/** Validates a SARIF log against the official schema; `validateSarif.errors` says why it failed. */
export const validateSarif = ajv.compile(official);
