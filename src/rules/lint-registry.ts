import type { LintRule } from '../lint/model.js';
import { NAME_LINT_RULES } from './lint/names.js';
import { DESCRIPTION_LINT_RULES } from './lint/descriptions.js';
import { SCHEMA_LINT_RULES } from './lint/schemas.js';
import { CLIENT_LINT_RULES } from './lint/clients.js';

/**
 * Every rule `mcp-compat lint` runs by default: the single source for lint severities, the Lint
 * section of docs/rules.md and the fixtures under fixtures/lint/. Other modules may define more
 * LintRules and pass them to `lintSnapshot` alongside these. The client rules find nothing unless
 * the run's context names client profiles (`--client`, `clients` in the project config).
 */
export const LINT_RULES: readonly LintRule[] = [...NAME_LINT_RULES, ...DESCRIPTION_LINT_RULES, ...SCHEMA_LINT_RULES, ...CLIENT_LINT_RULES];

const BY_ID = new Map(LINT_RULES.map((rule) => [rule.id, rule]));

export function getLintRule(id: string): LintRule | undefined {
  return BY_ID.get(id);
}
