import { describe, expect, it } from 'vitest';
import { checkContextLimits } from '../../../src/context/limits.js';
import { measureContext } from '../../../src/context/measure.js';
import { countTokens, ENCODING } from '../../../src/context/tokenizer.js';
import { loadRealServer } from '../diff/wire-snapshot.js';

// Context cost of consecutive published versions of two reference servers (fixtures/real-servers/), as
// captured on the wire, in the servers' own key order: the counts are those of their snapshot files.
const VERSIONS: Record<string, string[]> = {
  memory: ['2025.8.4', '2025.9.25', '2025.11.25', '2026.1.26', '2026.7.4'],
  'sequential-thinking': ['2025.7.1', '2025.11.25', '2025.12.18', '2026.7.4', '2026.8.31'],
};
const pairs = Object.entries(VERSIONS).flatMap(([server, versions]) => versions.slice(1).map((head, index) => [server, versions[index] as string, head] as const));

describe('context cost of real releases', () => {
  it.each(pairs)('%s %s -> %s: the entities account for the whole delta', (server, baseVersion, headVersion) => {
    const cost = measureContext(loadRealServer(server, baseVersion), loadRealServer(server, headVersion), countTokens, ENCODING);
    expect(cost.delta).toBe(cost.headTokens - cost.baseTokens);
    expect(cost.entities.reduce((sum, entity) => sum + entity.delta, 0)).toBe(cost.delta);
  });

  it('memory 2025.9.25 -> 2025.11.25 (output schemas and longer descriptions on all 9 tools) grows from 848 to 2,084 tokens', () => {
    const cost = measureContext(loadRealServer('memory', '2025.9.25'), loadRealServer('memory', '2025.11.25'), countTokens, ENCODING);
    expect(cost).toMatchObject({ baseTokens: 848, headTokens: 2084, delta: 1236 });
    expect(cost.entities).toHaveLength(9);
    expect(cost.entities[0]).toEqual({ entity: 'tool', name: 'open_nodes', baseTokens: 63, headTokens: 290, delta: 227 });
    expect(checkContextLimits(cost, { maxGrowth: { percent: 145 } }).map((breach) => breach.message)).toEqual([
      'Context grows by 1,236 tokens (+146%), over the limit of 145% of 848 tokens (max-context-growth).',
    ]);
    expect(checkContextLimits(cost, { maxGrowth: { percent: 146 } })).toEqual([]);
  });

  it('sequential-thinking 2025.11.25 -> 2025.12.18 shrinks by one token, which no growth limit fails', () => {
    const cost = measureContext(loadRealServer('sequential-thinking', '2025.11.25'), loadRealServer('sequential-thinking', '2025.12.18'), countTokens, ENCODING);
    expect(cost).toMatchObject({ baseTokens: 964, headTokens: 963, delta: -1 });
    expect(checkContextLimits(cost, { maxGrowth: { tokens: 0 } })).toEqual([]);
  });
});
