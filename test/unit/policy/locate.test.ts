import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entityKey, locateEntities } from '../../../src/policy/locate.js';

/** The plain reading of the layout, line by line with regular expressions: the oracle for the fast scan. */
function locateByRegex(text: string): Map<string, number> {
  const keyLines: Record<string, { entity: string; pattern: RegExp }> = {
    tools: { entity: 'tool', pattern: /^ {6}"name": ("(?:[^"\\]|\\.)*")/ },
    prompts: { entity: 'prompt', pattern: /^ {6}"name": ("(?:[^"\\]|\\.)*")/ },
    resources: { entity: 'resource', pattern: /^ {6}"uri": ("(?:[^"\\]|\\.)*")/ },
    resourceTemplates: { entity: 'resourceTemplate', pattern: /^ {6}"uriTemplate": ("(?:[^"\\]|\\.)*")/ },
  };
  const lines = new Map<string, number>();
  let section: { entity: string; pattern: RegExp } | undefined;
  let itemStart = 0;
  text.split('\n').forEach((line, index) => {
    const top = /^ {2}"([A-Za-z]+)": /.exec(line);
    if (top) {
      section = Object.hasOwn(keyLines, top[1]!) ? keyLines[top[1]!] : undefined;
      if (top[1] === 'server') lines.set(entityKey('server', ''), index + 1);
      return;
    }
    if (!section) return;
    if (/^ {4}\{/.test(line)) itemStart = index + 1;
    const keyLine = section.pattern.exec(line);
    if (keyLine) {
      const key = entityKey(section.entity as never, JSON.parse(keyLine[1]!) as string);
      if (!lines.has(key)) lines.set(key, itemStart || index + 1);
    }
  });
  return lines;
}

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

  it('finds what the line-by-line reading finds, on any mix of lines', () => {
    const line = fc.oneof(
      fc.constantFrom('{', '}', '  ],', '    {', '    },', '  "tools": [', '  "prompts": [', '  "resources": [', '  "resourceTemplates": [', '  "server": {', '  "constructor": [', '        "name": "deep"'),
      fc.tuple(fc.constantFrom('', ' ', '  ', '    ', '      ', '       ', '\t'), fc.constantFrom('"name": ', '"uri": ', '"uriTemplate": ', '{', '"x": '), fc.string({ maxLength: 6 })).map(([indent, key, value]) => `${indent}${key}${JSON.stringify(value)}`),
      fc.string({ maxLength: 10 }),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), fc.boolean(), (lines, trailingNewline) => {
        const text = lines.join('\n') + (trailingNewline ? '\n' : '');
        expect([...locateEntities(text)]).toEqual([...locateByRegex(text)]);
      }),
      { numRuns: 500 },
    );
  });
});

