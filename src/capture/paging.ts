import { UserError } from '../errors.js';

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * Reads every page of a list method, following `nextCursor`. A server that hands back a cursor it
 * already returned would page forever; that is a protocol error, reported with the method's name.
 */
export async function readAllPages<T>(method: string, fetchPage: (cursor: string | undefined) => Promise<Page<T>>, who = 'the server'): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (cursor !== undefined) {
      if (seen.has(cursor)) {
        throw new UserError(`${capitalise(who)} returned the ${method} cursor ${JSON.stringify(cursor.length > 40 ? `${cursor.slice(0, 40)}…` : cursor)} twice (after ${items.length} items): its paging never ends.`, {
          hint: 'Fix the server\'s nextCursor.',
        });
      }
      seen.add(cursor);
    }
  } while (cursor !== undefined);
  return items;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
