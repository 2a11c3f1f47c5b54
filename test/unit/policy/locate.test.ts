import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { entityKey, locateEntities } from '../../../src/policy/locate.js';

describe('locateEntities', () => {
  it('finds the line where each entity object starts in a canonical snapshot file', () => {
    const text = [
      '{',
      '  "formatVersion": 1,',
      '  "prompts": [',
      '    {',
      '      "name": "summarize"',
      '    }',
      '  ],',
      '  "resourceTemplates": [',
      '    {',
      '      "name": "note",',
      '      "uriTemplate": "notes://{id}"',
      '    }',
      '  ],',
      '  "resources": [',
      '    {',
      '      "name": "index",',
      '      "uri": "notes://index"',
      '    }',
      '  ],',
      '  "server": {',
      '    "name": "notes"',
      '  },',
      '  "tools": [',
      '    {',
      '      "inputSchema": {',
      '        "properties": { "name": "not a tool" }',
      '      },',
      '      "name": "quote\\"d"',
      '    }',
      '  ]',
      '}',
    ].join('\n');
    const lines = locateEntities(text);
    expect(lines.get(entityKey('prompt', 'summarize'))).toBe(4);
    expect(lines.get(entityKey('resourceTemplate', 'notes://{id}'))).toBe(9);
    expect(lines.get(entityKey('resource', 'notes://index'))).toBe(15);
    expect(lines.get(entityKey('server', ''))).toBe(20);
    expect(lines.get(entityKey('tool', 'quote"d'))).toBe(24);
    expect(lines.get(entityKey('tool', 'not a tool'))).toBeUndefined();
    expect(lines.get(entityKey('resource', 'index'))).toBeUndefined();
  });

  it('finds every tool of a real server snapshot laid out canonically', () => {
    const raw = JSON.parse(readFileSync(new URL('../../../fixtures/real-servers/memory/2025.11.25.json', import.meta.url), 'utf8')) as { tools: { name: string }[] };
    const text = JSON.stringify({ tools: raw.tools }, null, 2);
    const lines = locateEntities(text);
    for (const tool of raw.tools) expect(text.split('\n')[(lines.get(entityKey('tool', tool.name)) ?? 0) - 1]).toBe('    {');
  });

  it('reads a line named like an Object.prototype member as no section (a file laid out otherwise)', () => {
    const text = ['{"tools": [{"name": "a", "inputSchema": {', '  "constructor": {', '      "name": "x"', '}}}]}'].join('\n');
    expect(() => locateEntities(text)).not.toThrow();
    expect(locateEntities(text).size).toBe(0);
  });
});
