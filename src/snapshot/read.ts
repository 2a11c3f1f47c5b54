import { readFile } from 'node:fs/promises';
import { isAbsolute, relative } from 'node:path';
import { UserError } from '../errors.js';
import type { Snapshot } from './model.js';

/** A problem found in a snapshot document: where (RFC 6901 pointer) and what. */
export interface SnapshotProblem {
  pointer: string;
  message: string;
}

/** Reads and validates a snapshot file; any problem is a UserError naming the file and the JSON Pointer. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  const shown = displayName(path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(`Cannot read snapshot ${shown}: ${code === 'ENOENT' ? 'no such file' : (error as Error).message}.`, { cause: error });
  }
  return parseSnapshot(text, shown);
}

/** Parses and validates the text of a snapshot file; `source` names it in messages. */
export async function parseSnapshot(text: string, source: string): Promise<Snapshot> {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const truncated = text.trim() === '' ? 'the file is empty' : (error as Error).message;
    throw new UserError(`${source} is not a valid snapshot: not JSON (${truncated}).`, {
      hint: 'Recreate it with `mcp-compat snapshot -o FILE ...`.',
      cause: error,
    });
  }
  const problems = await validateSnapshot(document);
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new UserError(`${source} is not a valid snapshot: at ${first.pointer || '/'} ${first.message}${more}.`, {
      hint: 'Recreate it with `mcp-compat snapshot -o FILE ...`.',
    });
  }
  return document as Snapshot;
}

/** Every problem of a snapshot document against schemas/snapshot.schema.json (empty when valid). */
export async function validateSnapshot(document: unknown): Promise<SnapshotProblem[]> {
  if (isObject(document) && 'formatVersion' in document && document.formatVersion !== 1) {
    return [{ pointer: '/formatVersion', message: `is ${JSON.stringify(document.formatVersion)}, but this version of mcp-compat reads format 1 only` }];
  }
  const { validate } = await import('./snapshot-validator.generated.js');
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => {
    if (error.keyword === 'required') {
      const missing = String(error.params.missingProperty);
      return { pointer: `${error.instancePath}/${escapePointer(missing)}`, message: `is missing (required property "${missing}")` };
    }
    if (error.keyword === 'additionalProperties') {
      const extra = String(error.params.additionalProperty);
      return { pointer: `${error.instancePath}/${escapePointer(extra)}`, message: 'is not a known property of a snapshot' };
    }
    if (error.keyword === 'const' || error.keyword === 'enum') {
      return { pointer: error.instancePath, message: `${error.message ?? 'has a wrong value'} (${JSON.stringify(error.params.allowedValue ?? error.params.allowedValues)})` };
    }
    return { pointer: error.instancePath, message: error.message ?? `fails ${error.keyword}` };
  });
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function displayName(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
