import { UserError } from '../errors.js';
import { cleanLine } from '../report/sanitize.js';
import type { Snapshot } from '../snapshot/model.js';
import { MAX_SNAPSHOT_DEPTH, validateSnapshotWithinDepth } from '../snapshot/read.js';

/**
 * What `snapshot` writes, `diff` and `check` read: a capture refuses a snapshot that the reader
 * (src/snapshot/read.ts) would refuse, with the same validation, naming the entity and the place.
 * Otherwise the file would be written, committed, and then fail every later run.
 */
export async function refuseUnreadable(snapshot: Snapshot, who: string): Promise<void> {
  // toSnapshot has refused whatever the server sent nested deeper than a snapshot may hold (each
  // entity, the server's info and capabilities), and masking keeps the shape: the reader's depth
  // walk would only find what is known.
  const problems = await validateSnapshotWithinDepth(snapshot);
  const first = problems[0];
  if (first === undefined) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new UserError(`${capitalise(who)} sent what a snapshot cannot hold: ${entityAt(snapshot, first.pointer)}at ${first.pointer || '/'} ${first.message}${more}.`, {
    hint: 'No snapshot is written that diff and check would refuse to read.',
  });
}

const LISTS = [
  ['tools', 'tool', 'name'],
  ['prompts', 'prompt', 'name'],
  ['resources', 'resource', 'uri'],
  ['resourceTemplates', 'resource template', 'uriTemplate'],
] as const;

/** `tool "search" ` for a pointer into a tool of the snapshot, and so on; empty elsewhere. */
function entityAt(snapshot: Snapshot, pointer: string): string {
  const [, list, index] = pointer.split('/');
  for (const [key, noun, id] of LISTS) {
    if (list !== key) continue;
    const entity = (snapshot[key] as unknown as readonly Record<string, unknown>[])[Number(index)];
    const name = entity?.[id];
    return typeof name === 'string' ? `${noun} ${quote(name)} ` : '';
  }
  return '';
}

/**
 * Whether a value JSON.parse made is nested at most `maxDepth` levels and reads back the same after
 * JSON.stringify: JSON.parse turns 1e400 into Infinity and keeps -0, which JSON.stringify writes as
 * null and 0. Such a value can be taken as it is, with no copy. The walk builds no frame per
 * container (a 1,000-tool list has tens of thousands); firstTooDeep (src/snapshot/json-scan.ts) says
 * where a value is too deep.
 */
export function roundTripsWithin(value: unknown, maxDepth: number): boolean {
  if (typeof value === 'number') return writtenAsRead(value);
  if (value === null || typeof value !== 'object') return true;
  const values: object[] = [value];
  const depths: number[] = [1];
  // Members are visited where they are (an index loop, for...in), not gathered into a new array per container.
  const visit = (member: unknown, depth: number): boolean => {
    if (typeof member === 'number') return writtenAsRead(member);
    if (member !== null && typeof member === 'object') {
      values.push(member);
      depths.push(depth + 1);
    }
    return true;
  };
  for (let container = values.pop(); container !== undefined; container = values.pop()) {
    const depth = depths.pop() as number;
    if (depth > maxDepth) return false;
    if (Array.isArray(container)) {
      for (let index = 0; index < container.length; index++) if (!visit(container[index], depth)) return false;
    } else {
      for (const key in container) if (!visit((container as Record<string, unknown>)[key], depth)) return false;
    }
  }
  return true;
}

function writtenAsRead(number: number): boolean {
  return Number.isFinite(number) && !Object.is(number, -0);
}

/** The deepest an entity of a list may nest: it sits two levels below the top of the snapshot (the document, its list). */
export const MAX_ENTITY_DEPTH = MAX_SNAPSHOT_DEPTH - 2;

/** A path as a JSON Pointer for a message: escaped, cleaned, and cut after a few segments. */
export function shownPath(path: readonly string[], segments = 8): string {
  const shown = path.slice(0, segments).map((segment) => `/${cleanLine(segment.replace(/~/g, '~0').replace(/\//g, '~1')).slice(0, 60)}`);
  return shown.join('') + (path.length > segments ? '/…' : '');
}

function quote(text: string): string {
  const clean = cleanLine(text);
  return JSON.stringify(clean.length > 60 ? `${clean.slice(0, 59)}…` : clean);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
