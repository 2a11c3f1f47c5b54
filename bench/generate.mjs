#!/usr/bin/env node
// Synthetic snapshots for the benchmarks: deterministic (a seeded PRNG, no dependency), canonical
// (written with the project's own serializer), valid against schemas/snapshot.schema.json.
//
//   node bench/generate.mjs [--tools N] [--seed S] [--width W] [--churn RATE] [--profile realistic] [--out DIR]
//
// writes DIR/base-N.json and DIR/head-N.json (default DIR: bench/.out); with `--profile realistic`,
// base-realistic-N.json and head-realistic-N.json, tools as zod-based servers list them (below). The base has N tools whose
// input schemas look like what zod and hand-written servers send: nested objects, enums, `$defs` +
// `$ref`, nullable `anyOf`, arrays of objects, discriminated unions, descriptions. The head is the
// next release: a few per cent of the tools changed (an enum value removed, a required parameter
// added, a description reworded, a bound tightened, a tool removed or added ...).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serializeSnapshot } from '../dist/index.js';

export const OUT_DIR = fileURLToPath(new URL('./.out/', import.meta.url));

/** mulberry32: a small, fast 32-bit PRNG; the same seed gives the same sequence on every machine. */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  /** An integer in [low, high]. */
  int(low, high) {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }
  /** `count` distinct items, in the order drawn. */
  sample(items, count) {
    const pool = [...items];
    const out = [];
    while (out.length < count && pool.length > 0) out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    return out;
  }
}

const VERBS = ['get', 'list', 'search', 'create', 'update', 'delete', 'export', 'import', 'sync', 'archive', 'find', 'send', 'schedule', 'summarize', 'resolve', 'assign'];
const NOUNS = ['invoice', 'customer', 'ticket', 'order', 'note', 'issue', 'repository', 'file', 'event', 'message', 'report', 'user', 'project', 'payment', 'contact', 'document', 'dataset', 'branch', 'deployment', 'alert'];
const FIELDS = ['id', 'query', 'limit', 'offset', 'cursor', 'status', 'priority', 'owner', 'tags', 'title', 'body', 'email', 'url', 'language', 'region', 'timezone', 'format', 'sort', 'order', 'since', 'until', 'amount', 'currency', 'labels', 'assignee', 'path', 'branch', 'visibility', 'reason', 'notify', 'dryRun', 'includeArchived', 'pageSize', 'fields', 'locale', 'channel', 'template', 'category', 'score', 'threshold'];
const ENUMS = [
  ['open', 'closed', 'pending', 'archived', 'draft'],
  ['low', 'medium', 'high', 'urgent'],
  ['asc', 'desc'],
  ['json', 'csv', 'markdown', 'html', 'pdf'],
  ['public', 'private', 'internal'],
  ['eur', 'usd', 'gbp', 'jpy', 'chf', 'cad'],
  ['created', 'updated', 'relevance', 'name'],
  ['email', 'sms', 'push', 'webhook', 'slack'],
];
const PHRASES = [
  'Returns at most one page of results.',
  'Use the cursor from the previous call to continue.',
  'Only items the caller may read are returned.',
  'The change is recorded in the audit log.',
  'Dates are ISO 8601 in UTC.',
  'Fails if the item does not exist.',
  'Safe to retry: the same request has the same effect.',
  'Large exports are streamed as a resource link.',
];
const FORMATS = ['date-time', 'email', 'uri', 'uuid', 'date'];

const article = (word) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function sentence(random, subject) {
  return `${subject} ${random.sample(PHRASES, random.int(1, 3)).join(' ')}`;
}

/** Reusable definitions a tool may reference through `$ref` (zod and hand-written servers both do). */
function definitions(random, width) {
  return {
    pagination: {
      type: 'object',
      description: 'Where to start and how much to return.',
      properties: {
        cursor: { type: 'string', description: 'Opaque cursor from the previous page.' },
        pageSize: { type: 'integer', minimum: 1, maximum: 100, default: 25 },
      },
      additionalProperties: false,
    },
    dateRange: {
      type: 'object',
      properties: {
        since: { type: 'string', format: 'date-time' },
        until: { type: 'string', format: 'date-time' },
      },
      additionalProperties: false,
    },
    address: objectSchema(random, 1, width, 'Postal address.'),
  };
}

function scalar(random, field) {
  switch (random.int(0, 6)) {
    case 0:
      return { type: 'string', description: `The ${field}.`, minLength: 1, maxLength: random.pick([64, 128, 256, 1024]) };
    case 1:
      return { type: 'string', enum: [...random.pick(ENUMS)], description: `Which ${field}.` };
    case 2:
      return { type: 'integer', minimum: 0, maximum: random.pick([10, 100, 1000, 10000]), default: random.pick([0, 1, 10]) };
    case 3:
      return { type: 'number', exclusiveMinimum: 0, description: `The ${field}, a positive number.` };
    case 4:
      return { type: 'boolean', default: random.chance(0.5), description: `Whether ${field} applies.` };
    case 5:
      // zod's .nullable(), as zod-to-json-schema writes it.
      return { anyOf: [{ type: 'string', format: random.pick(FORMATS) }, { type: 'null' }], description: `The ${field}, or null.` };
    default:
      return { type: 'string', pattern: '^[a-z0-9_-]+$', description: `A ${field} slug.` };
  }
}

function objectSchema(random, depth, width, description) {
  const count = Math.min(FIELDS.length, random.int(2, 5) * width);
  const names = random.sample(FIELDS, count);
  const properties = {};
  for (const name of names) properties[name] = property(random, name, depth + 1, width);
  const required = names.filter(() => random.chance(0.4)).sort();
  return {
    type: 'object',
    ...(description ? { description } : {}),
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

function property(random, field, depth, width) {
  const roll = random.next();
  if (depth < 3 && roll < 0.12) return objectSchema(random, depth, width, `Filters on the ${field}.`);
  if (roll < 0.2) return { type: 'array', items: scalar(random, field), maxItems: random.pick([10, 50, 100]), description: `One or more ${field} values.` };
  if (depth < 3 && roll < 0.25) return { type: 'array', items: objectSchema(random, depth, width), minItems: 1 };
  if (depth < 3 && roll < 0.29) {
    // A discriminated union (zod's z.discriminatedUnion): closed objects told apart by `kind`.
    const kinds = random.sample(['text', 'link', 'image', 'file', 'mention'], random.int(2, 3));
    return {
      anyOf: kinds.map((kind) => ({
        type: 'object',
        properties: { kind: { type: 'string', const: kind }, value: { type: 'string', maxLength: 2048 } },
        required: ['kind', 'value'],
        additionalProperties: false,
      })),
      description: `The ${field}: one of ${kinds.join(', ')}.`,
    };
  }
  return scalar(random, field);
}

function inputSchema(random, width) {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', ...objectSchema(random, 0, width) };
  if (random.chance(0.35)) {
    const defs = definitions(random, width);
    const used = random.sample(Object.keys(defs), random.int(1, 2));
    schema.$defs = Object.fromEntries(used.map((name) => [name, defs[name]]));
    for (const name of used) schema.properties[name] = { $ref: `#/$defs/${name}` };
  }
  return schema;
}

function outputSchema(random, width) {
  const item = objectSchema(random, 1, width);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { items: { type: 'array', items: item }, nextCursor: { type: 'string' }, total: { type: 'integer', minimum: 0 } },
    required: ['items'],
    additionalProperties: false,
  };
}

function tool(random, index, width) {
  const verb = random.pick(VERBS);
  const noun = random.pick(NOUNS);
  const readOnly = ['get', 'list', 'search', 'find', 'export', 'summarize'].includes(verb);
  return {
    name: `${verb}_${noun}_${String(index).padStart(5, '0')}`,
    ...(random.chance(0.6) ? { title: `${verb[0].toUpperCase()}${verb.slice(1)} ${noun}` } : {}),
    description: sentence(random, `${verb[0].toUpperCase()}${verb.slice(1)} ${article(noun)} by its fields.`),
    inputSchema: inputSchema(random, width),
    ...(random.chance(0.3) ? { outputSchema: outputSchema(random, width) } : {}),
    annotations: { readOnlyHint: readOnly, destructiveHint: verb === 'delete', idempotentHint: readOnly, openWorldHint: random.chance(0.3) },
  };
}

// ---------------------------------------------------------------------------------------------
// The realistic profile: every tool as a zod-based server (the reference servers in
// fixtures/real-servers) lists it, about 2.7 KB of snapshot per tool (2.6 MiB for 1,000 tools). A described input with an
// enum, bounds, a nullable field and a nested filter object; an output schema on every tool, a page
// of records with their own enums and bounds; shared `$defs` on about half of them.

const RECORD_FIELDS = ['id', 'title', 'status', 'owner', 'createdAt', 'updatedAt', 'score', 'url', 'labels', 'priority', 'amount', 'region'];

function described(random, schema, field) {
  return { ...schema, description: `${field[0].toUpperCase()}${field.slice(1)} ${random.pick(['of the item', 'to filter on', 'as stored', 'in the response'])}.` };
}

function realisticField(random, field) {
  switch (random.int(0, 5)) {
    case 0:
      return described(random, { type: 'string', enum: [...random.pick(ENUMS)] }, field);
    case 1:
      return described(random, { type: 'integer', minimum: 0, maximum: random.pick([100, 1000, 9007199254740991]) }, field);
    case 2:
      return described(random, { type: 'string', minLength: 1, maxLength: random.pick([64, 256, 1024]) }, field);
    case 3:
      return described(random, { anyOf: [{ type: 'string', format: random.pick(FORMATS) }, { type: 'null' }] }, field);
    case 4:
      return described(random, { type: 'array', items: { type: 'string', maxLength: 64 }, maxItems: random.pick([10, 50]) }, field);
    default:
      return described(random, { type: 'boolean', default: random.chance(0.5) }, field);
  }
}

function realisticObject(random, fields, count) {
  const names = random.sample(fields, count);
  const properties = Object.fromEntries(names.map((name) => [name, realisticField(random, name)]));
  const required = names.filter(() => random.chance(0.5)).sort();
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
}

function realisticTool(random, index) {
  const verb = random.pick(VERBS);
  const noun = random.pick(NOUNS);
  const readOnly = ['get', 'list', 'search', 'find', 'export', 'summarize'].includes(verb);
  const input = { $schema: 'http://json-schema.org/draft-07/schema#', ...realisticObject(random, FIELDS, random.int(2, 3)) };
  if (random.chance(0.25)) input.properties.filter = { ...realisticObject(random, FIELDS, random.int(1, 2)), description: `Narrows the ${noun}s returned.` };
  const record = realisticObject(random, RECORD_FIELDS, 2);
  const output = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: {
      items: { type: 'array', items: record, description: `The ${noun}s found.` },
      nextCursor: { type: 'string', description: 'Where the next page starts.' },
    },
    required: ['items', 'nextCursor'],
    additionalProperties: false,
  };
  if (random.chance(0.4)) {
    input.$defs = { page: { type: 'object', properties: { cursor: { type: 'string' }, size: { type: 'integer', minimum: 1, maximum: 100 } }, additionalProperties: false } };
    input.properties.page = { $ref: '#/$defs/page' };
  }
  return {
    name: `${verb}_${noun}_${String(index).padStart(5, '0')}`,
    title: `${verb[0].toUpperCase()}${verb.slice(1)} ${noun}`,
    description: sentence(random, `${verb[0].toUpperCase()}${verb.slice(1)} ${article(noun)} by its fields.`),
    inputSchema: input,
    outputSchema: output,
    annotations: { readOnlyHint: readOnly, destructiveHint: verb === 'delete', idempotentHint: readOnly, openWorldHint: random.chance(0.3) },
  };
}

/** The tool maker of a profile: `synthetic` (the default, the engine's figures) or `realistic`. */
function toolMaker(profile) {
  if (profile === 'realistic') return (random, index) => realisticTool(random, index);
  if (profile === undefined || profile === 'synthetic') return tool;
  throw new Error(`unknown profile ${profile} (synthetic or realistic)`);
}

/**
 * The base snapshot: `tools` tools, and a prompt and a resource per 20 tools.
 * `width` multiplies the number of properties of every object schema (schema size).
 */
export function generateSnapshot({ tools = 100, seed = 1, width = 1, profile } = {}) {
  const random = new Random(seed);
  const make = toolMaker(profile);
  const extra = Math.ceil(tools / 20);
  return {
    formatVersion: 1,
    client: { capabilities: { elicitation: {}, roots: {}, sampling: {} } },
    server: {
      name: 'bench-server',
      version: '1.4.2',
      protocolVersion: '2025-06-18',
      capabilities: { tools: { listChanged: true }, prompts: {}, resources: {} },
      instructions: 'A synthetic server for the benchmarks of mcp-compat.',
    },
    tools: Array.from({ length: tools }, (_, index) => make(random, index, width)),
    prompts: Array.from({ length: extra }, (_, index) => ({
      name: `review_${random.pick(NOUNS)}_${index}`,
      description: `Review ${article(random.pick(NOUNS))}.`,
      arguments: [{ name: 'id', required: true }, { name: 'style', description: 'e.g. terse' }],
    })),
    resources: Array.from({ length: extra }, (_, index) => ({ uri: `bench://${random.pick(NOUNS)}/${index}`, name: `${random.pick(NOUNS)}_${index}`, mimeType: 'application/json' })),
    resourceTemplates: [{ uriTemplate: 'bench://{kind}/{id}', name: 'item' }],
  };
}

/** Every object schema with properties under `schema` (itself included): the places a change can go. */
function objectsIn(schema, out = []) {
  if (schema === null || typeof schema !== 'object') return out;
  if (schema.type === 'object' && schema.properties) out.push(schema);
  for (const value of Object.values(schema)) if (value && typeof value === 'object') objectsIn(value, out);
  return out;
}

function enumsIn(schema, out = []) {
  if (schema === null || typeof schema !== 'object') return out;
  if (Array.isArray(schema.enum) && schema.enum.length > 1) out.push(schema);
  for (const value of Object.values(schema)) if (value && typeof value === 'object') enumsIn(value, out);
  return out;
}

/** The mutations of a release, each a function of (random, tool) returning false when it does not apply. */
const MUTATIONS = {
  'enum value removed': (random, tool) => {
    const target = random.pick(enumsIn(tool.inputSchema));
    if (!target) return false;
    target.enum.splice(random.int(0, target.enum.length - 1), 1);
    return true;
  },
  'enum value added': (random, tool) => {
    const target = random.pick(enumsIn(tool.inputSchema));
    if (!target) return false;
    target.enum.push(`new_${random.int(0, 999)}`);
    return true;
  },
  'required parameter added': (random, tool) => {
    tool.inputSchema.properties.workspaceId = { type: 'string', description: 'The workspace to act in.' };
    tool.inputSchema.required = [...(tool.inputSchema.required ?? []), 'workspaceId'].sort();
    return true;
  },
  'optional parameter added': (random, tool) => {
    const target = random.pick(objectsIn(tool.inputSchema));
    target.properties.traceId = { type: 'string', description: 'Correlates logs across calls.' };
    return true;
  },
  'description reworded': (random, tool) => {
    tool.description = `${tool.description} ${random.pick(PHRASES)}`;
    return true;
  },
  'bound tightened': (random, tool) => {
    const target = random.pick(objectsIn(tool.inputSchema));
    const name = Object.keys(target.properties).find((key) => typeof target.properties[key].maxLength === 'number' || typeof target.properties[key].maximum === 'number');
    if (name === undefined) return false;
    const prop = target.properties[name];
    if (typeof prop.maxLength === 'number') prop.maxLength = Math.max(1, Math.floor(prop.maxLength / 2));
    else prop.maximum = Math.floor(prop.maximum / 2);
    return true;
  },
  'became writable': (random, tool) => {
    if (!tool.annotations.readOnlyHint) return false;
    tool.annotations.readOnlyHint = false;
    return true;
  },
  'output field added': (random, tool) => {
    if (!tool.outputSchema) return false;
    tool.outputSchema.properties.warnings = { type: 'array', items: { type: 'string' } };
    return true;
  },
};

/**
 * The next release of `base`: about `rate` of the tools changed (one mutation each), about a tenth of
 * that removed, and as many new tools added; the server version bumped. `base` is not modified.
 */
export function churn(base, { seed = 2, rate = 0.05, width = 1, profile } = {}) {
  const random = new Random(seed);
  const make = toolMaker(profile);
  const head = structuredClone(base);
  head.server.version = '1.5.0';
  const names = Object.keys(MUTATIONS);
  const applied = Object.fromEntries(names.map((name) => [name, 0]));
  applied['tool removed'] = 0;
  applied['tool added'] = 0;
  const kept = [];
  for (const t of head.tools) {
    if (random.chance(rate / 10)) {
      applied['tool removed']++;
      continue;
    }
    kept.push(t);
    if (!random.chance(rate)) continue;
    for (let attempt = 0; attempt < 4; attempt++) {
      const name = random.pick(names);
      if (MUTATIONS[name](random, t)) {
        applied[name]++;
        break;
      }
    }
  }
  const added = Math.max(1, Math.round((base.tools.length * rate) / 10));
  for (let index = 0; index < added; index++) kept.push(make(random, base.tools.length + index, width));
  applied['tool added'] = added;
  head.tools = kept;
  return { head, applied };
}

/** A base and head pair of `tools` tools, as canonical snapshot text. */
export function generatePair({ tools = 100, seed = 1, width = 1, rate = 0.05, profile } = {}) {
  const base = generateSnapshot({ tools, seed, width, profile });
  const { head, applied } = churn(base, { seed: seed + 1, rate, width, profile });
  return { base: serializeSnapshot(base), head: serializeSnapshot(head), applied };
}

/** Writes the pair to `dir` as base-<name>.json and head-<name>.json; returns the two paths. */
export function writePair(dir, name, options) {
  mkdirSync(dir, { recursive: true });
  const pair = generatePair(options);
  const basePath = join(dir, `base-${name}.json`);
  const headPath = join(dir, `head-${name}.json`);
  writeFileSync(basePath, pair.base);
  writeFileSync(headPath, pair.head);
  return { basePath, headPath, applied: pair.applied, bytes: Buffer.byteLength(pair.base) };
}

// ---------------------------------------------------------------------------------------------
// Adversarial pairs: one tool each, built to find exponential paths and deep recursion.

function oneTool(name, inputSchema, extra = {}) {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'adversarial', version: '1.0.0', protocolVersion: '2025-06-18', capabilities: { tools: {} } },
    tools: [{ name, description: 'An adversarial schema.', inputSchema, ...extra }],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
}

function nested(depth, leaf) {
  let schema = { type: 'object', properties: { value: leaf }, required: ['value'], additionalProperties: false };
  for (let level = 1; level < depth; level++) schema = { type: 'object', properties: { child: schema, note: { type: 'string' } }, required: ['child'], additionalProperties: false };
  return schema;
}

function branches(keyword, count, changed) {
  // Closed objects, each with its own discriminator and a few fields: the matching is count x count.
  return {
    type: 'object',
    properties: {
      payload: {
        [keyword]: Array.from({ length: count }, (_, index) => ({
          type: 'object',
          properties: {
            kind: { const: `kind_${index}` },
            size: { type: 'integer', minimum: 0, maximum: changed && index % 4 === 0 ? 50 : 100 },
            label: { type: 'string', maxLength: 64 },
            ...(index % 3 === 0 ? { extra: { type: 'array', items: { type: 'string' } } } : {}),
          },
          required: ['kind', 'size'],
          additionalProperties: false,
        })).filter((_, index) => !(changed && index === count - 1)),
      },
    },
    required: ['payload'],
  };
}

function nestedUnions(levels, width, changed) {
  // Each level an anyOf of `width` closed objects whose `next` is the level below, shared through
  // `$defs` as zod-to-json-schema writes it: a small schema with width^levels paths through it.
  const $defs = { level0: { type: 'string', maxLength: changed ? 10 : 20 } };
  for (let level = 1; level <= levels; level++) {
    $defs[`level${level}`] = {
      anyOf: Array.from({ length: width }, (_, index) => ({
        type: 'object',
        properties: { kind: { const: `k${level}_${index}` }, next: { $ref: `#/$defs/level${level - 1}` } },
        required: ['kind', 'next'],
        additionalProperties: false,
      })),
    };
  }
  return { type: 'object', properties: { root: { $ref: `#/$defs/level${levels}` } }, required: ['root'], $defs };
}

function cycle(changed) {
  // Mutually recursive definitions (a tree of sections and items), and a self-reference.
  return {
    type: 'object',
    properties: { root: { $ref: '#/$defs/section' } },
    required: ['root'],
    $defs: {
      section: {
        type: 'object',
        properties: { title: { type: 'string' }, items: { type: 'array', items: { $ref: '#/$defs/item' } }, parent: { $ref: '#/$defs/section' } },
        required: changed ? ['title', 'items'] : ['title'],
      },
      item: {
        anyOf: [
          { $ref: '#/$defs/section' },
          { type: 'object', properties: { text: { type: 'string', maxLength: changed ? 100 : 200 }, next: { $ref: '#/$defs/item' } } },
        ],
      },
    },
  };
}

/**
 * The adversarial cases: name -> { what, extra, base, head } as canonical snapshot text. `extra` marks
 * the cases beyond the four kinds the performance targets name (deep nesting, wide unions, `$ref`
 * cycles, a huge description).
 */
export function adversarialPairs() {
  const bigUnit = 'Lorem ipsum dolor sit amet, "quoted" \\ Büße ✓ consectetur adipiscing elit.\n';
  const big = bigUnit.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(bigUnit)));
  const cases = {
    'nesting-64': {
      what: '64-deep nested objects, the leaf narrowed',
      base: oneTool('deep', nested(64, { type: 'string', maxLength: 100 })),
      head: oneTool('deep', nested(64, { type: 'string', maxLength: 50 })),
    },
    'anyOf-32': {
      what: '32-branch anyOf of closed objects, a branch removed and 8 narrowed',
      base: oneTool('union', branches('anyOf', 32, false)),
      head: oneTool('union', branches('anyOf', 32, true)),
    },
    'oneOf-32': {
      what: '32-branch oneOf of closed objects, a branch removed and 8 narrowed',
      base: oneTool('union', branches('oneOf', 32, false)),
      head: oneTool('union', branches('oneOf', 32, true)),
    },
    'nested-unions-4x8': {
      what: 'anyOf of 8 objects nested 4 deep through $refs (8^4 paths), the innermost leaf narrowed',
      extra: true,
      base: oneTool('unions', nestedUnions(4, 8, false)),
      head: oneTool('unions', nestedUnions(4, 8, true)),
    },
    'nested-unions-5x8': {
      what: 'anyOf of 8 objects nested 5 deep through $refs (8^5 paths), the innermost leaf narrowed',
      extra: true,
      base: oneTool('unions', nestedUnions(5, 8, false)),
      head: oneTool('unions', nestedUnions(5, 8, true)),
    },
    'ref-cycle': {
      what: 'mutually recursive $refs (section <-> item, self-references), changed inside the cycle',
      base: oneTool('tree', cycle(false)),
      head: oneTool('tree', cycle(true)),
    },
    'description-10mb': {
      what: 'a 10 MB description, one character changed at its end',
      base: oneTool('big', { type: 'object' }, { description: big }),
      head: oneTool('big', { type: 'object' }, { description: `${big.slice(0, -2)}!\n` }),
    },
  };
  return Object.fromEntries(
    Object.entries(cases).map(([name, c]) => [name, { what: c.what, extra: c.extra === true, base: serializeSnapshot(c.base), head: serializeSnapshot(c.head) }]),
  );
}

// ---------------------------------------------------------------------------------------------

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const option = (name, fallback) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : fallback);
  const dir = argv.includes('--out') ? argv[argv.indexOf('--out') + 1] : OUT_DIR;
  const tools = option('--tools', 100);
  const profile = argv.includes('--profile') ? argv[argv.indexOf('--profile') + 1] : undefined;
  const name = profile === 'realistic' ? `realistic-${tools}` : String(tools);
  const written = writePair(dir, name, { tools, seed: option('--seed', 1), width: option('--width', 1), rate: option('--churn', 0.05), profile });
  process.stdout.write(`${written.basePath}\n${written.headPath}\n${JSON.stringify(written.applied)}\n`);
}
