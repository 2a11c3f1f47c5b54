import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../../src/snapshot/model.js';
import { compareSchemas } from '../../../src/schema/compare.js';
import { SCHEMA_ASPECTS } from '../../../src/rules/schema-rules.js';

interface AspectCase {
  aspect: string;
  note: string;
  before: JsonObject;
  after: JsonObject;
  expected: Array<{ aspect: string; pointer: string }>;
}

interface RefactorCase {
  name: string;
  before: JsonObject;
  after: JsonObject;
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../fixtures/schema/${name}`, import.meta.url), 'utf8')) as T;
const aspectCases = read<AspectCase[]>('aspect-cases.json');
const refactorCases = read<RefactorCase[]>('refactor-cases.json');

describe('compareSchemas: one case per aspect', () => {
  it('has a case for every aspect of the catalog, and no case for an unknown aspect', () => {
    expect(aspectCases.map((c) => c.aspect).sort()).toEqual(SCHEMA_ASPECTS.map((a) => a.id).sort());
  });

  it.each(aspectCases.map((c) => [c.aspect, c] as const))('%s', (_aspect, testCase) => {
    const found = compareSchemas(testCase.before, testCase.after).map((d) => ({ aspect: d.aspect, pointer: d.pointer }));
    expect(found).toEqual(expect.arrayContaining(testCase.expected));
    expect(found).toHaveLength(testCase.expected.length);
  });
});

describe('compareSchemas: refactors that change nothing accepted', () => {
  it.each(refactorCases.map((c) => [c.name, c] as const))('%s', (_name, testCase) => {
    expect(compareSchemas(testCase.before, testCase.after)).toEqual([]);
    expect(compareSchemas(testCase.after, testCase.before)).toEqual([]);
  });
});

describe('compareSchemas: details', () => {
  it('names the parameter path and the removed values', () => {
    const [difference] = compareSchemas(
      { type: 'object', properties: { filters: { type: 'object', properties: { mode: { enum: ['fast', 'exact'] } } } } },
      { type: 'object', properties: { filters: { type: 'object', properties: { mode: { enum: ['fast'] } } } } },
    );
    expect(difference).toMatchObject({ aspect: 'enum-value-removed', path: 'filters.mode', params: { values: ['exact'] } });
  });

  it('pairs discriminated-union variants by their tag, not their position', () => {
    const variant = (kind: string, extra: JsonObject) => ({ type: 'object', properties: { kind: { const: kind }, ...extra }, required: ['kind'] });
    const found = compareSchemas(
      { oneOf: [variant('a', { x: { type: 'string' } }), variant('b', { y: { type: 'number' } })] },
      { oneOf: [variant('b', { y: { type: 'number', maximum: 5 } }), variant('a', { x: { type: 'string' } })] },
    );
    expect(found.map((d) => `${d.aspect} ${d.pointer}`)).toEqual(['maximum-decreased /oneOf/0/properties/y/maximum']);
  });

  it('compares recursive schemas without looping and finds a change inside the recursion', () => {
    const tree = (leaf: JsonObject) => ({
      $defs: { node: { type: 'object', properties: { value: leaf, children: { type: 'array', items: { $ref: '#/$defs/node' } } } } },
      $ref: '#/$defs/node',
    });
    expect(compareSchemas(tree({ type: 'string' }), tree({ type: 'string' }))).toEqual([]);
    expect(compareSchemas(tree({ type: 'string' }), tree({ type: 'string', maxLength: 3 })).map((d) => d.aspect)).toEqual(['max-length-decreased']);
  });

  it('compares each pair of definitions once, however many paths lead to it', () => {
    // Thirty definitions, each referring to two others: the paths through them are exponential in number.
    const web = (changed: boolean): JsonObject => {
      const defs: JsonObject = {};
      for (let i = 0; i < 30; i++) {
        defs[`d${i}`] = {
          type: 'object',
          properties: { a: { $ref: `#/$defs/d${(i + 1) % 30}` }, b: { $ref: `#/$defs/d${(i * 7 + 3) % 30}` }, c: { type: 'string', ...(changed && i === 29 ? { maxLength: 3 } : {}) } },
        };
      }
      return { type: 'object', properties: { root: { $ref: '#/$defs/d0' } }, $defs: defs };
    };
    expect(compareSchemas(web(false), web(false))).toEqual([]);
    expect(compareSchemas(web(false), web(true)).map((d) => d.aspect)).toEqual(['max-length-decreased']);
  });

  it('never reads a member a schema inherits (keywords and names like constructor)', () => {
    const [unknown] = compareSchemas({ type: 'object' }, { type: 'object', constructor: 1 });
    expect(unknown).toMatchObject({ aspect: 'unknown-keyword-changed', after: 1 });
    expect(unknown?.before).toBeUndefined();
    const [dependent] = compareSchemas({ type: 'object' }, { type: 'object', dependentRequired: { toString: ['a'] } });
    expect(dependent).toMatchObject({ aspect: 'dependent-required-added', after: ['a'] });
    expect(dependent?.before).toBeUndefined();
    const [pattern] = compareSchemas({ type: 'object', patternProperties: {} }, { type: 'object', patternProperties: { constructor: { type: 'string' } } });
    expect(pattern).toMatchObject({ aspect: 'pattern-properties-changed' });
    expect(pattern?.before).toBeUndefined();
  });

  it('counts an enum value as accepted only where its side\'s type allows it', () => {
    const odd = { const: 'string', type: '[' };
    expect(compareSchemas(odd, structuredClone(odd))).toEqual([]);
    // The same value, rejected by the type before and allowed after: a widening.
    expect(compareSchemas({ enum: ['a', 1], type: 'integer' }, { enum: ['a', 1], type: ['integer', 'string'] }).map((d) => `${d.aspect} ${JSON.stringify(d.params)}`)).toEqual(['enum-value-added {"values":["a"]}']);
  });

  it('never follows an external $ref, even an unchanged one, and reports a changed one', () => {
    const external = (url: string) => ({ type: 'object', properties: { a: { $ref: url } } });
    expect(compareSchemas(external('file:///etc/passwd'), external('file:///etc/passwd'))).toEqual([]);
    expect(compareSchemas(external('http://127.0.0.1:1/a.json'), external('http://127.0.0.1:1/b.json')).map((d) => d.aspect)).toEqual(['ref-not-followed']);
  });

  it('does not fold a null branch into a sibling whose own union would reject null', () => {
    const before = { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'number' }] } } };
    const after: JsonObject = { type: 'object', properties: { a: { anyOf: [{ anyOf: [{ type: 'string' }, { type: 'number' }], type: 'string' }, { type: 'null' }] } } };
    expect(compareSchemas(before, after).map((d) => d.aspect)).toContain('any-of-branch-added');
  });

  it('keeps additionalProperties next to the properties it refers to when unwrapping a union', () => {
    const branch = { type: 'object', properties: { a: { type: 'boolean' } }, additionalProperties: false };
    const before = { anyOf: [{ type: 'null' }, branch] };
    const after = { anyOf: [{ type: 'null' }, { ...branch, properties: { a: {} } }], additionalProperties: false };
    const aspects = compareSchemas(before, after).map((d) => d.aspect);
    expect(aspects).toContain('property-no-longer-accepted');
  });

  it('reads a repeated anyOf branch as one', () => {
    const before = { type: 'object', properties: { a: { anyOf: [{ type: 'string' }, { type: 'string' }] } } };
    const after: JsonObject = { type: 'object', properties: { a: { anyOf: [{ anyOf: [{ type: 'string' }, { type: 'string' }], type: 'string' }, { type: 'null' }] } } };
    expect(compareSchemas(before, after).map((d) => `${d.aspect} ${d.pointer}`)).toEqual(['type-widened /properties/a/type']);
    expect(compareSchemas(before, { type: 'object', properties: { a: { type: 'string' } } })).toEqual([]);
  });

  it('treats a wrapped schema that gains a variant as a widening only', () => {
    expect(compareSchemas({ type: 'string' }, { anyOf: [{ type: 'string' }, { type: 'number' }] }).map((d) => d.aspect)).toEqual(['any-of-branch-added']);
    expect(compareSchemas({ anyOf: [{ type: 'string' }, { type: 'number' }] }, { type: 'string' }).map((d) => d.aspect)).toEqual(['any-of-branch-removed']);
  });

  it('survives adversarial shapes: 64-deep nesting, 32-branch unions, self-referencing refs', () => {
    let deep: JsonObject = { type: 'string' };
    for (let i = 0; i < 64; i++) deep = { type: 'object', properties: { n: deep } };
    expect(compareSchemas(deep, structuredClone(deep))).toEqual([]);
    const union = (n: number) => ({ anyOf: Array.from({ length: n }, (_, i) => ({ type: 'object', properties: { kind: { const: `k${i}` } } })) });
    expect(compareSchemas(union(32), union(31)).map((d) => d.aspect)).toEqual(['any-of-branch-removed']);
    const selfRef = { $defs: { a: { $ref: '#/$defs/a' } }, $ref: '#/$defs/a' };
    expect(() => compareSchemas(selfRef, structuredClone(selfRef))).not.toThrow();
  });
});
