import fc from 'fast-check';
import type { Json, JsonObject } from '../../../src/snapshot/model.js';

/**
 * Generators for the property tests: schemas over the keywords MCP servers send, random
 * mutations of them (tighten, loosen, add, drop, wrap, retype), and JSON instances that sit on
 * the boundaries those keywords draw.
 */

const KEYS = ['a', 'b', 'c'];
export const STRINGS = ['', 'a', 'ab', 'abc', 'abcd', 'b', 'ba', 'Z9', 'hello world'];
export const NUMBERS = [-2, -1, 0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 10, 12];
const PATTERNS = ['^a', '^[a-z]+$', 'b', '^.{0,2}$'];

const scalar: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(...STRINGS, ...NUMBERS, true, false, null),
  fc.integer({ min: -20, max: 20 }),
  fc.string({ maxLength: 4 }),
);

export const instance: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS, 'd'), tie('value'), { maxKeys: 4 }),
  ),
})).value;

function optional<T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> {
  return fc.option(arb, { nil: undefined, freq: 2 });
}

function compact(object: Record<string, Json | undefined>): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(object)) if (value !== undefined) out[key] = value;
  return out;
}

const stringSchema = fc
  .record({ minLength: optional(fc.integer({ min: 0, max: 3 })), maxLength: optional(fc.integer({ min: 1, max: 5 })), pattern: optional(fc.constantFrom(...PATTERNS)) })
  .map((s) => compact({ type: 'string', ...s }));

const numberSchema = fc
  .record({
    type: fc.constantFrom('number', 'integer'),
    minimum: optional(fc.constantFrom(...NUMBERS)),
    maximum: optional(fc.constantFrom(...NUMBERS)),
    exclusiveMinimum: optional(fc.constantFrom(...NUMBERS)),
    exclusiveMaximum: optional(fc.constantFrom(...NUMBERS)),
    multipleOf: optional(fc.constantFrom(1, 2, 3, 0.5)),
  })
  .map((s) => compact(s));

const enumSchema = fc.uniqueArray(fc.constantFrom<Json>(...STRINGS.slice(0, 5), 0, 1, 2, true, null), { minLength: 1, maxLength: 4 }).map((values) => ({ enum: values }));

const leaf: fc.Arbitrary<JsonObject> = fc.oneof(
  stringSchema,
  numberSchema,
  enumSchema,
  fc.constantFrom<JsonObject>({ type: 'boolean' }, { type: 'null' }, { type: ['string', 'null'] }, {}, { const: 'a' }),
  // Type lists, zod's nullable literals, a catch-all object, integers spelled with multipleOf.
  fc.constantFrom<JsonObject>(
    { type: ['string', 'number'] },
    { type: ['string', 'integer', 'null'] },
    { type: ['string', 'null'], enum: ['a', 'ab', null] },
    { type: 'object' },
    { type: 'number', multipleOf: 1 },
    { type: ['integer', 'null'], minimum: 0 },
  ),
);

export const schema: fc.Arbitrary<JsonObject> = fc.letrec<{ schema: JsonObject }>((tie) => ({
  schema: fc.oneof(
    { depthSize: 'small', maxDepth: 3 },
    leaf,
    fc
      .record({
        properties: fc.dictionary(fc.constantFrom(...KEYS), tie('schema'), { maxKeys: 3 }),
        required: fc.subarray(KEYS),
        additionalProperties: optional(fc.constant(false)),
        unevaluatedProperties: fc.option(fc.constantFrom<Json>(false, { type: 'string' }), { nil: undefined, freq: 4 }),
        minProperties: optional(fc.integer({ min: 0, max: 2 })),
      })
      .map(({ properties, required, ...rest }) =>
        compact({ type: 'object', properties, required: required.filter((k) => k in properties), ...rest }),
      ),
    fc
      .record({ items: optional(tie('schema')), minItems: optional(fc.integer({ min: 0, max: 2 })), maxItems: optional(fc.integer({ min: 1, max: 3 })), uniqueItems: optional(fc.boolean()) })
      .map((s) => compact({ type: 'array', ...s })),
    fc.tuple(tie('schema'), tie('schema')).map(([x, y]) => ({ anyOf: [x, y] })),
    // Exclusive unions, often with overlapping variants (`{type: "string"}` and `{type: "string", maxLength: 2}`).
    fc.tuple(tie('schema'), tie('schema'), fc.option(leaf, { nil: undefined })).map(([x, y, z]) => ({ oneOf: z === undefined ? [x, y] : [x, y, z] })),
  ),
})).schema;

/** Every sub-schema of a schema, with a setter, so a mutation can replace any of them. */
function subSchemas(root: JsonObject): Array<{ node: JsonObject; replace(next: JsonObject): JsonObject }> {
  const out: Array<{ node: JsonObject; replace(next: JsonObject): JsonObject }> = [];
  const visit = (node: JsonObject, rebuild: (next: JsonObject) => JsonObject) => {
    out.push({ node, replace: rebuild });
    const props = node.properties as JsonObject | undefined;
    if (props) {
      for (const key of Object.keys(props)) {
        visit(props[key] as JsonObject, (next) => rebuild({ ...node, properties: { ...props, [key]: next } }));
      }
    }
    if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) {
      visit(node.items as JsonObject, (next) => rebuild({ ...node, items: next }));
    }
    for (const key of ['anyOf', 'oneOf'] as const) {
      const branches = node[key];
      if (!Array.isArray(branches)) continue;
      branches.forEach((branch, i) => {
        visit(branch as JsonObject, (next) => {
          const copy = [...branches];
          copy[i] = next;
          return rebuild({ ...node, [key]: copy });
        });
      });
    }
  };
  visit(root, (next) => next);
  return out;
}

type Mutation = (node: JsonObject, pick: number, fresh: JsonObject) => JsonObject;

const NUMERIC = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'minItems', 'maxItems', 'minProperties', 'multipleOf'];

const MUTATIONS: Record<string, Mutation> = {
  dropKeyword: (node, pick) => {
    const keys = Object.keys(node);
    if (keys.length === 0) return node;
    const { [keys[pick % keys.length]]: _dropped, ...rest } = node;
    return rest;
  },
  nudgeBound: (node, pick) => {
    const present = Object.keys(node).filter((k) => NUMERIC.includes(k));
    const key = present.length > 0 ? present[pick % present.length] : NUMERIC[pick % NUMERIC.length];
    if (key === 'multipleOf') return { ...node, multipleOf: [0.5, 1, 2, 3, 4, 6][pick % 6] };
    const current = typeof node[key] === 'number' ? (node[key] as number) : 2;
    const next = current + (pick % 2 === 0 ? 1 : -1);
    return { ...node, [key]: /Length|Items|Properties/.test(key) ? Math.max(0, next) : next };
  },
  enumValue: (node, pick) => {
    const values = Array.isArray(node.enum) ? node.enum : undefined;
    if (!values) return { ...node, enum: [STRINGS[pick % 5], NUMBERS[pick % NUMBERS.length]] };
    if (pick % 2 === 0 && values.length > 1) return { ...node, enum: values.filter((_, i) => i !== pick % values.length) };
    return { ...node, enum: [...values, STRINGS[pick % STRINGS.length]] };
  },
  toggleRequired: (node, pick) => {
    const props = Object.keys((node.properties as JsonObject | undefined) ?? {});
    if (props.length === 0) return { ...node, required: [KEYS[pick % 3]] };
    const key = props[pick % props.length];
    const required = Array.isArray(node.required) ? node.required.map(String) : [];
    return { ...node, required: required.includes(key) ? required.filter((k) => k !== key) : [...required, key] };
  },
  toggleClosed: (node) => {
    if (node.additionalProperties === false) {
      const { additionalProperties: _open, ...rest } = node;
      return rest;
    }
    return { ...node, additionalProperties: false };
  },
  addProperty: (node, pick, fresh) => ({ ...node, type: node.type ?? 'object', properties: { ...((node.properties as JsonObject) ?? {}), [KEYS[pick % 3]]: fresh } }),
  replace: (_node, _pick, fresh) => fresh,
  wrapInUnion: (node, pick, fresh) => ({ anyOf: pick % 2 === 0 ? [node, fresh] : [fresh, node] }),
  retype: (node, pick) => ({ ...node, type: ['string', 'number', 'integer', 'object', 'array', 'boolean', ['string', 'null']][pick % 7] as Json }),
  pattern: (node, pick) => ({ ...node, pattern: PATTERNS[pick % PATTERNS.length] }),
  toggleUnique: (node) => ({ ...node, uniqueItems: node.uniqueItems !== true }),
  // A variant added to a union (it may overlap an existing one: in a `oneOf` that rejects values).
  addBranch: (node, _pick, fresh) => {
    if (Array.isArray(node.oneOf)) return { ...node, oneOf: [...node.oneOf, fresh] };
    if (Array.isArray(node.anyOf)) return { ...node, anyOf: [...node.anyOf, fresh] };
    return { oneOf: [node, fresh] };
  },
  // The node cut into an `anyOf` of pieces (by its types, its enum values, or one property's
  // enum values) whose union is the node; with an odd pick one piece is dropped or narrowed.
  splitIntoUnion: (node, pick) => {
    const pieces = piecesOf(node);
    if (!pieces) return node;
    if (pick % 2 === 1) {
      const at = (pick >> 1) % pieces.length;
      if (pick % 4 === 1) pieces.splice(at, 1);
      else pieces[at] = { ...pieces[at], maxLength: 1, maxItems: 1, maximum: 0, required: [...KEYS] };
    }
    if (pieces.length === 0) return node;
    return { anyOf: pick % 8 < 4 ? pieces : [...pieces].reverse() };
  },
  // The node replaced by a union of a narrower copy of it and a broad branch of one type (a
  // catch-all when the node has that type): e.g. `{type: "object"}` next to a closed object.
  addCatchAll: (node, pick, fresh) => {
    const narrower: JsonObject = { ...node, maxLength: 1, maxItems: 1, maxProperties: 1 };
    const broad: JsonObject = pick % 3 === 0 ? fresh : { type: ['object', 'string', 'array', 'number', 'integer'][pick % 5] as Json, ...(pick % 2 === 0 ? { additionalProperties: true } : {}) };
    return { anyOf: pick % 4 < 2 ? [narrower, broad] : [broad, narrower] };
  },
  // `additionalProperties` <-> `unevaluatedProperties`; with an odd pick, `unevaluatedProperties: false` added where neither is.
  toggleUnevaluated: (node, pick) => {
    if ('unevaluatedProperties' in node && 'additionalProperties' in node) {
      // Next to `additionalProperties` it constrains nothing.
      const { unevaluatedProperties: _dropped, ...rest } = node;
      return rest;
    }
    if ('unevaluatedProperties' in node) {
      const { unevaluatedProperties, ...rest } = node;
      return { ...rest, additionalProperties: unevaluatedProperties };
    }
    if ('additionalProperties' in node) {
      const { additionalProperties, ...rest } = node;
      return { ...rest, unevaluatedProperties: additionalProperties };
    }
    return pick % 2 === 1 ? { ...node, unevaluatedProperties: false } : node;
  },
  integerSpelling: (node, pick) => {
    const types = Array.isArray(node.type) ? node.type : typeof node.type === 'string' ? [node.type] : [];
    if (types.includes('integer')) return { ...node, type: types.map((t) => (t === 'integer' ? 'number' : t)) as Json, multipleOf: [1, 2, 0.5][pick % 3] };
    if (types.includes('number')) return { ...node, type: types.map((t) => (t === 'number' ? 'integer' : t)) as Json };
    return { ...node, type: 'integer', multipleOf: 1 };
  },
  switchUnion: (node) => {
    if (Array.isArray(node.anyOf)) {
      const { anyOf, ...rest } = node;
      return { ...rest, oneOf: anyOf };
    }
    if (Array.isArray(node.oneOf)) {
      const { oneOf, ...rest } = node;
      return { ...rest, anyOf: oneOf };
    }
    return node;
  },
};

/**
 * Exact cuts at places where they apply: each step cuts a sub-schema that has types, enum values
 * or a property enum to cut by into a union of pieces, or swaps `additionalProperties` and
 * `unevaluatedProperties`. Unchanged when no place fits.
 */
export function cutExactly(schema: JsonObject, steps: Array<{ at: number; pick: number }>): JsonObject {
  let current = schema;
  for (const step of steps) {
    const targets = subSchemas(current).filter(({ node }) => piecesOf(node) !== undefined || 'additionalProperties' in node || 'unevaluatedProperties' in node);
    if (targets.length === 0) break;
    const target = targets[step.at % targets.length];
    const kind = piecesOf(target.node) !== undefined && (step.pick % 3 !== 0 || !('additionalProperties' in target.node || 'unevaluatedProperties' in target.node)) ? 'splitIntoUnion' : 'toggleUnevaluated';
    current = target.replace(MUTATIONS[kind](target.node, (step.pick * 2) % 1000, {}));
  }
  return current;
}

/** A node as an `anyOf` of pieces whose union accepts exactly what it accepts, or undefined when it has no cut. */
function piecesOf(node: JsonObject): JsonObject[] | undefined {
  const types = Array.isArray(node.type) ? node.type : undefined;
  if (Array.isArray(node.enum) && node.enum.length >= 2) {
    const cut = Math.ceil(node.enum.length / 2);
    return [{ ...node, enum: node.enum.slice(0, cut) }, { ...node, enum: node.enum.slice(cut) }];
  }
  if (types && types.length >= 2) return types.map((type) => ({ ...node, type }));
  const props = node.properties as JsonObject | undefined;
  const name = props ? Object.keys(props).find((key) => Array.isArray((props[key] as JsonObject).enum) && ((props[key] as JsonObject).enum as Json[]).length >= 2) : undefined;
  if (!props || name === undefined) return undefined;
  const property = props[name] as JsonObject;
  const values = property.enum as Json[];
  const cut = Math.ceil(values.length / 2);
  return [values.slice(0, cut), values.slice(cut)].map((part) => ({ ...node, properties: { ...props, [name]: { ...property, enum: part } } }));
}

const mutationStep = fc.record({
  kind: fc.constantFrom(...Object.keys(MUTATIONS)),
  at: fc.nat(),
  pick: fc.nat({ max: 1000 }),
  fresh: leaf,
});

export const mutations = fc.array(mutationStep, { minLength: 1, maxLength: 3 });

/** The mutations that build unions out of a schema: cut into pieces (exact or one piece off), a catch-all next to a narrower copy. */
export const UNION_MUTATIONS = ['splitIntoUnion', 'addCatchAll', 'toggleUnevaluated', 'integerSpelling'];

/** Mutation steps of the given kinds only. */
export function mutationsOf(kinds: string[]) {
  return fc.array(fc.record({ kind: fc.constantFrom(...kinds), at: fc.nat(), pick: fc.nat({ max: 1000 }), fresh: leaf }), { minLength: 1, maxLength: 3 });
}

export function mutate(schema: JsonObject, steps: Array<{ kind: string; at: number; pick: number; fresh: JsonObject }>): JsonObject {
  let current = schema;
  for (const step of steps) {
    const targets = subSchemas(current);
    const target = targets[step.at % targets.length];
    current = target.replace(MUTATIONS[step.kind](target.node, step.pick, step.fresh));
  }
  return current;
}

/**
 * Whether an instance uses only properties the schema declares (at any depth it can see):
 * adding an optional property to an open input schema is compatible by design (§5), so an
 * instance that sends an undeclared property is not a counterexample for inputs.
 */
export function usesOnlyDeclared(value: Json, node: Json, accepts: (value: Json, branch: Json) => boolean): boolean {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) return true;
  // Through a union, the value must be declared by a branch that accepts it: a property declared
  // by one branch but accepted only by another (open) branch is still an undeclared use.
  const union = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
  if (union && !union.some((branch) => accepts(value, branch) && usesOnlyDeclared(value, branch, accepts))) return false;
  if (Array.isArray(value)) return value.every((item) => usesOnlyDeclared(item, node.items ?? true, accepts));
  if (typeof value === 'object' && value !== null) {
    const props = (node.properties as JsonObject | undefined) ?? {};
    if (union) return true;
    return Object.entries(value).every(([key, item]) => key in props && usesOnlyDeclared(item, props[key], accepts));
  }
  return true;
}
