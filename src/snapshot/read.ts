import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
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

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; message?: string; params: Record<string, unknown> }[] | null };
let validator: Promise<Validator> | undefined;

/** Every problem of a snapshot document against schemas/snapshot.schema.json (empty when valid). */
export async function validateSnapshot(document: unknown): Promise<SnapshotProblem[]> {
  if (isObject(document) && 'formatVersion' in document && document.formatVersion !== 1) {
    return [{ pointer: '/formatVersion', message: `is ${JSON.stringify(document.formatVersion)}, but this version of mcp-compat reads format 1 only` }];
  }
  validator ??= compileValidator();
  const validate = await validator;
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

async function compileValidator(): Promise<Validator> {
  const [ajvModule, schemaText] = await Promise.all([import('ajv/dist/2020.js'), readFile(snapshotSchemaPath(), 'utf8')]);
  // ajv is CommonJS: Node gives it named exports, a bundle only a default export.
  const Ajv2020 = ajvModule.Ajv2020 ?? (ajvModule as unknown as { default: { Ajv2020: typeof ajvModule.Ajv2020 } }).default.Ajv2020;
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(schemaText) as object) as unknown as Validator;
}

/** schemas/snapshot.schema.json of this package, found from the sources (src/snapshot) and from the bundle (dist, dist/chunks) alike. */
export function snapshotSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schemas', 'snapshot.schema.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('schemas/snapshot.schema.json not found next to the mcp-compat package');
    dir = parent;
  }
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
