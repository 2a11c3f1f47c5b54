import type { EntityKind } from '../rules/types.js';

// Counted nouns for every message the tool prints. Lives in report/ (pure, no I/O) so that
// commands, capture and reporters can all use it without crossing the layering of design §2.

/** `0 tools`, `1 tool`, `2 tools`; pass the plural when it is not the noun plus "s". */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

export interface EntityCounts {
  tools: number;
  prompts: number;
  resources: number;
  resourceTemplates: number;
}

/** What a snapshot holds, as the confirmation lines say it: `1 tool, 0 prompts, 2 resources, 1 resource template`. */
export function entityCounts(counts: EntityCounts): string {
  return [
    plural(counts.tools, 'tool'),
    plural(counts.prompts, 'prompt'),
    plural(counts.resources, 'resource'),
    plural(counts.resourceTemplates, 'resource template'),
  ].join(', ');
}

/** The counts of a snapshot's lists. */
export function countsOf(snapshot: { tools: readonly unknown[]; prompts: readonly unknown[]; resources: readonly unknown[]; resourceTemplates: readonly unknown[] }): EntityCounts {
  return {
    tools: snapshot.tools.length,
    prompts: snapshot.prompts.length,
    resources: snapshot.resources.length,
    resourceTemplates: snapshot.resourceTemplates.length,
  };
}

const ENTITY_NOUNS: Record<EntityKind, [string, string]> = {
  server: ['server', 'servers'],
  tool: ['tool', 'tools'],
  prompt: ['prompt', 'prompts'],
  resource: ['resource', 'resources'],
  resourceTemplate: ['resource template', 'resource templates'],
};

/** `1 tool`, `30 tools`, `2 resource templates`: a count of one kind of entity. */
export function entityCount(count: number, entity: EntityKind): string {
  const [noun, pluralNoun] = ENTITY_NOUNS[entity];
  return plural(count, noun, pluralNoun);
}
