import { describe, expect, it } from 'vitest';
import { checkContextLimits } from '../../../src/context/limits.js';
import { measureContext } from '../../../src/context/measure.js';
import { countTokens, ENCODING } from '../../../src/context/tokenizer.js';
import { loadRealServer } from '../diff/wire-snapshot.js';

// Context cost of consecutive published versions of two reference servers (fixtures/real-servers/).
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

  it('memory 2025.9.25 -> 2025.11.25 (output schemas and longer descriptions on all 9 tools) grows from 834 to 2,052 tokens', () => {
    const cost = measureContext(loadRealServer('memory', '2025.9.25'), loadRealServer('memory', '2025.11.25'), countTokens, ENCODING);
    expect(cost).toMatchObject({ baseTokens: 834, headTokens: 2052, delta: 1218 });
    expect(cost.entities).toHaveLength(9);
    expect(cost.entities[0]).toEqual({ entity: 'tool', name: 'read_graph', baseTokens: 30, headTokens: 255, delta: 225 });
    expect(checkContextLimits(cost, { maxGrowth: { percent: 146 } }).map((breach) => breach.message)).toEqual([
      'Context grows by 1,218 tokens (+146%), over the limit of 146% of 834 tokens (max-context-growth).',
    ]);
    expect(checkContextLimits(cost, { maxGrowth: { percent: 147 } })).toEqual([]);
  });

  it('sequential-thinking 2025.11.25 -> 2025.12.18 shrinks by one token, which no growth limit fails', () => {
    const cost = measureContext(loadRealServer('sequential-thinking', '2025.11.25'), loadRealServer('sequential-thinking', '2025.12.18'), countTokens, ENCODING);
    expect(cost).toMatchObject({ baseTokens: 959, headTokens: 958, delta: -1 });
    expect(checkContextLimits(cost, { maxGrowth: { tokens: 0 } })).toEqual([]);
  });
});
