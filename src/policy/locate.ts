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
  text.split('\n').forEach((line, index) => {
    const top = /^ {2}"([A-Za-z]+)": /.exec(line);
    if (top) {
      // Own members only: a line `  "constructor": ...` of a file laid out otherwise is no section.
      section = Object.hasOwn(SECTIONS, top[1] as string) ? SECTIONS[top[1] as string] : undefined;
      if (top[1] === 'server') lines.set(entityKey('server', ''), index + 1);
      return;
    }
    if (!section) return;
    if (/^ {4}\{/.test(line)) itemStart = index + 1;
    const keyLine = section.keyLine.exec(line);
    if (keyLine) {
      const value = JSON.parse(keyLine[1] as string) as string;
      const key = entityKey(section.entity, value);
      if (!lines.has(key)) lines.set(key, itemStart || index + 1);
    }
  });
  return lines;
}
