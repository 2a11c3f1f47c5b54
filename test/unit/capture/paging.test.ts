import { describe, expect, it } from 'vitest';
import { readAllPages } from '../../../src/capture/paging.js';

describe('readAllPages', () => {
  it('follows nextCursor until there is none', async () => {
    const pages: Record<string, { items: number[]; nextCursor?: string }> = { start: { items: [1, 2], nextCursor: 'b' }, b: { items: [3, 4], nextCursor: 'c' }, c: { items: [5] } };
    const asked: (string | undefined)[] = [];
    const items = await readAllPages('tools/list', async (cursor) => {
      asked.push(cursor);
      return pages[cursor ?? 'start']!;
    });
    expect(items).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 'b', 'c']);
  });

  it('stops with a clear error when a cursor comes back a second time', async () => {
    let calls = 0;
    const pages = readAllPages('prompts/list', async (cursor) => {
      calls++;
      return { items: [calls], nextCursor: cursor === 'x' ? 'y' : 'x' };
    });
    await expect(pages).rejects.toThrow('The server returned the prompts/list cursor "x" twice (after 3 items): its paging never ends.');
    expect(calls).toBe(3);
  });

  it('treats an empty-string cursor as a cursor (the spec allows any string)', async () => {
    const items = await readAllPages('resources/list', async (cursor) => (cursor === undefined ? { items: ['a'], nextCursor: '' } : { items: ['b'] }));
    expect(items).toEqual(['a', 'b']);
  });
});
