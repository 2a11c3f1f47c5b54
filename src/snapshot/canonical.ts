import { escapeJsonText } from '../report/sanitize.js';
import type { Json, JsonObject, Snapshot } from './model.js';

/** Orders strings by UTF-16 code units: the same on every machine and locale. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A deep copy of a JSON value with every object's keys in sorted order (arrays keep their order). */
export function sortKeysDeep(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === 'object') {
    // fromEntries defines own properties, so a "__proto__" key a server sent stays data.
    return Object.fromEntries(
      Object.keys(value)
        .sort(compareCodeUnits)
        .filter((key) => value[key] !== undefined)
        .map((key) => [key, sortKeysDeep(value[key] as Json)]),
    ) as JsonObject;
  }
  return value;
}

function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareCodeUnits(key(a), key(b)));
}

/** The snapshot with its entity lists in canonical order: tools and prompts by name, resources by uri, templates by uriTemplate. */
export function canonicalSnapshot(snapshot: Snapshot): Snapshot {
  return {
    ...snapshot,
    tools: sortedBy(snapshot.tools, (tool) => tool.name),
    prompts: sortedBy(snapshot.prompts, (prompt) => prompt.name),
    resources: sortedBy(snapshot.resources, (resource) => resource.uri),
    resourceTemplates: sortedBy(snapshot.resourceTemplates, (template) => template.uriTemplate),
  };
}

/**
 * The canonical text of a snapshot file (design §4): sorted keys and lists, 2-space indent, trailing
 * newline; controls, bidi and invisible characters a server sent are written as \uXXXX escapes, so
 * printing the file (or `git diff` of it) cannot drive a terminal.
 */
export function serializeSnapshot(snapshot: Snapshot): string {
  return `${escapeJsonText(JSON.stringify(sortKeysDeep(canonicalSnapshot(snapshot) as unknown as Json), null, 2))}\n`;
}
