import { describe, expect, it } from 'vitest';
import { MAX_PAGES_PER_LIST, readAllPages } from '../../../src/capture/paging.js';

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

  it('says "1 item" and "1 page", not "1 items"', async () => {
    let calls = 0;
    const repeated = readAllPages('tools/list', async () => ({ items: calls++ === 0 ? ['a'] : [], nextCursor: 'same' }));
    await expect(repeated).rejects.toThrow('The server returned the tools/list cursor "same" twice (after 1 item): its paging never ends.');
    const endless = readAllPages('tools/list', async () => ({ items: [], nextCursor: `page-${++calls}` }), 'server `srv`', 1);
    await expect(endless).rejects.toThrow('Server `srv` was still paging tools/list after 1 page (0 items, a new cursor every time): stopped there.');
  });

  it('treats an empty-string cursor as a cursor (the spec allows any string)', async () => {
    const items = await readAllPages('resources/list', async (cursor) => (cursor === undefined ? { items: ['a'], nextCursor: '' } : { items: ['b'] }));
    expect(items).toEqual(['a', 'b']);
  });

  it('stops a list whose cursors never repeat and never end, naming the method and the count', async () => {
    let calls = 0;
    const pages = readAllPages('tools/list', async () => ({ items: [++calls], nextCursor: `page-${calls}` }), 'server `srv`', 50);
    await expect(pages).rejects.toThrow('Server `srv` was still paging tools/list after 50 pages (50 items, a new cursor every time): stopped there.');
    expect(calls).toBe(50);
  });

  it('reads a list that ends on exactly the last allowed page', async () => {
    const items = await readAllPages('tools/list', async (cursor) => {
      const next = Number(cursor ?? 0) + 1;
      return { items: [next], ...(next < 50 ? { nextCursor: String(next) } : {}) };
    }, 'the server', 50);
    expect(items).toHaveLength(50);
  });

  it('allows a real server\'s 5,000 tools served one a page by default', async () => {
    expect(MAX_PAGES_PER_LIST).toBeGreaterThan(5000);
    const items = await readAllPages('tools/list', async (cursor) => {
      const next = Number(cursor ?? 0) + 1;
      return { items: [next], ...(next < 5000 ? { nextCursor: String(next) } : {}) };
    });
    expect(items).toHaveLength(5000);
  });

  it('shows a repeated cursor on one line, cleaned and cut short', async () => {
    const cursor = `\u001b]0;title\u0007line\nbreak${'c'.repeat(100)}`;
    const pages = readAllPages('tools/list', async () => ({ items: [], nextCursor: cursor }));
    await expect(pages).rejects.toThrow(`The server returned the tools/list cursor "line break${'c'.repeat(30)}…" twice (after 0 items): its paging never ends.`);
  });
});
