import { describe, expect, it } from 'vitest';
import { serializeSnapshot, sortKeysDeep } from '../../../src/snapshot/canonical.js';
import type { Json, Snapshot } from '../../../src/snapshot/model.js';

function snapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 's', version: '1', protocolVersion: '2025-06-18', capabilities: { tools: {} } },
    tools: [],
    prompts: [],
    resources: [],
    resourceTemplates: [],
    ...overrides,
  };
}

describe('serializeSnapshot', () => {
  it('sorts keys at every depth, indents by two spaces and ends with a newline', () => {
    const text = serializeSnapshot(snapshot({ tools: [{ name: 't', inputSchema: { type: 'object', properties: { b: { type: 'string' }, a: { type: 'number' } } } }] }));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "client": {\n    "capabilities": {}\n  },\n');
    expect(text.indexOf('"a"')).toBeLessThan(text.indexOf('"b"'));
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['client', 'formatVersion', 'prompts', 'resourceTemplates', 'resources', 'server', 'tools']);
  });

  it('sorts tools and prompts by name, resources by uri, templates by uriTemplate (code-unit order, not locale)', () => {
    const text = serializeSnapshot(
      snapshot({
        tools: [{ name: 'b', inputSchema: {} }, { name: 'B', inputSchema: {} }, { name: 'a', inputSchema: {} }],
        prompts: [{ name: 'z' }, { name: 'y' }],
        resources: [{ uri: 'r://2', name: 'a' }, { uri: 'r://1', name: 'b' }],
        resourceTemplates: [{ uriTemplate: 't://{b}', name: 'a' }, { uriTemplate: 't://{a}', name: 'b' }],
      }),
    );
    const parsed = JSON.parse(text) as Snapshot;
    expect(parsed.tools.map((tool) => tool.name)).toEqual(['B', 'a', 'b']);
    expect(parsed.prompts.map((prompt) => prompt.name)).toEqual(['y', 'z']);
    expect(parsed.resources.map((resource) => resource.uri)).toEqual(['r://1', 'r://2']);
    expect(parsed.resourceTemplates.map((template) => template.uriTemplate)).toEqual(['t://{a}', 't://{b}']);
  });

  it('keeps the order of arrays inside schemas (enum, required) and is idempotent', () => {
    const once = serializeSnapshot(snapshot({ tools: [{ name: 't', inputSchema: { required: ['z', 'a'], properties: { m: { enum: ['slow', 'fast'] } } } }] }));
    expect(once).toMatch(/"z",\s+"a"/);
    expect(once).toMatch(/"slow",\s+"fast"/);
    expect(serializeSnapshot(JSON.parse(once) as Snapshot)).toBe(once);
  });

  it('does not depend on the order the server listed things in', () => {
    const tools = [
      { name: 'one', inputSchema: { type: 'object' } },
      { name: 'two', inputSchema: { type: 'object' } },
    ];
    expect(serializeSnapshot(snapshot({ tools }))).toBe(serializeSnapshot(snapshot({ tools: [...tools].reverse() })));
  });
});

describe('sortKeysDeep', () => {
  it('keeps a "__proto__" property name as data', () => {
    const schema = JSON.parse('{"properties":{"__proto__":{"type":"string"},"a":{"type":"number"}}}') as Json;
    expect(JSON.stringify(sortKeysDeep(schema))).toBe('{"properties":{"__proto__":{"type":"string"},"a":{"type":"number"}}}');
  });

  it('drops undefined members like JSON does and leaves arrays in order', () => {
    expect(JSON.stringify(sortKeysDeep({ b: [3, 1], a: { d: 1, c: null } }))).toBe('{"a":{"c":null,"d":1},"b":[3,1]}');
  });
});
