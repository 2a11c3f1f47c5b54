import { describe, expect, it } from 'vitest';
import { toSnapshot, type WireCapture } from '../../../src/capture/normalise.js';
import { UserError } from '../../../src/errors.js';

function wire(overrides: Partial<WireCapture> = {}): WireCapture {
  return {
    clientCapabilities: { roots: {} },
    protocolVersion: '2025-06-18',
    serverInfo: { name: 'srv', version: '1.2.3', title: 'Server' },
    capabilities: { tools: { listChanged: true } },
    tools: [],
    prompts: [],
    resources: [],
    resourceTemplates: [],
    notes: [],
    ...overrides,
  };
}

describe('toSnapshot', () => {
  it('records the server, the negotiated revision and the client capabilities', () => {
    const snapshot = toSnapshot(wire({ instructions: 'Use search first.' }));
    expect(snapshot.formatVersion).toBe(1);
    expect(snapshot.client).toEqual({ capabilities: { roots: {} } });
    expect(snapshot.server).toEqual({ name: 'srv', version: '1.2.3', title: 'Server', protocolVersion: '2025-06-18', capabilities: { tools: { listChanged: true } }, instructions: 'Use search first.' });
    expect(snapshot).not.toHaveProperty('notes');
  });

  it('keeps every field a tool carries, including its own _meta, execution and icons', () => {
    const tool = {
      name: 'search',
      title: 'Search',
      inputSchema: { $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' },
      outputSchema: { type: 'object' },
      annotations: { readOnlyHint: true },
      execution: { taskSupport: 'optional' },
      icons: [{ src: 'https://x/i.png' }],
      _meta: { 'com.example/v': 1 },
    };
    expect(toSnapshot(wire({ tools: [tool] })).tools).toEqual([tool]);
  });

  it('drops what JSON cannot carry and does not share objects with the wire', () => {
    const raw = { name: 't', inputSchema: { type: 'object' }, description: undefined };
    const [tool] = toSnapshot(wire({ tools: [raw] })).tools;
    expect(tool).toEqual({ name: 't', inputSchema: { type: 'object' } });
    expect(tool!.inputSchema).not.toBe(raw.inputSchema);
  });

  it('keeps the notes it is given, once each and sorted', () => {
    const snapshot = toSnapshot(wire({ notes: ['b: second', 'a: first', 'b: second'] }));
    expect(snapshot.notes).toEqual(['a: first', 'b: second']);
  });

  it('sorts every list by what identifies its entries', () => {
    const snapshot = toSnapshot(
      wire({
        tools: [{ name: 'b', inputSchema: { type: 'object' } }, { name: 'a', inputSchema: { type: 'object' } }],
        prompts: [{ name: 'y' }, { name: 'x' }],
        resources: [{ uri: 'z://1', name: 'z' }, { uri: 'a://1', name: 'a' }],
        resourceTemplates: [{ uriTemplate: 'z://{id}', name: 'z' }, { uriTemplate: 'a://{id}', name: 'a' }],
      }),
    );
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['a', 'b']);
    expect(snapshot.prompts.map((prompt) => prompt.name)).toEqual(['x', 'y']);
    expect(snapshot.resources.map((resource) => resource.uri)).toEqual(['a://1', 'z://1']);
    expect(snapshot.resourceTemplates.map((template) => template.uriTemplate)).toEqual(['a://{id}', 'z://{id}']);
  });
});

// A client cannot use these lists, and a snapshot that patched them would record what the server
// never said: each is an error naming the list, the entity and what is wrong.
describe('toSnapshot refuses what clients reject', () => {
  const hint = 'MCP requires a JSON Schema object with "type": "object" (use {"type":"object"} for a tool that takes no arguments).';

  it.each([
    ['no inputSchema', { name: 'bare' }, 'tool "bare" has no inputSchema'],
    ['a string', { name: 'bare', inputSchema: 'object' }, 'tool "bare" has an inputSchema that is a string, not an object'],
    ['an array', { name: 'bare', inputSchema: [{ type: 'object' }] }, 'tool "bare" has an inputSchema that is an array, not an object'],
    ['null', { name: 'bare', inputSchema: null }, 'tool "bare" has an inputSchema that is null, not an object'],
    ['{"type":"string"}', { name: 'bare', inputSchema: { type: 'string' } }, 'tool "bare" has an inputSchema of type "string", not "object"'],
    ['no type', { name: 'bare', inputSchema: { properties: {} } }, 'tool "bare" has an inputSchema without "type": "object"'],
  ])('a tool whose inputSchema is %s', (_, tool, what) => {
    const error = catchUserError(() => toSnapshot(wire({ tools: [{ name: 'fine', inputSchema: { type: 'object' } }, tool] }), 'server `srv`'));
    expect(error.message).toBe(`Server \`srv\` sent an invalid tools/list result: ${what}.`);
    expect(error.hint).toBe(hint);
  });

  it.each([
    ['tools', 'tools/list', 'tool "b"', 'name', [{ name: 'b', inputSchema: { type: 'object' } }, { name: 'a', inputSchema: { type: 'object' } }, { name: 'b', inputSchema: { type: 'object' } }]],
    ['prompts', 'prompts/list', 'prompt "p"', 'name', [{ name: 'p' }, { name: 'p', description: 'another' }]],
    ['resources', 'resources/list', 'resource "a://1"', 'uri', [{ uri: 'a://1', name: 'a' }, { uri: 'a://1', name: 'b' }]],
    ['resourceTemplates', 'resources/templates/list', 'resource template "a://{id}"', 'uriTemplate', [{ uriTemplate: 'a://{id}', name: 'a' }, { uriTemplate: 'a://{id}', name: 'b' }]],
  ] as const)('two %s with the same identity', (list, method, entity, key, items) => {
    const error = catchUserError(() => toSnapshot(wire({ [list]: items })));
    expect(error.message).toBe(`The server sent an invalid ${method} result: ${entity} is listed twice, and clients cannot tell the two apart.`);
    expect(error.hint).toMatch(new RegExp(`its own ${key}\\.$`));
  });

  it('an entry that is not an object, or has no identity', () => {
    expect(catchUserError(() => toSnapshot(wire({ prompts: [{ name: 'p' }, 'q'] }))).message).toBe('The server sent an invalid prompts/list result: entry 2 is a string, not an object.');
    expect(catchUserError(() => toSnapshot(wire({ resources: [{ name: 'no uri' }] }))).message).toBe('The server sent an invalid resources/list result: resource 1 has no "uri", where a string is required.');
    expect(catchUserError(() => toSnapshot(wire({ tools: [{ name: 7, inputSchema: { type: 'object' } }] }))).message).toBe('The server sent an invalid tools/list result: tool 1 has a "name" that is a number, where a string is required.');
  });

  it('quotes a server-provided name on one line, without control characters, and short', () => {
    const name = `evil\u001b[31m\nname${'x'.repeat(200)}`;
    const { message } = catchUserError(() => toSnapshot(wire({ tools: [{ name }] })));
    expect(message.split('\n')).toHaveLength(1);
    expect(message).not.toMatch(/[\u0000-\u001f]/);
    expect(message).toMatch(/^The server sent an invalid tools\/list result: tool "evil namex+…" has no inputSchema\.$/);
  });
});

describe('toSnapshot: nesting', () => {
  /** A tool whose input schema holds `levels` nested arrays (the tool itself is level 1, its inputSchema level 2). */
  const nestedTool = (levels: number) => {
    let value: unknown = 'leaf';
    for (let level = 0; level < levels; level++) value = [value];
    return { name: 'deep', inputSchema: { type: 'object', default: value } };
  };

  it('keeps a tool nested as deep as an entity may be, and refuses one level more, naming the tool and the place', () => {
    // 998 levels for an entity (MAX_ENTITY_DEPTH): the tool, its inputSchema, and 996 arrays.
    expect(toSnapshot(wire({ tools: [nestedTool(996)] })).tools[0]).toEqual(nestedTool(996));
    const { message } = catchUserError(() => toSnapshot(wire({ tools: [nestedTool(997)] })));
    expect(message).toMatch(/^The server sent an invalid tools\/list result: arrays and objects nested deeper than a snapshot may hold \(1000 levels from its top\) in tool "deep", at \/inputSchema\/default\/0\/0\/0\/0\/0\/0\/…\.$/);
  });

  it('refuses a tool 100,000 levels deep, too deep for JSON.stringify itself, with the same message', () => {
    const { message } = catchUserError(() => toSnapshot(wire({ tools: [nestedTool(100_000)] })));
    expect(message).toMatch(/in tool "deep", at \/inputSchema\/default\/0\//);
  });

  it('keeps a shallow tool whose text opens thousands of arrays and objects, and strings full of brackets', () => {
    const tool = { name: 'wide', inputSchema: { type: 'object', properties: Object.fromEntries(Array.from({ length: 3000 }, (_, index) => [`p${index}`, { enum: [[index]] }])), description: '{['.repeat(5000) } };
    expect(toSnapshot(wire({ tools: [tool] })).tools[0]).toEqual(tool);
  });
});

describe('toSnapshot of entries JSON.parse made (stdio, HTTP, SSE)', () => {
  const parsed = (text: string) => JSON.parse(text) as unknown[];

  it('takes them as they are, with no copy, and the snapshot equals the copying one', () => {
    const text = '[{"name":"b","inputSchema":{"type":"object","properties":{"q":{"type":"string","maxLength":10}}},"_meta":{"__proto__":{"polluted":true}}},{"name":"a","inputSchema":{"type":"object"}}]';
    const raw = parsed(text);
    const snapshot = toSnapshot(wire({ tools: raw, parsedFromJson: true }));
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['a', 'b']);
    expect(snapshot.tools[1]).toBe(raw[0]);
    expect(snapshot).toEqual(toSnapshot(wire({ tools: parsed(text) })));
    // "__proto__" stays an own key holding data, as JSON.parse made it.
    expect(Object.keys(snapshot.tools[1]!._meta as object)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('copies an entry holding a number JSON text cannot write back (1e400 reads as Infinity, -0), as the copying path does', () => {
    const text = '[{"name":"t","inputSchema":{"type":"object","properties":{"n":{"type":"number","maximum":1e400,"minimum":-0,"default":[-1e400]}}}}]';
    const raw = parsed(text);
    const snapshot = toSnapshot(wire({ tools: raw, parsedFromJson: true }));
    expect(snapshot.tools[0]).not.toBe(raw[0]);
    expect(snapshot.tools[0]!.inputSchema).toEqual({ type: 'object', properties: { n: { type: 'number', maximum: null, minimum: 0, default: [null] } } });
    expect(Object.is((snapshot.tools[0]!.inputSchema.properties as { n: { minimum: number } }).n.minimum, -0)).toBe(false);
    expect(snapshot).toEqual(toSnapshot(wire({ tools: parsed(text) })));
  });

  it('takes an entry equal to the baseline entry of the same identity as the baseline\'s object, and only then', () => {
    const text = '[{"name":"same","inputSchema":{"type":"object","properties":{"n":{"type":"number","minimum":-0}}}},{"name":"changed","inputSchema":{"type":"object"},"description":"new"},{"name":"added","inputSchema":{"type":"object"}}]';
    const baseline = toSnapshot(wire({ tools: parsed('[{"name":"same","inputSchema":{"type":"object","properties":{"n":{"type":"number","minimum":0}}}},{"name":"changed","inputSchema":{"type":"object"},"description":"old"}]') }));
    const raw = parsed(text);
    const snapshot = toSnapshot(wire({ tools: raw, parsedFromJson: true }), 'the server', baseline);
    const byName = new Map(snapshot.tools.map((tool) => [tool.name, tool]));
    expect(byName.get('same')).toBe(baseline.tools.find((tool) => tool.name === 'same'));
    expect(byName.get('changed')).toBe(raw[1]);
    expect(byName.get('added')).toBe(raw[2]);
    expect(snapshot).toEqual(toSnapshot(wire({ tools: parsed(text) })));
  });

  it('refuses an entry nested too deep even when the baseline holds the same entry cut short', () => {
    const deep = (levels: number) => `{"name":"deep","inputSchema":{"type":"object","default":${'['.repeat(levels)}"leaf"${']'.repeat(levels)}}}`;
    const baseline = toSnapshot(wire({ tools: parsed(`[${deep(996)}]`) }));
    const { message } = catchUserError(() => toSnapshot(wire({ tools: parsed(`[${deep(100_000)}]`), parsedFromJson: true }), 'the server', baseline));
    expect(message).toMatch(/in tool "deep", at \/inputSchema\/default\/0\//);
  });

  it('refuses one nested too deep with the same message as the copying path', () => {
    const deep = (levels: number) => `{"name":"deep","inputSchema":{"type":"object","default":${'['.repeat(levels)}"leaf"${']'.repeat(levels)}}}`;
    expect(toSnapshot(wire({ tools: parsed(`[${deep(996)}]`), parsedFromJson: true })).tools).toHaveLength(1);
    for (const levels of [997, 100_000]) {
      const fromParsed = catchUserError(() => toSnapshot(wire({ tools: parsed(`[${deep(levels)}]`), parsedFromJson: true })));
      const fromCopy = catchUserError(() => toSnapshot(wire({ tools: parsed(`[${deep(levels)}]`) })));
      expect(fromParsed.message).toBe(fromCopy.message);
      expect(fromParsed.message).toMatch(/in tool "deep", at \/inputSchema\/default\/0\//);
    }
  });
});

function catchUserError(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}
