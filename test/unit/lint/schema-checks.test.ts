import { describe, expect, it } from 'vitest';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import type { JsonObject, Snapshot } from '../../../src/snapshot/model.js';

// Schema checks on small cases: what must be found, and the refactors and idioms that must not be.

function findings(inputSchema: JsonObject, outputSchema?: JsonObject): string[] {
  const snapshot: Snapshot = {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 's', version: '1.0.0', protocolVersion: '2025-11-25', capabilities: { tools: {} } },
    tools: [{ name: 't', description: 'A tool.', inputSchema, ...(outputSchema ? { outputSchema } : {}) }],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
  return lintSnapshot(snapshot)
    .filter((finding) => finding.rule !== 'tool-parameter-description-missing')
    .map((finding) => `${finding.rule} ${finding.pointer}`);
}

const object = (properties: JsonObject, required?: string[], extra: JsonObject = {}): JsonObject => ({ type: 'object', properties, ...(required ? { required } : {}), ...extra });

describe('unsatisfiable and contradictory schemas', () => {
  it.each<[string, JsonObject, string[]]>([
    ['integer bounds with no integer between', object({ n: { type: 'integer', minimum: 1.5, maximum: 1.9 } }, ['n']), ['input-schema-unsatisfiable /inputSchema/properties/n/minimum']],
    ['number bounds with numbers between', object({ n: { type: 'number', minimum: 1.5, maximum: 1.9 } }, ['n']), []],
    ['equal bounds, one exclusive', object({ n: { type: 'number', minimum: 1, exclusiveMaximum: 1 } }, ['n']), ['input-schema-unsatisfiable /inputSchema/properties/n/minimum']],
    ["draft-04's boolean exclusiveMinimum", object({ n: { type: 'number', minimum: 1, maximum: 1, exclusiveMinimum: true } }, ['n']), ['input-schema-unsatisfiable /inputSchema/properties/n/minimum']],
    ['bounds without a type: strings still pass', object({ n: { minimum: 5, maximum: 1 } }, ['n']), []],
    ['bounds on a nullable number: null still passes', object({ n: { type: ['number', 'null'], minimum: 5, maximum: 1 } }, ['n']), []],
    ['minItems above maxItems', object({ l: { type: 'array', minItems: 3, maxItems: 1 } }, ['l']), ['input-schema-unsatisfiable /inputSchema/properties/l/minItems']],
    ['more required than maxProperties', object({ a: { type: 'string' }, b: { type: 'string' } }, ['a', 'b'], { maxProperties: 1 }), ['input-schema-unsatisfiable /inputSchema/required']],
    ['const outside enum', object({ m: { enum: ['a', 'b'], const: 'c' } }, ['m']), ['input-schema-unsatisfiable /inputSchema/properties/m/const']],
    ['enum values of the wrong type', object({ m: { type: 'string', enum: [1, 2] } }, ['m']), ['input-schema-unsatisfiable /inputSchema/properties/m/enum']],
    ['integer enum values under type number', object({ m: { type: 'number', enum: [1, 2] } }, ['m']), []],
    ['allOf of number and integer', object({ m: { allOf: [{ type: 'number' }, { type: 'integer' }] } }, ['m']), []],
    ['a required property that is false', object({ a: false }, ['a']), ['input-schema-unsatisfiable /inputSchema/properties/a']],
    ['an optional property that is false (forbidden)', object({ a: false, b: { type: 'string' } }), []],
    ['not {} on an optional property', object({ a: { not: {} } }), []],
    ['an array that must hold an item no value matches', object({ l: { type: 'array', minItems: 1, items: false } }, ['l']), ['input-schema-unsatisfiable /inputSchema/properties/l/items']],
    ['an array that may only be empty', object({ l: { type: 'array', items: false } }, ['l']), []],
    ['a one-branch anyOf that accepts nothing', object({ a: { anyOf: [{ type: 'string', enum: [] }] } }, ['a']), ['input-schema-unsatisfiable /inputSchema/properties/a/anyOf/0/enum']],
    ['a dead branch of a union', object({ a: { anyOf: [{ type: 'string' }, { type: 'string', minLength: 3, maxLength: 1 }] } }, ['a']), ['schema-contradiction /inputSchema/properties/a/anyOf/1/minLength']],
    ['required inside an object that may be a string', object({ a: { type: ['object', 'string'], properties: { b: false }, required: ['b'] } }, ['a']), []],
    ['an empty object schema', object({}), []],
  ])('%s', (_name, schema, expected) => {
    expect(findings(schema).sort()).toEqual(expected.sort());
  });

  it('checks output schemas the same way', () => {
    expect(findings(object({}), object({ n: { type: 'integer', minimum: 2, maximum: 1 } }, ['n']))).toEqual(['output-schema-unsatisfiable /outputSchema/properties/n/minimum']);
    expect(findings(object({}), object({ n: { type: 'integer', minimum: 2, maximum: 1 } }))).toEqual(['schema-contradiction /outputSchema/properties/n/minimum']);
  });
});

describe('required properties that are not declared', () => {
  it.each<[string, JsonObject, string[]]>([
    ['a typo', object({ query: { type: 'string' } }, ['querry']), ['input-required-property-undeclared /inputSchema/required/0']],
    ['allOf split of properties and required', { type: 'object', allOf: [{ properties: { a: { type: 'string' } } }, { required: ['a'] }] }, []],
    ['required next to properties declared in allOf branches', { type: 'object', required: ['a'], allOf: [{ properties: { a: { type: 'string' } } }] }, []],
    ['one of two properties required through anyOf', object({ a: { type: 'string' }, b: { type: 'string' } }, undefined, { anyOf: [{ required: ['a'] }, { required: ['b'] }] }), []],
    ['properties from a $ref', { type: 'object', $ref: '#/$defs/base', required: ['a'], $defs: { base: { properties: { a: { type: 'string' } } } } }, []],
    ['a name matched by patternProperties', object({}, ['x-trace'], { patternProperties: { '^x-': { type: 'string' } } }), []],
    ['a map with additionalProperties', object({}, ['lang'], { additionalProperties: { type: 'string' } }), []],
    ['a closed schema: unsatisfiable instead', object({ a: { type: 'string' } }, ['b'], { additionalProperties: false }), ['input-schema-unsatisfiable /inputSchema/required']],
    ['a draft-07 dependencies schema', object({ c: { type: 'string' } }, undefined, { dependencies: { c: { required: ['d'] } } }), ['input-required-property-undeclared /inputSchema/dependencies/c/required/0']],
  ])('%s', (_name, schema, expected) => {
    expect(findings(schema)).toEqual(expected);
  });
});

describe('required properties that carry a default', () => {
  it.each<[string, JsonObject, string[]]>([
    // @playwright/mcp 0.0.86, generated with zod 4's output mode.
    ['a required enum with a default (playwright `level`)', object({ level: { type: 'string', enum: ['error', 'info'], default: 'info' } }, ['level']), ['input-required-property-has-default /inputSchema/properties/level']],
    ['a default of false counts', object({ static: { type: 'boolean', default: false } }, ['static']), ['input-required-property-has-default /inputSchema/properties/static']],
    ['a default of null counts', object({ cursor: { type: ['string', 'null'], default: null } }, ['cursor']), ['input-required-property-has-default /inputSchema/properties/cursor']],
    ['inside a nested object parameter', object({ page: object({ size: { type: 'integer', default: 20 } }, ['size']) }), ['input-required-property-has-default /inputSchema/properties/page/properties/size']],
    ['a required name listed twice is one finding', object({ scale: { type: 'string', default: 'css' } }, ['scale', 'scale']), ['input-required-property-has-default /inputSchema/properties/scale']],
    ['an optional property with a default', object({ level: { type: 'string', default: 'info' } }), []],
    ['a required property without a default', object({ level: { type: 'string' } }, ['level']), []],
    ['a default behind a $ref (not followed)', object({ level: { $ref: '#/$defs/level' } }, ['level'], { $defs: { level: { type: 'string', default: 'info' } } }), []],
    ['required in one anyOf branch only, default in properties', object({ level: { type: 'string', default: 'info' } }, undefined, { anyOf: [{ required: ['level'] }, {}] }), []],
  ])('%s', (_name, schema, expected) => {
    expect(findings(schema)).toEqual(expected);
  });

  it('says nothing of output schemas, where a field with a default is always present', () => {
    expect(findings(object({}), object({ level: { type: 'string', default: 'info' } }, ['level']))).toEqual([]);
  });
});

describe('duplicate enum values', () => {
  it('compares values structurally and reports the first repeat once', () => {
    expect(findings(object({ m: { enum: [{ a: 1, b: 2 }, { b: 2, a: 1 }, 'x', 'x'] } }))).toEqual(['schema-enum-duplicate-value /inputSchema/properties/m/enum/1']);
    expect(findings(object({ m: { enum: [1, '1', true, null] } }))).toEqual([]);
  });
});

describe('declarations further away', () => {
  it('finds properties declared in nested allOf branches, and stays silent when a branch is a $ref', () => {
    expect(findings({ type: 'object', required: ['a'], allOf: [{ allOf: [{ properties: { a: { type: 'string' } } }] }] })).toEqual([]);
    expect(findings({ type: 'object', required: ['a'], allOf: [{ $ref: '#/$defs/a' }], $defs: { a: { properties: { a: { type: 'string' } } } } })).toEqual([]);
  });

  it('still checks a schema that uses $ref deeper down, in one of its properties', () => {
    expect(findings({ type: 'object', properties: { b: { $ref: '#/$defs/b' } }, required: ['c'], $defs: { b: { type: 'string' } } })).toEqual(['input-required-property-undeclared /inputSchema/required/0']);
  });
});

describe('large inputs', () => {
  it('checks an enum of 50,000 values in one pass', () => {
    const values = Array.from({ length: 50_000 }, (_, index) => `v${index}`);
    expect(findings(object({ m: { type: 'string', enum: [...values, 'v7'] } }))).toEqual(['tool-schema-too-large /inputSchema', 'schema-enum-duplicate-value /inputSchema/properties/m/enum/50000']);
  });
});
