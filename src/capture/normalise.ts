import { SNAPSHOT_FORMAT_VERSION, type Json, type JsonObject, type PromptArgumentSnapshot, type PromptSnapshot, type ResourceSnapshot, type ResourceTemplateSnapshot, type ServerSnapshot, type Snapshot, type ToolSnapshot } from '../snapshot/model.js';
import { canonicalSnapshot } from '../snapshot/canonical.js';
import { MAX_SNAPSHOT_DEPTH } from '../snapshot/read.js';
import { UserError } from '../errors.js';
import { jsonEqual } from '../diff/json.js';
import { cleanLine } from '../report/sanitize.js';
import { firstTooDeep } from '../snapshot/json-scan.js';
import { MAX_ENTITY_DEPTH, roundTripsWithin, shownPath } from './readable.js';

/** What a capture read from the wire, before it becomes a snapshot. */
export interface WireCapture {
  clientCapabilities: JsonObject;
  protocolVersion: string;
  serverInfo: unknown;
  capabilities: unknown;
  instructions?: unknown;
  tools: unknown[];
  prompts: unknown[];
  resources: unknown[];
  resourceTemplates: unknown[];
  notes: string[];
  /**
   * Every list entry is a value JSON.parse made from the server's bytes (stdio, HTTP, SSE): only
   * plain objects, arrays, strings, numbers, booleans and null. Such an entry is taken as it is
   * when it is shallow enough and has no number JSON text cannot hold (see roundTripsWithin).
   * Otherwise (an in-process server hands over its own objects, which may hold undefined, dates or
   * class instances) each is copied through JSON.
   */
  parsedFromJson?: boolean;
}

/**
 * Wire content -> canonical snapshot: only JSON values, entities sorted, and nothing that belongs
 * to the connection rather than the server (list results' `_meta`, request ids, session ids).
 * An entity's own `_meta` is kept. What a client could not use is an error naming the list and
 * the entity, never patched over: an entry that is not an object or lacks its identifying field,
 * two entries with the same identity (clients address tools and prompts by name, resources by
 * `uri`, templates by `uriTemplate`, and so does the snapshot), and a tool whose `inputSchema` is
 * not a JSON Schema object of type "object" (the MCP schema requires one; SDK clients reject the
 * whole list).
 */
export function toSnapshot(wire: WireCapture, who = 'the server', baseline?: Snapshot): Snapshot {
  // The server's info is spread into the snapshot's `server` (level 2), its capabilities sit a level below.
  refuseTooDeep(wire.serverInfo, MAX_ENTITY_DEPTH + 1, who, 'initialize', 'its serverInfo');
  refuseTooDeep(wire.capabilities, MAX_ENTITY_DEPTH, who, 'initialize', 'its capabilities');
  const info = asObject(wire.serverInfo);
  const server: ServerSnapshot = {
    ...pick(info, ['title', 'description', 'websiteUrl', 'icons']),
    name: typeof info.name === 'string' ? info.name : '',
    version: typeof info.version === 'string' ? info.version : '',
    protocolVersion: wire.protocolVersion,
    capabilities: asObject(wire.capabilities),
    ...(typeof wire.instructions === 'string' ? { instructions: wire.instructions } : {}),
  };
  const entries = (list: EntityList, raw: unknown[]) => identified(list, raw, who, wire.parsedFromJson === true ? knownEntries(baseline, list) : undefined);
  const tools = entries(LISTS.tools, wire.tools).map((tool): ToolSnapshot => {
    checkInputSchema(tool, who);
    return tool as unknown as ToolSnapshot;
  });
  const prompts = entries(LISTS.prompts, wire.prompts).map((prompt): PromptSnapshot => {
    const args = Array.isArray(prompt.arguments) ? prompt.arguments.map((arg) => asObject(arg) as unknown as PromptArgumentSnapshot) : undefined;
    return { ...prompt, ...(args ? { arguments: args } : {}) } as unknown as PromptSnapshot;
  });
  const resources = entries(LISTS.resources, wire.resources).map((resource) => ({ ...resource, name: String(resource.name ?? '') }) as unknown as ResourceSnapshot);
  const resourceTemplates = entries(LISTS.resourceTemplates, wire.resourceTemplates).map((template) => ({ ...template, name: String(template.name ?? '') }) as unknown as ResourceTemplateSnapshot);
  const notes = [...new Set(wire.notes)].sort();
  return canonicalSnapshot({
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    client: { capabilities: wire.clientCapabilities },
    server,
    tools,
    prompts,
    resources,
    resourceTemplates,
    ...(notes.length > 0 ? { notes } : {}),
  });
}

interface EntityList {
  method: string;
  /** The entity as messages name it: `tool "search"`. */
  noun: string;
  /** The field that identifies an entity: clients address it by this, and the snapshot is keyed by it. */
  key: 'name' | 'uri' | 'uriTemplate';
  /** The snapshot's list of these entities. */
  snapshotKey: 'tools' | 'prompts' | 'resources' | 'resourceTemplates';
}

const LISTS = {
  tools: { method: 'tools/list', noun: 'tool', key: 'name', snapshotKey: 'tools' },
  prompts: { method: 'prompts/list', noun: 'prompt', key: 'name', snapshotKey: 'prompts' },
  resources: { method: 'resources/list', noun: 'resource', key: 'uri', snapshotKey: 'resources' },
  resourceTemplates: { method: 'resources/templates/list', noun: 'resource template', key: 'uriTemplate', snapshotKey: 'resourceTemplates' },
} as const satisfies Record<string, EntityList>;

/**
 * The entries of one list as JSON objects, each with a string identity, no identity twice. `known`
 * is there for entries JSON.parse made (WireCapture.parsedFromJson): the baseline's entries by
 * identity (empty without a baseline).
 */
function identified(list: EntityList, raw: unknown[], who: string, known: ReadonlyMap<string, JsonObject> | undefined): JsonObject[] {
  const seen = new Set<string>();
  return raw.map((item, index) => {
    const entry = known ? parsedEntry(list, item, index, who, known) : entryJson(list, item, index, who);
    if (!isObject(entry)) throw invalid(who, list, `entry ${index + 1} is ${describeJson(entry)}, not an object`);
    const id = entry[list.key];
    if (typeof id !== 'string') throw invalid(who, list, `${list.noun} ${index + 1} has ${id === undefined ? `no "${list.key}"` : `a "${list.key}" that is ${describeJson(id)}`}, where a string is required`);
    if (id === '') throw invalid(who, list, `${list.noun} ${index + 1} has an empty "${list.key}"`, `Clients address a ${list.noun} by its ${list.key}: give every ${list.noun} a non-empty one.`);
    if (seen.has(id)) throw invalid(who, list, `${list.noun} ${quote(id)} is listed twice, and clients cannot tell the two apart`, `Give every ${list.noun} its own ${list.key}.`);
    seen.add(id);
    return entry;
  });
}

/**
 * An entry as a plain JSON copy (toJson), refused when nested deeper than an entity may be. The
 * copy's text proves most entries shallow at once: a value nested N levels deep opens N brackets.
 * Only an entry whose text has more brackets than the limit, or that JSON.stringify refuses (its
 * recursion cannot follow a value 100,000 levels deep), is walked to find the place.
 */
function entryJson(list: EntityList, item: unknown, index: number, who: string): Json {
  let text: string | undefined;
  try {
    text = JSON.stringify(item);
  } catch {
    // Nested too deep for JSON.stringify, or no JSON at all (a bigint): the walk and toJson below say which.
  }
  if (text !== undefined && bracketsAtMost(text, MAX_ENTITY_DEPTH)) return JSON.parse(text) as Json;
  refuseTooDeep(item, MAX_ENTITY_DEPTH, who, list.method, entryName(list, item, index));
  return toJson(item);
}

/**
 * An entry JSON.parse made (see WireCapture.parsedFromJson): the baseline's entry of the same
 * identity when it is equal (so a comparison with the baseline finds the same object, and the
 * value needs no other walk: the baseline's entry was read within the depth limit, and the equality
 * test follows both no deeper than it); else the entry itself when that is what entryJson would
 * give; else entryJson's copy or refusal.
 */
function parsedEntry(list: EntityList, item: unknown, index: number, who: string, known: ReadonlyMap<string, JsonObject>): Json {
  const id = isObject(item as Json) ? (item as JsonObject)[list.key] : undefined;
  const same = typeof id === 'string' ? known.get(id) : undefined;
  if (same !== undefined && jsonEqual(same, item as Json)) return same;
  return roundTripsWithin(item, MAX_ENTITY_DEPTH) ? (item as Json) : entryJson(list, item, index, who);
}

/** The baseline's entries of a list by identity. */
function knownEntries(baseline: Snapshot | undefined, list: EntityList): ReadonlyMap<string, JsonObject> {
  const entries = baseline === undefined ? [] : (baseline[list.snapshotKey] as readonly unknown[] as readonly JsonObject[]);
  return new Map(entries.map((entry) => [entry[list.key] as string, entry]));
}

function entryName(list: EntityList, item: unknown, index: number): string {
  const name = (item as Record<string, unknown> | null)?.[list.key];
  return typeof name === 'string' ? `${list.noun} ${quote(name)}` : `${list.noun} ${index + 1}`;
}

/** Whether JSON text opens at most `limit` arrays and objects (brackets inside strings counted too). */
function bracketsAtMost(text: string, limit: number): boolean {
  // Each opened value takes two characters at least.
  if (text.length <= 2 * limit) return true;
  let opened = 0;
  for (const bracket of ['{', '[']) {
    for (let at = text.indexOf(bracket); at !== -1; at = text.indexOf(bracket, at + 1)) if (++opened > limit) return false;
  }
  return true;
}

/** Checked before anything walks the value recursively (JSON.stringify first of all): see firstTooDeep. */
function refuseTooDeep(value: unknown, maxDepth: number, who: string, method: string, what: string): void {
  const path = firstTooDeep(value, maxDepth);
  if (path === undefined) return;
  throw new UserError(`${capitalise(who)} sent an invalid ${method} result: arrays and objects nested deeper than a snapshot may hold (${MAX_SNAPSHOT_DEPTH} levels from its top) in ${what}, at ${shownPath(path)}.`, {
    hint: 'diff and check would refuse to read such a snapshot; real schemas are far shallower.',
  });
}

function checkInputSchema(tool: JsonObject, who: string): void {
  const schema = tool.inputSchema;
  const problem =
    schema === undefined
      ? 'has no inputSchema'
      : !isObject(schema)
        ? `has an inputSchema that is ${describeJson(schema)}, not an object`
        : schema.type === undefined
          ? 'has an inputSchema without "type": "object"'
          : schema.type !== 'object'
            ? `has an inputSchema of type ${excerpt(JSON.stringify(schema.type))}, not "object"`
            : undefined;
  if (problem !== undefined) {
    throw invalid(who, LISTS.tools, `tool ${quote(String(tool.name))} ${problem}`, 'MCP requires a JSON Schema object with "type": "object" (use {"type":"object"} for a tool that takes no arguments).');
  }
}

function invalid(who: string, list: EntityList, what: string, hint?: string): UserError {
  return new UserError(`${capitalise(who)} sent an invalid ${list.method} result: ${what}.`, hint === undefined ? {} : { hint });
}

function describeJson(value: Json): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Server-provided text in a message: quoted, on one line, and short. */
function quote(text: string): string {
  return JSON.stringify(excerpt(text, 60));
}

function excerpt(text: string, max = 80): string {
  const clean = cleanLine(text);
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A plain JSON copy: drops undefined, functions and symbols exactly as JSON.stringify does. */
export function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

function asObject(value: unknown): JsonObject {
  const json = toJson(value);
  return isObject(json) ? json : {};
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function pick(object: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key] as Json]));
}
