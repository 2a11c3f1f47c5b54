import { getRule, hasRule } from './registry.js';
import type { ChangeFacts, EntityKind } from './types.js';

/** How every rule's message names the entity it opens with (`Tool \`search\` was removed; ...`). */
const ENTITY_WORD: Record<EntityKind, string> = { server: 'Server', tool: 'Tool', prompt: 'Prompt', resource: 'Resource', resourceTemplate: 'Resource template' };

/**
 * What a change changed, in its rule's words, without the entity it is on: the rule's `detail`
 * (`` `pageId` is now required``, ``value `webp` is no longer allowed``), or else its message
 * after the entity (`is no longer read-only (annotations.readOnlyHint true -> false)`), or else its
 * whole message. Two changes of one rule at one pointer with the same detail differ only in their entity.
 */
export function changeDetail(change: ChangeFacts & { rule: string; message: string }): string {
  const rule = hasRule(change.rule) ? getRule(change.rule) : undefined;
  // Schema rules word their facts, which every change they emit carries (at least the path).
  if (rule?.detail && change.params !== undefined) return rule.detail(change);
  const opening = `${ENTITY_WORD[change.entity]} \`${change.name}\``;
  if (!change.message.startsWith(opening)) return change.message;
  return change.message.slice(opening.length).replace(/^:? /, '').replace(/\.$/, '');
}
