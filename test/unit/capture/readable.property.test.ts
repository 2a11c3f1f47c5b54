import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toSnapshot, type WireCapture } from '../../../src/capture/normalise.js';
import { refuseUnreadable } from '../../../src/capture/readable.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { UserError } from '../../../src/errors.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { parseSnapshot } from '../../../src/snapshot/read.js';
import type { Json, Snapshot } from '../../../src/snapshot/model.js';
import { jsonEqual } from '../../../src/diff/json.js';

// What `snapshot` writes, `diff` and `check` read: whatever lists a server sends, the capture either
// refuses them with a one-line UserError, or produces bytes the reader accepts and that diff finds
// identical to themselves. Never a stack overflow, never a file that fails every later run.

/** Keys as a server may send them; built with Object.fromEntries, as JSON.parse does, "__proto__" stays an own key. */
const ODD_KEYS = ['', 'a', 'type', 'properties', '__proto__', 'constructor', 'prototype', 'toString', '~1', '/', 'a/b~c', 'é', '\u0000', '\u202e'];
const ODD_STRINGS = ['', ' ', 'a', 'search', 'search ', 'Search', '__proto__', 'constructor', 'toString', 'é', 'e\u0301', '\u0000\u001b[31m', 'a/b', '~0', 'x'.repeat(300)];

const oddKey = fc.oneof(fc.constantFrom(...ODD_KEYS), fc.string({ maxLength: 4 }));
const oddString = fc.oneof(fc.constantFrom(...ODD_STRINGS), fc.string({ maxLength: 8 }));

const { value: oddValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constantFrom(null, true, 0, -1, 1.5, 1e300),
    oddString,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.array(fc.tuple(oddKey, tie('value')), { maxLength: 4 }).map((entries) => Object.fromEntries(entries)),
  ),
}));

/** A value nested `depth` levels deep under `key`, built in a loop (as the wire delivers it, not by recursion). */
const deep = fc.record({ depth: fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 20 }) }, fc.integer({ min: 480, max: 520 }), fc.integer({ min: 990, max: 1010 }), fc.constant(5000)), key: oddKey, array: fc.boolean() }).map(({ depth, key, array }) => {
  let value: unknown = { type: 'string' };
  for (let level = 0; level < depth; level++) value = array ? [value] : { type: 'object', properties: Object.fromEntries([[key, value]]) };
  return value;
});

const inputSchema = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ type: 'object' }) },
  deep.map((inner) => ({ type: 'object', properties: { a: inner } })),
  fc.array(fc.tuple(oddKey, oddValue), { maxLength: 4 }).map((entries) => ({ ...Object.fromEntries(entries), type: 'object' })),
  { weight: 1, arbitrary: oddValue },
);

const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const withoutUndefined = (object: Record<string, unknown>) => Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined));

/** Mostly what the field should hold, sometimes anything: both sides of the property need examples. */
const mostly = <T>(usual: fc.Arbitrary<T>) => fc.oneof({ weight: 12, arbitrary: usual }, { weight: 1, arbitrary: oddValue });
const object = fc.array(fc.tuple(oddKey, oddValue), { maxLength: 3 }).map((entries) => Object.fromEntries(entries));

const tool = fc
  .record({
    name: mostly(oddString),
    inputSchema,
    description: optional(mostly(oddString)),
    outputSchema: optional(mostly(fc.oneof(deep, object))),
    annotations: optional(mostly(object)),
    _meta: optional(mostly(fc.oneof(deep, object))),
  })
  .map(withoutUndefined);
const prompt = fc.record({ name: oddString, arguments: optional(fc.array(mostly(fc.record({ name: oddString, required: optional(mostly(fc.boolean())) }).map(withoutUndefined)), { maxLength: 3 })) }).map(withoutUndefined);
const resource = fc.record({ uri: oddString, name: optional(oddString), size: optional(mostly(fc.nat())), _meta: optional(deep) }).map(withoutUndefined);
const template = fc.record({ uriTemplate: oddString, name: optional(oddString), mimeType: optional(mostly(oddString)) }).map(withoutUndefined);

const wire: fc.Arbitrary<WireCapture> = fc.record({
  clientCapabilities: fc.constant({ roots: {} }),
  protocolVersion: fc.constantFrom('2025-06-18', '2024-11-05'),
  serverInfo: fc.record({ name: oddString, version: oddString, title: optional(mostly(oddString)), icons: optional(mostly(fc.array(object, { maxLength: 2 }))) }).map(withoutUndefined),
  capabilities: fc.oneof(fc.constant({ tools: {} }), deep.map((inner) => ({ tools: {}, experimental: inner }))),
  instructions: optional(mostly(oddString)),
  tools: fc.array(mostly(tool), { maxLength: 4 }),
  prompts: fc.array(prompt, { maxLength: 2 }),
  resources: fc.array(resource, { maxLength: 2 }),
  resourceTemplates: fc.array(template, { maxLength: 2 }),
  notes: fc.constant([]),
});

/** The capture's own steps after the lists are read: normalise, then refuse what the reader would refuse. */
async function captured(lists: WireCapture) {
  const snapshot = toSnapshot(lists, 'server `x`');
  await refuseUnreadable(snapshot, 'server `x`');
  return snapshot;
}

describe('any snapshot a capture accepts is one diff and check read back unchanged', () => {
  it('accepted: the reader accepts the bytes and diff finds no change; refused: a one-line UserError', async () => {
    let accepted = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(wire, async (lists) => {
        const outcome = await captured(lists).then(
          (snapshot) => ({ snapshot }),
          (error: unknown) => ({ error }),
        );
        if ('error' in outcome) {
          refused++;
          expect(outcome.error).toBeInstanceOf(UserError);
          const { message, hint } = outcome.error as UserError;
          expect(message).not.toMatch(/call stack/i);
          for (const text of [message, hint ?? '']) expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
          return;
        }
        accepted++;
        const text = serializeSnapshot(outcome.snapshot);
        const read = await parseSnapshot(text, 'captured.json');
        expect(serializeSnapshot(read)).toBe(text);
        expect(diffSnapshots(read, read).changes).toEqual([]);
        expect(diffSnapshots(outcome.snapshot, read).changes).toEqual([]);
      }),
      { numRuns: 400 },
    );
    // Both sides of the property were exercised.
    expect(accepted).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
  }, 120_000);

  it('refuses, naming the tool and the place, a tool the reader would refuse for a reason the lists do not check', async () => {
    const lists: WireCapture = {
      clientCapabilities: {},
      protocolVersion: '2025-06-18',
      serverInfo: { name: 'notes', version: '1' },
      capabilities: { tools: {} },
      tools: [{ name: 'search', description: 42, inputSchema: { type: 'object' } }],
      prompts: [],
      resources: [],
      resourceTemplates: [],
      notes: [],
    };
    const error = await captured(lists).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe('Server `x` sent what a snapshot cannot hold: tool "search" at /tools/0/description must be string.');
  });
});

describe('lists JSON.parse made (stdio, HTTP, SSE) are taken as they are, with the outcome of copying them', () => {
  /** The lists as a transport delivers them: parsed from text, where some values are written as -0 and 1e400 (read as Infinity). */
  const fromText = (lists: WireCapture): WireCapture => {
    const text = JSON.stringify({ tools: lists.tools, prompts: lists.prompts, resources: lists.resources, resourceTemplates: lists.resourceTemplates });
    return { ...lists, ...(JSON.parse(text.replaceAll(':"a"', ':-0').replaceAll(':"é"', ':1e400')) as Pick<WireCapture, 'tools' | 'prompts' | 'resources' | 'resourceTemplates'>) };
  };
  const outcome = (lists: WireCapture) =>
    captured(lists).then(
      (snapshot) => ({ snapshot }),
      (error: unknown) => {
        expect(error).toBeInstanceOf(UserError);
        return { error: (error as UserError).message };
      },
    );

  it('the same snapshot (serialized byte for byte), or the same refusal', async () => {
    let taken = 0;
    await fc.assert(
      fc.asyncProperty(wire, async (lists) => {
        // JSON.stringify, which builds the text here, cannot follow the deepest values (test/unit/capture/normalise.test.ts has them as text).
        const delivered = (() => {
          try {
            return fromText(lists);
          } catch {
            return undefined;
          }
        })();
        fc.pre(delivered !== undefined);
        const copied = await outcome(delivered);
        // Parsed again: the capture must not depend on the copying path having left the values alone.
        const asTheyAre = await outcome({ ...fromText(lists), parsedFromJson: true });
        if ('error' in copied) {
          expect(asTheyAre).toEqual(copied);
          return;
        }
        taken++;
        expect('snapshot' in asTheyAre).toBe(true);
        const snapshot = (asTheyAre as { snapshot: Snapshot }).snapshot;
        expect(serializeSnapshot(snapshot)).toBe(serializeSnapshot(copied.snapshot));
        expect(diffSnapshots(snapshot, copied.snapshot).changes).toEqual([]);
        // With a baseline (check's): the same bytes again, and an entry equal to the baseline's is the baseline's object.
        const baseline = (await outcome(fromText(lists))) as { snapshot: Snapshot };
        const wireLists = fromText(lists);
        const reused = toSnapshot({ ...wireLists, parsedFromJson: true }, 'server `x`', baseline.snapshot);
        expect(serializeSnapshot(reused)).toBe(serializeSnapshot(copied.snapshot));
        const sent = new Map((wireLists.tools as Array<{ name: string }>).map((tool) => [tool.name, tool]));
        reused.tools.forEach((tool, index) => {
          const known = baseline.snapshot.tools[index];
          // Not equal only where JSON.parse read 1e400 as Infinity, which the baseline holds as null.
          expect(tool === known).toBe(jsonEqual(known as unknown as Json, sent.get(tool.name) as unknown as Json));
        });
      }),
      { numRuns: 400 },
    );
    expect(taken).toBeGreaterThan(20);
  }, 120_000);
});
