import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareSchemas } from '../../../src/schema/compare.js';
import { SCHEMA_ASPECTS } from '../../../src/rules/schema-rules.js';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { mutate, mutations, schema as realisticSchema } from './schema-arbitraries.js';

// A server may send anything as a schema. Whatever two values the comparator gets, it returns a
// list of known differences, with pointers, and never throws or loops.

const ASPECTS = new Set(SCHEMA_ASPECTS.map((aspect) => aspect.id));

/** Keys that name members of Object.prototype (or the prototype itself): in a schema they are data. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

const KEYWORDS = [
  'type', 'enum', 'const', 'required', 'properties', 'additionalProperties', 'patternProperties', 'propertyNames',
  'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas', 'dependencies', 'items', 'prefixItems',
  'additionalItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'minimum', 'maximum', 'exclusiveMinimum',
  'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format', 'allOf', 'anyOf', 'oneOf', 'not',
  'if', 'then', 'else', '$ref', '$defs', 'definitions', 'default', 'description', 'title', 'deprecated',
  'x-custom', ...PROTOTYPE_KEYS,
];

/** Schema-shaped values whose keywords hold anything: right types, wrong types, dangling and cyclic `$ref`s. */
const { schema } = fc.letrec<{ schema: Json; value: Json }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small' },
    fc.boolean(),
    fc.dictionary(fc.constantFrom(...KEYWORDS), tie('value'), { maxKeys: 5 }) as fc.Arbitrary<Json>,
  ),
  value: fc.oneof(
    { depthSize: 'small' },
    tie('schema'),
    fc.constantFrom<Json>('string', 'object', 'null', 'integer', ['string', 'null'], '#', '#/$defs/a', '#/properties/x', '#/definitions/a/properties/b', 'http://127.0.0.1:1/x.json', '[', '(a', 0, -1, 2.5, 1e308, null, [], {}, ['a', 'a']),
    fc.dictionary(fc.constantFrom('a', 'b', 'x', '~1', '/', ...PROTOTYPE_KEYS), tie('schema'), { maxKeys: 3 }) as fc.Arbitrary<Json>,
    fc.array(tie('schema'), { maxLength: 3 }),
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  ),
}));

function check(before: Json, after: Json): void {
  const differences = compareSchemas(before as JsonObject, after as JsonObject);
  expect(Array.isArray(differences)).toBe(true);
  for (const difference of differences) {
    expect(ASPECTS.has(difference.aspect), difference.aspect).toBe(true);
    expect(difference.pointer === '' || difference.pointer.startsWith('/')).toBe(true);
  }
}

/** The same JSON with every object's keys in reverse order. */
function reordered(value: Json): Json {
  if (Array.isArray(value)) return value.map(reordered);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).reverse().map((key) => [key, reordered(value[key] as Json)]));
}

describe('compareSchemas on arbitrary input (fuzz)', () => {
  it('compares any two JSON values without throwing', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }) as fc.Arbitrary<Json>, fc.jsonValue({ maxDepth: 5 }) as fc.Arbitrary<Json>, check), { numRuns: 300 });
  });

  it('compares any two schema-shaped values, wrong keyword types and dangling or cyclic $refs included', () => {
    fc.assert(fc.property(schema, schema, check), { numRuns: 500 });
  });

  it('finds no difference between a value and its copy, whatever the order of its keys', () => {
    fc.assert(
      fc.property(schema, (value) => {
        expect(compareSchemas(value as JsonObject, structuredClone(value) as JsonObject)).toEqual([]);
        expect(compareSchemas(value as JsonObject, reordered(value) as JsonObject)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the same differences when property names, enum values and constants are prototype keys', () => {
    fc.assert(
      fc.property(realisticSchema, mutations, fc.constantFrom(...PROTOTYPE_KEYS), fc.constantFrom('a', 'b', 'c'), (before, steps, key, name) => {
        const after = mutate(before, steps);
        // The same rename in both schemas, through JSON text so `__proto__` becomes an own member as in parsed input.
        const renamed = (value: JsonObject) => JSON.parse(JSON.stringify(value).replaceAll(`"${name}"`, JSON.stringify(key))) as JsonObject;
        const aspects = (x: JsonObject, y: JsonObject) => compareSchemas(x, y).map((d) => d.aspect).sort();
        expect(aspects(renamed(before), renamed(after))).toEqual(aspects(before, after));
        expect(aspects(renamed(after), renamed(before))).toEqual(aspects(after, before));
      }),
      { numRuns: 300 },
    );
  });
});
