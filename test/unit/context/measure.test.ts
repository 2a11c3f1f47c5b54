import { describe, expect, it } from 'vitest';
import { measureContext, promptContextText, toolContextText } from '../../../src/context/measure.js';
import { countTokens } from '../../../src/context/tokenizer.js';
import type { Snapshot, ToolSnapshot } from '../../../src/snapshot/model.js';

function snapshot(parts: Partial<Snapshot> & { instructions?: string } = {}): Snapshot {
  const { instructions, ...rest } = parts;
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'notes', version: '1.0.0', protocolVersion: '2025-06-18', capabilities: {}, ...(instructions === undefined ? {} : { instructions }) },
    tools: [],
    prompts: [],
    resources: [],
    resourceTemplates: [],
    ...rest,
  };
}

const search: ToolSnapshot = { name: 'search', inputSchema: { type: 'object' } };

describe('toolContextText / promptContextText', () => {
  it('is the compact JSON of the fields a client forwards to a model, in sorted key order', () => {
    const tool: ToolSnapshot = {
      name: 'search',
      title: 'Search',
      description: 'Find notes.',
      inputSchema: { type: 'object' },
      outputSchema: { type: 'object' },
      annotations: { readOnlyHint: true },
      _meta: { 'x/y': 1 },
      icons: [{ src: 'https://example.com/i.png' }],
    };
    expect(toolContextText(tool)).toBe('{"description":"Find notes.","inputSchema":{"type":"object"},"name":"search","outputSchema":{"type":"object"},"title":"Search"}');
    expect(toolContextText(search)).toBe('{"inputSchema":{"type":"object"},"name":"search"}');
    expect(promptContextText({ name: 'summarise', description: 'Summarise notes on a topic', arguments: [{ name: 'topic', description: 'Topic', required: true }], _meta: { a: 1 } })).toBe(
      '{"arguments":[{"description":"Topic","name":"topic","required":true}],"description":"Summarise notes on a topic","name":"summarise"}',
    );
  });

  it('sorts keys at every level: a live capture, in the server\'s own key order, counts what its snapshot file counts', () => {
    const live: ToolSnapshot = { name: 'echo', inputSchema: { type: 'object', properties: { text: { type: 'string', description: 'Text' } }, required: ['text'] } };
    const file: ToolSnapshot = { inputSchema: { properties: { text: { description: 'Text', type: 'string' } }, required: ['text'], type: 'object' }, name: 'echo' };
    expect(toolContextText(live)).toBe(toolContextText(file));
    expect(toolContextText(live)).toBe('{"inputSchema":{"properties":{"text":{"description":"Text","type":"string"}},"required":["text"],"type":"object"},"name":"echo"}');
    expect(promptContextText({ name: 'p', arguments: [{ required: true, name: 'a' }] })).toBe(promptContextText({ arguments: [{ name: 'a', required: true }], name: 'p' }));
  });
});

describe('measureContext', () => {
  it('adds up tools, prompts and instructions with the real tokenizer', () => {
    const base = snapshot({ tools: [search] });
    const head = snapshot({
      tools: [search],
      prompts: [{ name: 'summarise', description: 'Summarise notes on a topic', arguments: [{ description: 'Topic', name: 'topic', required: true }] }],
      instructions: 'Use this server to manage notes.',
    });
    const cost = measureContext(base, head, countTokens, 'o200k_base');
    // 13 (the tool), 33 (the prompt), 7 (the instructions): counts checked against js-tiktoken.
    expect(cost).toEqual({
      encoding: 'o200k_base',
      baseTokens: 13,
      headTokens: 13 + 33 + 7,
      delta: 40,
      entities: [
        { entity: 'prompt', name: 'summarise', baseTokens: 0, headTokens: 33, delta: 33 },
        { entity: 'server', name: 'notes', baseTokens: 0, headTokens: 7, delta: 7 },
      ],
    });
  });

  it('counts each distinct text once, however many sides and entities share it', () => {
    const seen: string[] = [];
    const count = (text: string): number => {
      seen.push(text);
      return text.length;
    };
    const tools = [search, { name: 'list', inputSchema: { type: 'object' } }];
    const cost = measureContext(snapshot({ tools }), snapshot({ tools: structuredClone(tools) }), count, 'test');
    expect(seen).toHaveLength(2);
    expect(cost.delta).toBe(0);
    expect(cost.entities).toEqual([]);
  });

  it('lists removed, added and edited entities, largest change first, and leaves out fields a model never sees', () => {
    const count = (text: string): number => text.length;
    const base = snapshot({ tools: [search, { name: 'old', inputSchema: { type: 'object' } }, { name: 'edit', description: 'ab', inputSchema: {} }] });
    const head = snapshot({
      tools: [{ ...search, annotations: { readOnlyHint: true } }, { name: 'edit', description: 'abcdef', inputSchema: {} }, { name: 'brand_new_tool', inputSchema: { type: 'object' } }],
    });
    const cost = measureContext(base, head, count, 'test');
    const length = (tool: ToolSnapshot): number => toolContextText(tool).length;
    expect(cost.entities).toEqual([
      { entity: 'tool', name: 'brand_new_tool', baseTokens: 0, headTokens: length(head.tools[2]!), delta: length(head.tools[2]!) },
      { entity: 'tool', name: 'old', baseTokens: length(base.tools[1]!), headTokens: 0, delta: -length(base.tools[1]!) },
      { entity: 'tool', name: 'edit', baseTokens: length(base.tools[2]!), headTokens: length(head.tools[1]!), delta: 4 },
    ]);
    expect(cost.delta).toBe(cost.headTokens - cost.baseTokens);
    expect(cost.delta).toBe(length(head.tools[2]!) - length(base.tools[1]!) + 4);
  });

  it('counts no instructions when they are absent or empty', () => {
    const cost = measureContext(snapshot({ instructions: '' }), snapshot(), () => 5, 'test');
    expect(cost).toMatchObject({ baseTokens: 0, headTokens: 0, delta: 0, entities: [] });
  });
});
