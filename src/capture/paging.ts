import { createHash } from 'node:crypto';
import { UserError } from '../errors.js';
import { plural } from '../report/plural.js';
import { cleanLine } from '../report/sanitize.js';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Pages one list may take. A real server with 5,000 tools served one a page stays well inside it;
 * a server whose cursors never repeat but never end is stopped here rather than by the time limit.
 */
export const MAX_PAGES_PER_LIST = 10_000;

/**
 * Reads every page of a list method, following `nextCursor`. A server that hands back a cursor it
 * already returned, or that is still paging after `maxPages` pages, would page forever; both are
 * protocol errors, reported with the method's name.
 */
export async function readAllPages<T>(method: string, fetchPage: (cursor: string | undefined) => Promise<Page<T>>, who = 'the server', maxPages = MAX_PAGES_PER_LIST): Promise<T[]> {
  const items: T[] = [];
  // Long cursors are remembered by digest: a server's cursors must not grow the client's memory.
  const seen = new Set<string>();
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await fetchPage(cursor);
    pages++;
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor === undefined) break;
    const key = cursor.length > 64 ? createHash('sha256').update(cursor).digest('base64') : cursor;
    if (seen.has(key)) {
      throw new UserError(`${capitalise(who)} returned the ${method} cursor ${shown(cursor)} twice (after ${plural(items.length, 'item')}): its paging never ends.`, {
        hint: 'Fix the server\'s nextCursor.',
      });
    }
    if (pages >= maxPages) {
      throw new UserError(`${capitalise(who)} was still paging ${method} after ${plural(pages, 'page')} (${plural(items.length, 'item')}, a new cursor every time): stopped there.`, {
        hint: 'Fix the server\'s nextCursor, or serve more items a page.',
      });
    }
    seen.add(key);
  } while (cursor !== undefined);
  return items;
}

/** A cursor in a message: quoted, on one line, at most 40 characters. */
function shown(cursor: string): string {
  const clean = cleanLine(cursor);
  return JSON.stringify(clean.length > 40 ? `${clean.slice(0, 40)}…` : clean);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
