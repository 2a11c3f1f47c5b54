import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';
import { compareSchemas } from '../../../src/schema/compare.js';
import { getRule } from '../../../src/rules/registry.js';
import { schemaRuleId } from '../../../src/rules/schema-rules.js';
import type { SchemaDirection } from '../../../src/schema/model.js';
import type { Severity } from '../../../src/rules/types.js';
import { instancesFor } from './schema-instances.js';

// Spellings that accept the same values as what they replaced: no false alarm, and every real
// narrowing next to them still caught.

const found = (before: JsonObject, after: JsonObject) => compareSchemas(before, after).map((d) => `${d.aspect} ${d.pointer}`);

function severities(direction: SchemaDirection, before: JsonObject, after: JsonObject): Severity[] {
  return [...new Set(compareSchemas(before, after).map((d) => getRule(schemaRuleId(direction, d.aspect)).severity))].sort();
}

const breaking = (direction: SchemaDirection, before: JsonObject, after: JsonObject) => severities(direction, before, after).includes('breaking');

/** No breaking or risky finding, either way, as input or output. */
function expectNoAlarm(before: JsonObject, after: JsonObject): void {
  for (const [a, b] of [[before, after], [after, before]]) {
    for (const direction of ['input', 'output'] as const) {
      expect(severities(direction, a, b).filter((s) => s !== 'compatible'), `${direction}: ${JSON.stringify(a)} -> ${JSON.stringify(b)}`).toEqual([]);
    }
  }
}

const ajv = new Ajv2020({ strict: false, validateFormats: false });

/** ajv agrees the two accept the same values, on instances shaped by both. */
function expectSameValues(before: JsonObject, after: JsonObject): void {
  const validBefore = ajv.compile(before);
  const validAfter = ajv.compile(after);
  const samples: Json[] = [null, true, 0, 1, 1.5, -3, 'a', 'b', 'c', '', [], {}, ...instancesFor(before, 150, 1), ...instancesFor(after, 150, 2)];
  expect(samples.filter((value) => validBefore(value) !== validAfter(value))).toEqual([]);
}

/** Equivalent: ajv agrees, and the comparator finds nothing either way, at the root, nested, and behind a `$ref`. */
function expectEquivalent(before: JsonObject, after: JsonObject): void {
  expectSameValues(before, after);
  const nest = (s: JsonObject): JsonObject => ({ type: 'object', properties: { outer: { type: 'object', properties: { field: s } } } });
  const behindRef = (s: JsonObject): JsonObject => ({ type: 'object', $defs: { Field: s }, properties: { field: { $ref: '#/$defs/Field' } } });
  for (const wrap of [(s: JsonObject) => s, nest, behindRef]) {
    expect(found(wrap(before), wrap(after))).toEqual([]);
    expect(found(wrap(after), wrap(before))).toEqual([]);
  }
}

/** A value valid before and invalid after, by ajv: the pair is a real narrowing of inputs. */
function witness(before: JsonObject, after: JsonObject, candidates: Json[]): Json | undefined {
  const validBefore = ajv.compile(before);
  const validAfter = ajv.compile(after);
  return candidates.find((value) => validBefore(value) && !validAfter(value));
}

const closed = (k: Json[]): JsonObject => ({ type: 'object', additionalProperties: false, properties: { k: { enum: k } } });

describe('nullable unions of literals (zod-to-json-schema)', () => {
  it('a union of literals with null vs z.enum().nullable()', () => {
    expectEquivalent({ type: ['string', 'null'], enum: ['asc', 'desc', null] }, { anyOf: [{ type: 'string', enum: ['asc', 'desc'] }, { type: 'null' }] });
  });

  it('an untyped enum with null vs an enum branch and a null branch', () => {
    expectEquivalent({ enum: ['a', 'b', null] }, { anyOf: [{ enum: ['a', 'b'] }, { type: 'null' }] });
  });

  it('facing an enum, type null is enum [null] and type boolean is enum [true, false]', () => {
    expectEquivalent({ type: 'null' }, { enum: [null] });
    expectEquivalent({ type: 'boolean' }, { enum: [true, false] });
    expect(found({ type: 'boolean' }, { enum: [true] })).toEqual(['enum-value-removed /enum']);
    expect(found({ type: ['boolean', 'null'] }, { enum: [false, null, 'x'] })).toEqual(['enum-value-removed /enum', 'enum-value-added /enum']);
  });

  it('a value dropped on the way is still a narrowing', () => {
    expect(breaking('input', { type: ['string', 'null'], enum: ['asc', 'desc', null] }, { anyOf: [{ type: 'string', enum: ['asc'] }, { type: 'null' }] })).toBe(true);
    expect(breaking('input', { enum: ['a', 'b', null] }, { enum: ['a', 'b'] })).toBe(true);
  });
});

describe('multipleOf on integers', () => {
  it.each([
    ['multipleOf: 1 on an integer', { type: 'integer' }, { type: 'integer', multipleOf: 1 }],
    ['multipleOf: 0.5 on an integer', { type: 'integer', minimum: 0 }, { type: 'integer', minimum: 0, multipleOf: 0.5 }],
    ['integer vs number with multipleOf: 1', { type: 'integer' }, { type: 'number', multipleOf: 1 }],
    ['integer vs number with multipleOf: 2', { type: 'integer', multipleOf: 2, maximum: 10 }, { type: 'number', multipleOf: 2, maximum: 10 }],
    ['nullable integer vs nullable number with multipleOf: 1', { type: ['integer', 'null'] }, { type: ['number', 'null'], multipleOf: 1 }],
    ['the type and multipleOf: 1 in two allOf parts', { type: 'integer', minimum: 1 }, { allOf: [{ type: 'integer' }, { minimum: 1, multipleOf: 1 }] }],
  ] as Array<[string, JsonObject, JsonObject]>)('%s', (_name, before, after) => expectEquivalent(before, after));

  it('still narrows what it narrows', () => {
    expect(breaking('input', { type: 'number' }, { type: 'number', multipleOf: 1 })).toBe(true);
    expect(breaking('input', { type: 'integer' }, { type: 'integer', multipleOf: 2 })).toBe(true);
    expect(breaking('input', { type: 'integer' }, { type: 'number', multipleOf: 2 })).toBe(true);
    expect(breaking('output', { type: 'integer' }, { type: 'number', multipleOf: 0.5 })).toBe(true);
  });
});

describe('unevaluatedProperties', () => {
  const a = { a: { type: 'string' } };

  it('without applicators it is additionalProperties', () => {
    expectEquivalent({ type: 'object', properties: a, additionalProperties: false }, { type: 'object', properties: a, unevaluatedProperties: false });
    expectEquivalent({ type: 'object', properties: a, additionalProperties: { type: 'number' } }, { type: 'object', properties: a, unevaluatedProperties: { type: 'number' } });
    expectEquivalent({ type: 'object', properties: a, additionalProperties: false }, { type: 'object', properties: a, additionalProperties: false, unevaluatedProperties: false });
  });

  it('next to a $ref or an allOf, it sees what they evaluate', () => {
    const flat: JsonObject = { type: 'object', properties: a, additionalProperties: false };
    for (const after of [
      { type: 'object', $defs: { A: { type: 'object', properties: a } }, $ref: '#/$defs/A', unevaluatedProperties: false },
      { type: 'object', allOf: [{ properties: a }], unevaluatedProperties: false },
      { anyOf: [{ type: 'object', properties: a }], unevaluatedProperties: false },
    ] as JsonObject[]) {
      expectSameValues(flat, after);
      expect(found(flat, after)).toEqual([]);
      expect(found(after, flat)).toEqual([]);
    }
  });

  it('narrowings through it are reported as for additionalProperties', () => {
    const ab = { ...a, b: { type: 'number' } };
    expect(found({ type: 'object', properties: ab, unevaluatedProperties: false }, { type: 'object', properties: a, unevaluatedProperties: false })).toEqual(['property-no-longer-accepted /properties/b']);
    expect(found({ type: 'object', properties: a }, { type: 'object', properties: a, unevaluatedProperties: false })).toEqual(['additional-properties-closed /additionalProperties']);
    expect(breaking('input', { type: 'object', properties: a, additionalProperties: false }, { type: 'object', properties: a, unevaluatedProperties: { type: 'string' } })).toBe(false);
    expect(breaking('input', { type: 'object', properties: a, unevaluatedProperties: { type: 'number' } }, { type: 'object', properties: a, unevaluatedProperties: { type: 'integer' } })).toBe(true);
  });

  it('next to a union of several branches it stays a keyword whose change cannot be proven safe', () => {
    const union: JsonObject = { type: 'object', anyOf: [{ properties: a, required: ['a'] }, { properties: { b: { type: 'number' } }, required: ['b'] }] };
    const closedUnion: JsonObject = { ...union, unevaluatedProperties: false };
    expect(witness(union, closedUnion, [{ a: 'x', c: 1 }])).toBeDefined();
    expect(compareSchemas(union, closedUnion).map((d) => d.aspect)).toEqual(['unknown-keyword-changed']);
    expect(breaking('input', union, closedUnion)).toBe(true);
    expect(breaking('output', closedUnion, union)).toBe(true);
  });
});
