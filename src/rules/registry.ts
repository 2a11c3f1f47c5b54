import type { RuleDefinition } from './types.js';
import { TOOL_RULES } from './tool-rules.js';
import { TOOL_ANNOTATION_RULES } from './tool-annotation-rules.js';
import { PROMPT_RULES } from './prompt-rules.js';
import { RESOURCE_RULES } from './resource-rules.js';
import { RESOURCE_TEMPLATE_RULES } from './resource-template-rules.js';
import { SERVER_RULES } from './server-rules.js';
import { SCHEMA_RULES } from './schema-rules.js';
import { CLIENT_RULES } from './client-rules.js';

/** Every rule the diff can emit: the single source for severities, docs/rules.md and fixtures. */
export const RULES: readonly RuleDefinition[] = [
  ...SERVER_RULES,
  ...TOOL_RULES,
  ...TOOL_ANNOTATION_RULES,
  ...SCHEMA_RULES,
  ...PROMPT_RULES,
  ...RESOURCE_RULES,
  ...RESOURCE_TEMPLATE_RULES,
  ...CLIENT_RULES,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): RuleDefinition {
  const rule = BY_ID.get(id);
  if (!rule) throw new Error(`Unknown rule id "${id}"`);
  return rule;
}

export function hasRule(id: string): boolean {
  return BY_ID.has(id);
}
