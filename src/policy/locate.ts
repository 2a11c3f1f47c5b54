import type { EntityKind } from '../rules/types.js';

/** Which key identifies an entity in each list of a canonical snapshot file. */
const SECTIONS: Record<string, { entity: EntityKind; keyLine: RegExp }> = {
  tools: { entity: 'tool', keyLine: keyLinePattern('name') },
  prompts: { entity: 'prompt', keyLine: keyLinePattern('name') },
  resources: { entity: 'resource', keyLine: keyLinePattern('uri') },
  resourceTemplates: { entity: 'resourceTemplate', keyLine: keyLinePattern('uriTemplate') },
};

/** An item's identifying member, one level inside the item: `      "name": "search",`. */
function keyLinePattern(key: string): RegExp {
  return new RegExp(`^ {6}"${key}": ("(?:[^"\\\\]|\\\\.)*")`);
}

export function entityKey(entity: EntityKind, name: string): string {
  return `${entity}\u0000${name}`;
}

/**
 * Lines (1-based) of every entity in the text of a canonical snapshot file (design §4: two-space
 * indentation, one key per line), keyed by `entityKey`. The server maps to its `"server"` line.
 * A file that is not laid out canonically simply yields fewer locations.
 */
export function locateEntities(text: string): Map<string, number> {
  const lines = new Map<string, number>();
  let section: { entity: EntityKind; keyLine: RegExp } | undefined;
  let itemStart = 0;
  let lineNumber = 0;
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    lineNumber++;
    // Only lines indented by 2, 4 or 6 spaces can matter. Counting spaces first skips the bulk of
    // a snapshot (schemas, nested deeper) without copying or matching a line.
    const indent = leadingSpaces(text, start, end);
    if (indent === 2 || indent === 4 || indent === 6) {
      const line = text.slice(start, end);
      const top = indent === 2 ? /^ {2}"([A-Za-z]+)": /.exec(line) : null;
      if (top) {
        // Own members only: a line `  "constructor": ...` of a file laid out otherwise is no section.
        section = Object.hasOwn(SECTIONS, top[1] as string) ? SECTIONS[top[1] as string] : undefined;
        if (top[1] === 'server') lines.set(entityKey('server', ''), lineNumber);
      } else if (section) {
        if (indent === 4 && line.charCodeAt(4) === 0x7b /* { */) itemStart = lineNumber;
        const keyLine = indent === 6 ? section.keyLine.exec(line) : null;
        if (keyLine) {
          const value = JSON.parse(keyLine[1] as string) as string;
          const key = entityKey(section.entity, value);
          if (!lines.has(key)) lines.set(key, itemStart || lineNumber);
        }
      }
    }
    if (newline === -1) break;
    start = newline + 1;
  }
  return lines;
}

/** Spaces at the start of text[start, end), counted up to 7 (more than any indentation that matters). */
function leadingSpaces(text: string, start: number, end: number): number {
  let count = 0;
  while (count < 7 && start + count < end && text.charCodeAt(start + count) === 0x20) count++;
  return count;
}
