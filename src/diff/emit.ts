import type { Change } from './model.js';
import type { ChangeFacts } from '../rules/types.js';
import { getRule } from '../rules/registry.js';

/** A Change for a rule id: the registry's default severity and the rule's message from the facts. */
export function change(rule: string, facts: ChangeFacts): Change {
  const definition = getRule(rule);
  const result: Change = {
    rule,
    severity: definition.severity,
    entity: facts.entity,
    name: facts.name,
    pointer: facts.pointer,
    message: definition.message(facts),
  };
  if (facts.before !== undefined) result.before = facts.before;
  if (facts.after !== undefined) result.after = facts.after;
  if (facts.params !== undefined) result.params = facts.params;
  return result;
}
