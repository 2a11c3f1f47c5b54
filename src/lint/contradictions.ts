import { has, isObject, own, sameJson, typeAccepts } from '../schema/json.js';
import type { Json, JsonObject } from '../snapshot/model.js';
import { onlyType } from './schema-nodes.js';

/** Why a subschema accepts no value: the keyword at fault (relative pointer) and a short reason. */
export interface Contradiction {
  /** Relative to the subschema, e.g. `/minimum` or `/enum`; empty for the schema itself. */
  at: string;
  reason: string;
}

/**
 * Why a subschema accepts no value at all, or undefined when it may accept some. Pure and local:
 * only what the subschema itself says is used (no `$ref` is followed), so every answer is a proof.
 * `false` and `not: {}` count only when `explicitNo` is set: elsewhere they are the usual way to
 * forbid an optional property or extra items.
 */
export function whyNothingMatches(schema: Json, explicitNo: boolean): Contradiction | undefined {
  if (schema === false) return explicitNo ? { at: '', reason: 'the schema is `false`' } : undefined;
  if (!isObject(schema)) return undefined;
  const not = own(schema, 'not');
  if (explicitNo && (not === true || (isObject(not) && Object.keys(not).length === 0))) return { at: '/not', reason: '`not` holds a schema that accepts everything' };
  return contradictions(schema)[0];
}

/** The keywords of one subschema that contradict each other. */
export function contradictions(schema: JsonObject): Contradiction[] {
  const found: Contradiction[] = [];
  const types = typeSet(schema);
  if (types !== undefined && types.size === 0) found.push({ at: '/type', reason: '`type` names no type' });
  const allowed = allowedTypes(schema);
  if (types?.size !== 0 && allowed !== undefined && allowed.size === 0) found.push({ at: '/allOf', reason: 'the `type`s of `allOf` and of the schema have no type in common' });

  const enumValues = own(schema, 'enum');
  if (Array.isArray(enumValues)) {
    if (enumValues.length === 0) found.push({ at: '/enum', reason: '`enum` is empty' });
    else if (allowed !== undefined && !enumValues.some((value) => typeAccepts(allowed, value))) found.push({ at: '/enum', reason: 'no value of `enum` has an allowed `type`' });
  }
  if (has(schema, 'const')) {
    const value = schema.const as Json;
    if (Array.isArray(enumValues) && !enumValues.some((item) => sameJson(item, value))) found.push({ at: '/const', reason: '`const` is not one of the `enum` values' });
    else if (allowed !== undefined && !typeAccepts(allowed, value)) found.push({ at: '/const', reason: '`const` does not have an allowed `type`' });
  }

  if (allowed !== undefined && allowed.size > 0 && [...allowed].every((type) => type === 'number' || type === 'integer')) {
    const bounds = numericContradiction(schema, !allowed.has('number'));
    if (bounds) found.push(bounds);
  }
  if (onlyType(schema, 'string')) pushCount(found, schema, 'minLength', 'maxLength');
  if (onlyType(schema, 'array')) {
    pushCount(found, schema, 'minItems', 'maxItems');
    if (has(schema, 'contains')) pushCount(found, schema, 'minContains', 'maxContains');
  }
  if (onlyType(schema, 'object')) {
    pushCount(found, schema, 'minProperties', 'maxProperties');
    const required = requiredNames(schema);
    const max = own(schema, 'maxProperties');
    if (typeof max === 'number' && required.length > max) found.push({ at: '/required', reason: `\`required\` names ${required.length} properties but \`maxProperties\` is ${max}` });
    const forbidden = required.find((name) => forbidsProperty(schema, name));
    if (forbidden !== undefined) found.push({ at: '/required', reason: `\`required\` names \`${forbidden}\`, which \`additionalProperties: false\` forbids` });
  }
  return found;
}

/** The names of `required`, once each. */
export function requiredNames(schema: JsonObject): string[] {
  const required = own(schema, 'required');
  return Array.isArray(required) ? [...new Set(required.filter((name): name is string => typeof name === 'string'))] : [];
}

/** Whether the schema itself rejects any object holding `name`: not declared, matched by no pattern, and `additionalProperties: false`. */
export function forbidsProperty(schema: JsonObject, name: string): boolean {
  if (own(schema, 'additionalProperties') !== false) return false;
  const properties = own(schema, 'properties');
  if (isObject(properties) && Object.hasOwn(properties, name)) return false;
  return !matchesPattern(schema, name);
}

/** Whether a `patternProperties` pattern may match the name (an invalid pattern counts as a match: nothing is proven). */
export function matchesPattern(schema: JsonObject, name: string): boolean {
  const patterns = own(schema, 'patternProperties');
  if (!isObject(patterns)) return false;
  return Object.keys(patterns).some((pattern) => {
    try {
      return new RegExp(pattern, 'u').test(name);
    } catch {
      return true;
    }
  });
}

/** `type` as a set (undefined: any type). */
function typeSet(schema: JsonObject): Set<string> | undefined {
  const type = own(schema, 'type');
  if (typeof type === 'string') return new Set([type]);
  if (Array.isArray(type)) return new Set(type.filter((item): item is string => typeof item === 'string'));
  return undefined;
}

/** The types the schema and its allOf branches all admit (integer within number), or undefined when none restricts them. */
function allowedTypes(schema: JsonObject): Set<string> | undefined {
  let allowed = typeSet(schema);
  const branches = own(schema, 'allOf');
  for (const branch of Array.isArray(branches) ? branches : []) {
    const types = isObject(branch) ? typeSet(branch) : undefined;
    if (types !== undefined) allowed = allowed === undefined ? types : intersect(allowed, types);
  }
  return allowed;
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const type of a) {
    if (b.has(type)) out.add(type);
    else if (type === 'integer' && b.has('number')) out.add('integer');
    else if (type === 'number' && b.has('integer')) out.add('integer');
  }
  return out;
}

function pushCount(found: Contradiction[], schema: JsonObject, minKey: string, maxKey: string): void {
  const min = own(schema, minKey);
  const max = own(schema, maxKey);
  if (typeof min === 'number' && typeof max === 'number' && min > max) found.push({ at: `/${minKey}`, reason: `\`${minKey}\` ${min} is greater than \`${maxKey}\` ${max}` });
}

/** minimum/exclusiveMinimum against maximum/exclusiveMaximum (numbers, or draft-04's boolean flags); `integers`: only whole numbers are admitted. */
function numericContradiction(schema: JsonObject, integers: boolean): Contradiction | undefined {
  const low = bound(schema, 'minimum', 'exclusiveMinimum');
  const high = bound(schema, 'maximum', 'exclusiveMaximum');
  if (!low || !high) return undefined;
  const empty = integers
    ? (low.exclusive ? Math.floor(low.value) + 1 : Math.ceil(low.value)) > (high.exclusive ? Math.ceil(high.value) - 1 : Math.floor(high.value))
    : low.value > high.value || (low.value === high.value && (low.exclusive || high.exclusive));
  if (!empty) return undefined;
  return { at: `/${low.keyword}`, reason: `no ${integers ? 'integer' : 'number'} is both ${low.exclusive ? '>' : '>='} ${low.value} (\`${low.keyword}\`) and ${high.exclusive ? '<' : '<='} ${high.value} (\`${high.keyword}\`)` };
}

interface Bound {
  value: number;
  exclusive: boolean;
  keyword: string;
}

/** The tighter of the inclusive and exclusive bound on one side. */
function bound(schema: JsonObject, inclusiveKey: string, exclusiveKey: string): Bound | undefined {
  const inclusive = own(schema, inclusiveKey);
  const exclusive = own(schema, exclusiveKey);
  const lower = inclusiveKey === 'minimum';
  const candidates: Bound[] = [];
  if (typeof inclusive === 'number') candidates.push({ value: inclusive, exclusive: exclusive === true, keyword: inclusiveKey });
  if (typeof exclusive === 'number') candidates.push({ value: exclusive, exclusive: true, keyword: exclusiveKey });
  if (candidates.length === 0) return undefined;
  return candidates.reduce((a, b) => {
    if (a.value !== b.value) return (lower ? a.value > b.value : a.value < b.value) ? a : b;
    return a.exclusive ? a : b;
  });
}
