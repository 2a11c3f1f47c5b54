import { describe, expect, it } from 'vitest';
import { adversarialPairs, generatePair } from '../../../bench/generate.mjs';
import { parseSnapshot } from '../../../src/snapshot/read.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';

describe('bench/generate.mjs', () => {
  it('gives the same bytes for the same seed, and other bytes for another', () => {
    const first = generatePair({ tools: 40, seed: 5 });
    const again = generatePair({ tools: 40, seed: 5 });
    expect(again.base).toBe(first.base);
    expect(again.head).toBe(first.head);
    expect(generatePair({ tools: 40, seed: 6 }).base).not.toBe(first.base);
  });

  it('writes canonical snapshots that the reader accepts, with a release that changes some tools', async () => {
    const { base, head } = generatePair({ tools: 200, seed: 1 });
    const before = await parseSnapshot(base, 'base');
    const after = await parseSnapshot(head, 'head');
    expect(serializeSnapshot(before)).toBe(base);
    expect(serializeSnapshot(after)).toBe(head);
    expect(before.tools).toHaveLength(200);
    const severities = new Set(diffSnapshots(before, after).changes.map((change) => change.severity));
    expect(severities).toEqual(new Set(['breaking', 'risky', 'compatible']));
  });

  it('has a realistic profile: every tool with input and output schemas, $defs on some, about 2.7 KB of snapshot each', async () => {
    const { base, head } = generatePair({ tools: 200, seed: 1, profile: 'realistic' });
    const before = await parseSnapshot(base, 'base');
    const after = await parseSnapshot(head, 'head');
    expect(serializeSnapshot(before)).toBe(base);
    expect(before.tools.every((tool) => tool.outputSchema !== undefined)).toBe(true);
    expect(before.tools.filter((tool) => tool.inputSchema.$defs !== undefined).length).toBeGreaterThan(40);
    expect(base.length / 200).toBeGreaterThan(2300);
    expect(base.length / 200).toBeLessThan(3100);
    expect(base).not.toBe(generatePair({ tools: 200, seed: 1 }).base);
    const severities = new Set(diffSnapshots(before, after).changes.map((change) => change.severity));
    expect(severities).toContain('breaking');
    expect(severities).toContain('compatible');
  });

  it('writes adversarial pairs that the reader accepts', async () => {
    for (const [name, pair] of Object.entries(adversarialPairs())) {
      await expect(parseSnapshot(pair.base, `${name} base`)).resolves.toMatchObject({ formatVersion: 1 });
      await expect(parseSnapshot(pair.head, `${name} head`)).resolves.toMatchObject({ formatVersion: 1 });
    }
  });
});
