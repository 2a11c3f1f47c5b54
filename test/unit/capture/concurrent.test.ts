import { describe, expect, it } from 'vitest';
import { settleWithLimit } from '../../../src/capture/concurrent.js';

/** A task that finishes when told to, and records how many tasks were running when it started. */
function gate() {
  let running = 0;
  let peak = 0;
  const releases: (() => void)[] = [];
  const task = async (value: number): Promise<number> => {
    running++;
    peak = Math.max(peak, running);
    await new Promise<void>((resolve) => releases.push(resolve));
    running--;
    if (value < 0) throw new Error(`bad ${value}`);
    return value * 10;
  };
  return { task, releases, peak: () => peak };
}

async function drain(releases: (() => void)[], outcome: Promise<unknown>): Promise<void> {
  let done = false;
  void outcome.finally(() => (done = true));
  while (!done) {
    await new Promise((resolve) => setImmediate(resolve));
    // Finish the most recently started task first, so completion order differs from input order.
    releases.pop()?.();
  }
}

describe('settleWithLimit', () => {
  it('never runs more than the limit at once, and keeps the input order in the result', async () => {
    const { task, releases, peak } = gate();
    const items = [1, 2, 3, 4, 5, 6, 7];
    const outcome = settleWithLimit(items, 3, task);
    await drain(releases, outcome);
    expect(peak()).toBe(3);
    expect((await outcome).map((result) => (result.status === 'fulfilled' ? result.value : undefined))).toEqual([10, 20, 30, 40, 50, 60, 70]);
  });

  it('a failure is reported in its place and does not stop the rest', async () => {
    const { task, releases } = gate();
    const outcome = settleWithLimit([1, -2, 3], 2, task);
    await drain(releases, outcome);
    const results = await outcome;
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(results[1]?.status === 'rejected' && (results[1].reason as Error).message).toBe('bad -2');
  });

  it('handles no items and a limit above the item count', async () => {
    expect(await settleWithLimit([], 4, async () => 1)).toEqual([]);
    expect(await settleWithLimit([5], 8, async (value) => value)).toEqual([{ status: 'fulfilled', value: 5 }]);
  });
});
