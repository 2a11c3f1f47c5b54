import { describe, expect, it } from 'vitest';
import { countsOf, entityCounts, plural } from '../../../src/report/plural.js';

describe('plural', () => {
  it.each([
    [0, '0 tools'],
    [1, '1 tool'],
    [2, '2 tools'],
  ])('%i tool(s)', (count, expected) => expect(plural(count, 'tool')).toBe(expected));

  it('takes an irregular plural', () => {
    expect(plural(1, 'entry', 'entries')).toBe('1 entry');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(0, 'entry', 'entries')).toBe('0 entries');
  });

  it('counts what a snapshot holds, each noun agreeing with its number', () => {
    expect(entityCounts({ tools: 1, prompts: 0, resources: 1, resourceTemplates: 1 })).toBe('1 tool, 0 prompts, 1 resource, 1 resource template');
    expect(entityCounts({ tools: 2, prompts: 1, resources: 0, resourceTemplates: 2 })).toBe('2 tools, 1 prompt, 0 resources, 2 resource templates');
    expect(entityCounts(countsOf({ tools: [{}], prompts: [], resources: [{}, {}], resourceTemplates: [] }))).toBe('1 tool, 0 prompts, 2 resources, 0 resource templates');
  });
});
