import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidToolName, versionedToolName } from '../../../src/suggest/tool-name.js';

describe('versionedToolName', () => {
  it('appends _v2, or the next free version', () => {
    expect(versionedToolName('search', new Set(['search']))).toBe('search_v2');
    expect(versionedToolName('search', new Set(['search', 'search_v2']))).toBe('search_v3');
    expect(versionedToolName('search_v2', new Set(['search_v2']))).toBe('search_v3');
    expect(versionedToolName('search_v9', new Set(['search_v10']))).toBe('search_v11');
  });

  it('replaces characters outside the MCP tool-name alphabet', () => {
    expect(versionedToolName('get weather/now', new Set())).toBe('get_weather_now_v2');
    expect(versionedToolName('', new Set())).toBe('tool_v2');
  });

  it('truncates the stem so the name fits in 128 characters', () => {
    const long = 'x'.repeat(128);
    const name = versionedToolName(long, new Set([long, `${'x'.repeat(125)}_v2`]));
    expect(name).toBe(`${'x'.repeat(125)}_v3`);
    expect(name).toHaveLength(128);
  });

  it('always returns a valid name that is not taken', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 130 }), { maxLength: 20 }), (name, others) => {
        const taken = new Set([name, ...others]);
        for (let v = 2; v < 6; v++) taken.add(`${name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 125)}_v${v}`);
        const result = versionedToolName(name, taken);
        expect(isValidToolName(result)).toBe(true);
        expect(taken.has(result)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
