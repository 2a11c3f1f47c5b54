import { describe, expect, it } from 'vitest';
import { toSnapshot, type WireCapture } from '../../../src/capture/normalise.js';

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

  it('records a tool without an inputSchema as an open object, and says so in notes', () => {
    const snapshot = toSnapshot(wire({ tools: [{ name: 'bare' }] }));
    expect(snapshot.tools[0]!.inputSchema).toEqual({ type: 'object' });
    expect(snapshot.notes).toEqual(['tools/list: tool "bare" has no inputSchema object; recorded as {"type":"object"}']);
  });

  it('notes duplicates instead of hiding them, and sorts every list', () => {
    const snapshot = toSnapshot(
      wire({
        tools: [{ name: 'b', inputSchema: {} }, { name: 'a', inputSchema: {} }, { name: 'b', inputSchema: {} }],
        resources: [{ uri: 'z://1', name: 'z' }, { uri: 'a://1', name: 'a' }],
      }),
    );
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['a', 'b', 'b']);
    expect(snapshot.resources.map((resource) => resource.uri)).toEqual(['a://1', 'z://1']);
    expect(snapshot.notes).toEqual(['tools/list: name "b" is listed more than once']);
  });
});
