import type { EntityKind } from '../rules/types.js';

/** Which key identifies an entity in each list of a canonical snapshot file. */
const SECTIONS: Record<string, { entity: EntityKind; key: string }> = {
  tools: { entity: 'tool', key: 'name' },
  prompts: { entity: 'prompt', key: 'name' },
  resources: { entity: 'resource', key: 'uri' },
  resourceTemplates: { entity: 'resourceTemplate', key: 'uriTemplate' },
};

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
  let section: { entity: EntityKind; key: string } | undefined;
  let itemStart = 0;
  text.split('\n').forEach((line, index) => {
    const top = /^ {2}"([A-Za-z]+)": /.exec(line);
    if (top) {
      section = SECTIONS[top[1] as string];
      if (top[1] === 'server') lines.set(entityKey('server', ''), index + 1);
      return;
    }
    if (!section) return;
    if (/^ {4}\{/.test(line)) itemStart = index + 1;
    const keyLine = new RegExp(`^ {6}"${section.key}": ("(?:[^"\\\\]|\\\\.)*")`).exec(line);
    if (keyLine) {
      const value = JSON.parse(keyLine[1] as string) as string;
      const key = entityKey(section.entity, value);
      if (!lines.has(key)) lines.set(key, itemStart || index + 1);
    }
  });
  return lines;
}
