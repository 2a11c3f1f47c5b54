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

// Unions that still accept what the schema they replaced accepted (a branch that accepts any
// object, an enum split across branches, a type list spelled as single-type branches), the
// nullable spellings of zod, integer spellings of multipleOf, unevaluatedProperties without
// applicators, and a description that moved into a branch: no false alarm, and every real
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

describe('a union whose branches together still accept every old value', () => {
  const X = closed(['a', 'b']);

  it.each([
    ['a catch-all branch last', { anyOf: [closed(['a']), { type: 'string' }, { type: 'object', additionalProperties: true }] }],
    ['a catch-all branch first', { anyOf: [{ type: 'object' }, closed(['a']), { type: 'string' }] }],
    ['the enum split across two object branches, and a string', { anyOf: [closed(['a']), { type: 'string' }, closed(['b'])] }],
  ] as Array<[string, JsonObject]>)('%s: no input narrowing, and the added variants are widenings', (_name, after) => {
    for (const wrap of [(s: JsonObject) => s, (s: JsonObject): JsonObject => ({ type: 'object', properties: { x: s } }), (s: JsonObject): JsonObject => ({ type: 'object', $defs: { X: s }, properties: { x: { $ref: '#/$defs/X' } } })]) {
      expect(severities('input', wrap(X), wrap(after))).toEqual(['compatible']);
      expect(compareSchemas(wrap(X), wrap(after)).map((d) => d.aspect)).toEqual(expect.arrayContaining(['any-of-branch-added']));
      expect(compareSchemas(wrap(X), wrap(after)).map((d) => d.aspect).filter((a) => a !== 'any-of-branch-added')).toEqual([]);
      // The other way the variants are really removed: a string was accepted and is not now.
      expect(breaking('input', wrap(after), wrap(X))).toBe(true);
    }
  });

  it('an enum split across two object branches is the same schema', () => {
    expectEquivalent(X, { anyOf: [closed(['a']), closed(['b'])] });
    expectEquivalent({ type: 'object', properties: { k: { enum: ['a', 'b', 'c'] } }, required: ['k'] }, { anyOf: [{ type: 'object', properties: { k: { const: 'a' } }, required: ['k'] }, { type: 'object', properties: { k: { enum: ['b', 'c'] } }, required: ['k'] }] });
  });

  it('a top-level enum split across branches, and a type list split by a property enum', () => {
    expectEquivalent({ enum: ['a', 'b', 1, 2] }, { anyOf: [{ type: 'string', enum: ['a', 'b'] }, { type: 'integer', enum: [1, 2] }] });
    expectEquivalent({ type: ['object', 'null'], properties: { k: { enum: ['a', 'b'] } }, additionalProperties: false }, { anyOf: [closed(['a']), closed(['b']), { type: 'null' }] });
  });

  it('a nullable enum folded into one branch behind a $ref still matches its spelled-out branches', () => {
    const before: JsonObject = { anyOf: [{ type: 'string', enum: ['alpha', 'beta'] }, { type: 'null' }, { type: 'integer', minimum: 0 }] };
    const after: JsonObject = { $defs: { R0: { anyOf: [{ type: 'string', enum: ['alpha', 'beta'] }, { type: 'null' }] } }, anyOf: [{ $ref: '#/$defs/R0' }, { type: 'integer', minimum: 0 }] };
    expectSameValues(before, after);
    expect(found(before, after)).toEqual([]);
    expect(found(after, before)).toEqual([]);
  });

  it('still reports what no branch accepts', () => {
    const cases: Array<[JsonObject, JsonObject, Json[]]> = [
      // `c` is in neither branch.
      [closed(['a', 'b', 'c']), { anyOf: [closed(['a']), closed(['b'])] }, [{ k: 'c' }]],
      // The object branch is no catch-all: it requires `z`.
      [X, { anyOf: [closed(['a']), { type: 'object', required: ['z'] }] }, [{ k: 'b' }]],
      // Both branches narrow the same values.
      [X, { anyOf: [closed(['a']), { type: 'object', properties: { k: { const: 'a' } } }] }, [{ k: 'b' }]],
      // The property may be absent before; each branch requires it.
      [X, { anyOf: [{ ...closed(['a']), required: ['k'] }, { ...closed(['b']), required: ['k'] }] }, [{}]],
      // Types covered, but one of them narrowed.
      [{ type: ['string', 'number'] }, { anyOf: [{ type: 'string' }, { type: 'number', minimum: 0 }] }, [-1]],
      [{ type: ['string', 'number', 'null'] }, { anyOf: [{ type: 'string' }, { type: 'number' }] }, [null]],
      [{ type: ['string', 'number'] }, { anyOf: [{ type: 'string' }, { type: 'integer' }] }, [1.5]],
      [{ enum: ['a', 'b', null] }, { anyOf: [{ enum: ['a'] }, { type: 'null' }] }, ['b']],
    ];
    for (const [before, after, values] of cases) {
      expect(witness(before, after, values), JSON.stringify(after)).toBeDefined();
      expect(breaking('input', before, after), JSON.stringify(after)).toBe(true);
      expect(breaking('input', { type: 'object', properties: { x: before } }, { type: 'object', properties: { x: after } })).toBe(true);
    }
  });

  it('as an output, a catch-all branch is a widening', () => {
    expect(breaking('output', X, { anyOf: [closed(['a']), { type: 'object' }] })).toBe(true);
    expect(breaking('output', X, { anyOf: [closed(['a']), closed(['b'])] })).toBe(false);
    expect(breaking('output', { anyOf: [closed(['a']), closed(['b'])] }, X)).toBe(false);
  });

  it('inside a oneOf whose variants may overlap, coverage is not assumed', () => {
    // {k: "a"} matches both variants after, so the oneOf rejects it.
    const after: JsonObject = { oneOf: [closed(['a']), { type: 'object' }] };
    expect(witness(X, after, [{ k: 'a' }])).toBeDefined();
    expect(breaking('input', X, after)).toBe(true);
  });
});

describe('a type list vs a union of single-type branches', () => {
  it.each([
    ['two types', ['string', 'number'], [{ type: 'string' }, { type: 'number' }]],
    ['two types, integer', ['string', 'integer'], [{ type: 'string' }, { type: 'integer' }]],
    ['three types', ['string', 'number', 'boolean'], [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }]],
    ['three types with null', ['string', 'number', 'null'], [{ type: 'string' }, { type: 'number' }, { type: 'null' }]],
    ['string, integer and null', ['string', 'integer', 'null'], [{ type: 'string' }, { type: 'integer' }, { type: 'null' }]],
    ['a nested union and null', ['string', 'number', 'null'], [{ anyOf: [{ type: 'string' }, { type: 'number' }] }, { type: 'null' }]],
  ] as Array<[string, string[], JsonObject[]]>)('%s', (_name, types, branches) => {
    expectEquivalent({ type: types }, { anyOf: branches });
  });

  it('with keywords of their own on each branch', () => {
    expectEquivalent({ type: ['string', 'integer'], minLength: 2, minimum: 0 }, { anyOf: [{ type: 'string', minLength: 2 }, { type: 'integer', minimum: 0 }] });
  });
});

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

describe('a description that moved into a branch of the union', () => {
  const described: JsonObject = { description: 'The page that contains the comment', type: 'object', properties: { page_id: { type: 'string' } }, required: ['page_id'] };

  it('is no change when its text is the same', () => {
    const after: JsonObject = { anyOf: [{ ...described }, { type: 'string' }] };
    expect(found(described, after)).toEqual(['any-of-branch-added /anyOf/1']);
    expect(found(after, described)).toEqual(['any-of-branch-removed /anyOf/1']);
    const nested = (s: JsonObject): JsonObject => ({ type: 'object', properties: { parent: s } });
    expect(found(nested(described), nested(after))).toEqual(['any-of-branch-added /properties/parent/anyOf/1']);
  });

  it('is one change when its text changed', () => {
    const after: JsonObject = { anyOf: [{ ...described, description: 'The page or block that contains the comment' }, { type: 'string' }] };
    expect(found(described, after)).toEqual(['description-changed /anyOf/0/description', 'any-of-branch-added /anyOf/1']);
  });

  it('a description dropped, not moved, is reported where it was', () => {
    const after: JsonObject = { anyOf: [{ type: 'object', properties: { page_id: { type: 'string' } }, required: ['page_id'] }, { type: 'string' }] };
    expect(found(described, after)).toEqual(['description-changed /description', 'any-of-branch-added /anyOf/1']);
  });
});

describe('@notionhq/notion-mcp-server 1.8.1 -> 2.5.2 (fixtures/schema/notion-union-schemas.json)', () => {
  const fixture = JSON.parse(readFileSync(new URL('../../../fixtures/schema/notion-union-schemas.json', import.meta.url), 'utf8')) as { tools: Record<string, { before: JsonObject; after: JsonObject }> };
  const rules = (tool: string, severity?: Severity) =>
    compareSchemas(fixture.tools[tool].before, fixture.tools[tool].after)
      .map((d) => ({ rule: schemaRuleId('input', d.aspect), pointer: d.pointer }))
      .filter((r) => severity === undefined || getRule(r.rule).severity === severity)
      .map((r) => `${r.rule} ${r.pointer}`);

  it('API-patch-block-children: children[] may still be any object (a catch-all variant), so no block type is lost', () => {
    expect(rules('API-patch-block-children', 'breaking')).toEqual([]);
    expect(rules('API-patch-block-children', 'risky')).toEqual([]);
    // The reverse really narrows: strings and arbitrary objects are no longer accepted.
    expect(compareSchemas(fixture.tools['API-patch-block-children'].after, fixture.tools['API-patch-block-children'].before).some((d) => getRule(schemaRuleId('input', d.aspect)).severity === 'breaking')).toBe(true);
  });

  it('descriptions that moved into anyOf[0] unchanged are no change', () => {
    for (const tool of ['API-create-a-comment', 'API-update-a-block', 'API-patch-page']) {
      expect(rules(tool).filter((r) => r.startsWith('input-description-changed')), tool).toEqual([]);
    }
  });

  it('real changes stay: a new enum on filter.value, properties no longer described', () => {
    expect(rules('API-post-search', 'breaking')).toEqual(['input-enum-added /properties/filter/anyOf/0/properties/value/enum']);
    expect(rules('API-post-search').filter((r) => r.startsWith('input-description-changed'))).toHaveLength(3);
    expect(rules('API-patch-page', 'risky')).toEqual(['input-property-removed /properties/properties/anyOf/0/properties/title', 'input-property-removed /properties/properties/anyOf/0/properties/type']);
  });
});
