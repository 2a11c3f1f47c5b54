import { closeSync, fstatSync, openSync, read, readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import { UserError } from '../errors.js';
import { findJsonSyntaxError } from './json-syntax.js';
import { checkParsedJson, describeDuplicateKey, firstTooDeep } from './json-scan.js';
import { cutTools, parseReusingTools } from './tool-chunks.js';
import { escapeUnsafe, shorten, shownSegment, shownTokens, shownValue } from './shown-text.js';
import type { Snapshot } from './model.js';

/** A problem found in a snapshot document: where (RFC 6901 pointer) and what. */
export interface SnapshotProblem {
  pointer: string;
  message: string;
  /** What to do, when it is not simply to take the snapshot again. */
  hint?: string;
}

/**
 * The largest snapshot file read: 100 MiB. Snapshots of real servers are well under 1 MB; a diff
 * of a 200 MiB snapshot against itself peaked at 1.9 GB of memory (400,000 small tools in 114 MiB:
 * 1.7 GB), more than many CI machines give a Node process: such a file is refused with a clear
 * line instead of ending the process out of memory. docs/snapshot.md has the measurements.
 */
export const MAX_SNAPSHOT_BYTES = 100 * 1024 * 1024;

/**
 * The deepest nesting of arrays and objects accepted in a snapshot: 1,000 levels. The canonical
 * form, the diff and the reports walk values recursively; this keeps them far from the stack's
 * limit (about 6,000 levels), and far above any real schema (the comparator stops at 128 schema levels).
 */
export const MAX_SNAPSHOT_DEPTH = 1000;

const RECREATE = 'Recreate it with `mcp-compat snapshot -o FILE ...`.';

/** Reads and validates a snapshot file; any problem is a UserError naming the file and the JSON Pointer. */
export async function readSnapshot(path: string): Promise<Snapshot> {
  return (await readSnapshotFile(path)).snapshot;
}

/**
 * Like readSnapshot, and also returns the text as read, for the line numbers of reports: read once,
 * so a pipe (`<(git show main:mcp-snapshot.json)`) gives both, and a large file is not read twice.
 */
export async function readSnapshotFile(path: string): Promise<{ snapshot: Snapshot; text: string }> {
  const shown = displayName(path);
  const text = await readText(path, shown);
  return { snapshot: await parseSnapshot(text, shown), text };
}

/**
 * Reads two snapshot files to compare, as readSnapshotFile reads each (the same checks, the same
 * messages), but parses only the tools of `head` that are not, byte for byte, tools of `base`:
 * those are `base`'s objects (src/snapshot/tool-chunks.ts).
 */
export async function readSnapshotPair(basePath: string, headPath: string): Promise<[SnapshotFile, SnapshotFile]> {
  const baseShown = displayName(basePath);
  const headShown = displayName(headPath);
  const [baseText, headText] = await Promise.all([readText(basePath, baseShown), readText(headPath, headShown)]);
  const base = await parseSnapshot(baseText, baseShown);
  const baseChunks = cutTools(withoutBom(baseText));
  const reusing = baseChunks ? parseReusingTools(withoutBom(headText), baseChunks, base.tools, MAX_SNAPSHOT_DEPTH) : undefined;
  const head = reusing ? await validReusing(reusing, headShown) : await parseSnapshot(headText, headShown);
  return [
    { snapshot: base, text: baseText },
    { snapshot: head, text: headText },
  ];
}

/**
 * The document parseReusingTools read, validated. The snapshot schema checks each tool on its own,
 * and the baseline's tools passed it already: only the tools read from the text are checked against
 * it, with the rest of the document (a document that fails is checked whole, for the messages'
 * pointers). Names that repeat are looked for across all the tools.
 */
async function validReusing(reusing: { document: Record<string, unknown>; parsed: unknown[] }, shown: string): Promise<Snapshot> {
  const fails = (await schemaProblems({ ...reusing.document, tools: reusing.parsed })).length > 0;
  return refuseProblems(fails ? await validateParsed(reusing.document) : duplicates(reusing.document as unknown as Snapshot), shown, reusing.document);
}

export interface SnapshotFile {
  snapshot: Snapshot;
  /** The text as read, for the line numbers of reports. */
  text: string;
}

/**
 * The file's text. Through node:fs itself rather than node:fs/promises, whose loading costs a
 * `diff` a few ms of start-up; a regular file is opened and read at once, in one read of its known
 * size (a round trip through the thread pool per call cost a `diff` about a millisecond).
 */
async function readText(path: string, shown: string): Promise<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw cannotRead(shown, error);
  }
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new UserError(`Cannot read snapshot ${shown}: it is a directory.`);
    if (info.isFile() && info.size > MAX_SNAPSHOT_BYTES) throw tooLarge(shown, info.size);
    // One decoding of the whole buffer: reading as 'utf8' decodes chunk by chunk into a string that must then be flattened.
    if (info.isFile()) return readFileSync(fd).toString('utf8');
    // A pipe (`<(git show main:mcp-snapshot.json)`) has no size: read it up to the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(1 << 20);
      const bytesRead = await settle<number>((done) => read(fd, buffer, 0, buffer.length, null, done));
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_SNAPSHOT_BYTES) throw tooLarge(shown, total, true);
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks).toString('utf8');
  } catch (error) {
    throw error instanceof UserError ? error : cannotRead(shown, error);
  } finally {
    try {
      closeSync(fd);
    } catch {
      // A descriptor only read from: nothing was lost.
    }
  }
}

/** A promise of a node:fs callback's result. */
function settle<T>(call: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((error, value) => (error ? reject(error) : resolve(value))));
}

function cannotRead(shown: string, error: unknown): UserError {
  const code = (error as NodeJS.ErrnoException).code;
  const reason =
    code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : oneLine((error as Error).message);
  return new UserError(`Cannot read snapshot ${shown}: ${reason}.`, { cause: error });
}

function tooLarge(shown: string, bytes: number, atLeast = false): UserError {
  const mib = (value: number) => `${Math.ceil(value / (1024 * 1024))} MiB`;
  const size = atLeast ? `over ${mib(MAX_SNAPSHOT_BYTES)}` : mib(bytes);
  return new UserError(`Cannot read snapshot ${shown}: it is ${size}, and a snapshot file may have at most ${mib(MAX_SNAPSHOT_BYTES)}.`, {
    hint: "No server's snapshot is that large: check that it is the right file.",
  });
}

/** Parses and validates the text of a snapshot file; `source` names it in messages. */
export async function parseSnapshot(text: string, source: string): Promise<Snapshot> {
  const json = withoutBom(text);
  let document: unknown;
  try {
    document = JSON.parse(json);
  } catch (error) {
    throw new UserError(`${source} is not a valid snapshot: ${syntaxProblem(json, error)}.`, { hint: RECREATE, cause: error });
  }
  // One pass over the text for what JSON.parse lets through: a key written twice, nesting too deep.
  const scanned = checkParsedJson(json, document, { maxDepth: MAX_SNAPSHOT_DEPTH });
  if (scanned?.kind === 'duplicate-key') throw new UserError(`${source} is not a valid snapshot: ${describeDuplicateKey(json, scanned)}.`, { hint: RECREATE });
  return refuseProblems(scanned ? [tooDeepProblem(shownTokens(scanned.path))] : await validateParsed(document), source, document);
}

/** The document as a Snapshot when there is no problem; else a UserError saying the first. */
function refuseProblems(problems: readonly SnapshotProblem[], source: string, document: unknown): Snapshot {
  const first = problems[0];
  if (first) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
    throw new UserError(`${source} is not a valid snapshot: at ${first.pointer || '/'} ${first.message}${more}.`, { hint: first.hint ?? RECREATE });
  }
  return document as Snapshot;
}

/** Editors on Windows may start a UTF-8 file with a byte order mark; it is not part of the JSON. */
function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** "not JSON: ..." with the line and column of the problem, and whether the file looks cut off. */
function syntaxProblem(text: string, error: unknown): string {
  if (text.trim() === '') return 'not JSON (the file is empty)';
  const found = findJsonSyntaxError(text);
  if (found?.truncated) return `not JSON: ${found.problem} at line ${found.line}, column ${found.column}; it looks truncated`;
  if (found) return `not JSON at line ${found.line}, column ${found.column}: ${found.problem}`;
  // JSON.parse refused what the scanner accepts: say what it said, with its position when it gives one.
  const message = oneLine(error instanceof Error ? error.message : String(error));
  const position = /at position (\d+)/.exec(message);
  if (position) {
    const offset = Number(position[1]);
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    return `not JSON at line ${line}, column ${offset - before.lastIndexOf('\n')}: ${message.replace(/ in JSON at position \d+.*$/, '')}`;
  }
  return `not JSON (${message.replace(/, ".*$/, '')})`;
}

/** Every problem of a snapshot document against schemas/snapshot.schema.json (empty when valid). */
export async function validateSnapshot(document: unknown): Promise<SnapshotProblem[]> {
  const deep = tooDeep(document);
  return deep ? [deep] : validateParsed(document);
}

/**
 * validateSnapshot for a document known to nest no deeper than MAX_SNAPSHOT_DEPTH: every other check
 * of the reader, without the walk that proves the depth (a capture's snapshot is built by a walk
 * that refuses deeper values; see src/capture/normalise.ts).
 */
export async function validateSnapshotWithinDepth(document: unknown): Promise<SnapshotProblem[]> {
  return validateParsed(document);
}

/** validateSnapshot, but for a document known not to be nested too deep. */
async function validateParsed(document: unknown): Promise<SnapshotProblem[]> {
  const problems = await schemaProblems(document);
  return problems.length > 0 ? problems : duplicates(document as Snapshot);
}

/** The problems of a document against the format version and schemas/snapshot.schema.json; empty when it conforms. */
async function schemaProblems(document: unknown): Promise<SnapshotProblem[]> {
  if (isObject(document) && 'formatVersion' in document && document.formatVersion !== 1) {
    const newer = typeof document.formatVersion === 'number' && document.formatVersion > 1;
    return [
      {
        pointer: '/formatVersion',
        message: `is ${shownValue(document.formatVersion)}, but this version of mcp-compat reads format 1 only`,
        ...(newer ? { hint: 'A newer mcp-compat wrote it: upgrade mcp-compat, or take the snapshot again with this version.' } : {}),
      },
    ];
  }
  const { validate } = await import('./snapshot-validator.generated.js');
  if (!validate(document)) {
    return (validate.errors ?? []).map((error) => {
      const at = shownPointer(error.instancePath);
      if (error.keyword === 'required') {
        const missing = String(error.params.missingProperty);
        return { pointer: `${at}/${shownSegment(missing)}`, message: `is missing (required property "${shownSegment(missing)}")` };
      }
      if (error.keyword === 'additionalProperties') {
        return { pointer: `${at}/${shownSegment(String(error.params.additionalProperty))}`, message: 'is not a known property of a snapshot' };
      }
      if (error.keyword === 'const' || error.keyword === 'enum') {
        return { pointer: at, message: `${error.message ?? 'has a wrong value'} (${JSON.stringify(error.params.allowedValue ?? error.params.allowedValues)})` };
      }
      return { pointer: at, message: error.message ?? `fails ${error.keyword}` };
    });
  }
  return [];
}

/**
 * Two entries with the same identity: the diff matches entities by it, so one of the two would be
 * compared and the other silently ignored. A capture refuses such a list for the same reason.
 */
function duplicates(snapshot: Snapshot): SnapshotProblem[] {
  const problems: SnapshotProblem[] = [];
  const check = <T>(list: readonly T[], at: string, key: (item: T) => string, what: string): void => {
    const first = new Map<string, number>();
    list.forEach((item, index) => {
      const id = key(item);
      const earlier = first.get(id);
      if (earlier === undefined) first.set(id, index);
      else problems.push({ pointer: `${at}/${index}`, message: `has the same ${what} as ${at}/${earlier} (${shownValue(id)}): the diff could not tell them apart` });
    });
  };
  check(snapshot.tools, '/tools', (tool) => tool.name, 'name');
  check(snapshot.prompts, '/prompts', (prompt) => prompt.name, 'name');
  check(snapshot.resources, '/resources', (resource) => resource.uri, 'uri');
  check(snapshot.resourceTemplates, '/resourceTemplates', (template) => template.uriTemplate, 'uriTemplate');
  snapshot.prompts.forEach((prompt, index) => check(prompt.arguments ?? [], `/prompts/${index}/arguments`, (argument) => argument.name, 'name'));
  return problems;
}

/** The first array or object nested deeper than MAX_SNAPSHOT_DEPTH, with its pointer, found without recursion. */
function tooDeep(document: unknown): SnapshotProblem | undefined {
  const path = firstTooDeep(document, MAX_SNAPSHOT_DEPTH);
  return path === undefined ? undefined : tooDeepProblem(shownTokens(path));
}

function tooDeepProblem(pointer: string): SnapshotProblem {
  return { pointer, message: `is nested deeper than ${MAX_SNAPSHOT_DEPTH} levels of arrays and objects, more than a snapshot may have` };
}

/** An ajv instancePath (already RFC 6901), shown safely. */
function shownPointer(pointer: string): string {
  return pointer
    .split('/')
    .map((segment) => shorten(escapeUnsafe(segment), 60))
    .join('/');
}

function oneLine(text: string): string {
  return escapeUnsafe(text.replace(/\s+/g, ' ').trim());
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function displayName(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}
