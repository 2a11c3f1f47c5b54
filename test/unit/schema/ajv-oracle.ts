import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';

// The real validator the comparator's property tests judge it by: ajv, draft 2020-12, formats not checked.

const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: false });

/** A schema compiled once, as a yes/no check of a value. */
export function validator(schema: JsonObject): (value: Json) => boolean {
  const validate = ajv.compile(schema);
  return (value) => validate(value) === true;
}

/** Whether a sub-schema accepts a value (the generated schemas have no `$ref`, so a branch validates alone). */
export function accepts(value: Json, branch: Json): boolean {
  return ajv.validate(branch as JsonObject | boolean, value) === true;
}

/** Instances as a client or server would send them: parsed JSON (ordinary prototypes, no `__proto__` oddities). */
export function asParsedJson(value: Json): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
