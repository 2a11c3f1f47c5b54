import type { Json, JsonObject } from '../snapshot/model.js';

/** Highest first. See design §5. */
export type Severity = 'breaking' | 'risky' | 'compatible';
export const SEVERITIES: readonly Severity[] = ['breaking', 'risky', 'compatible'];

export type EntityKind = 'server' | 'tool' | 'prompt' | 'resource' | 'resourceTemplate';

/**
 * The facts a rule found: enough to rebuild the message, so stored reports can be re-rendered
 * and re-classified (graphql-inspector's `meta`).
 */
export interface ChangeFacts {
  entity: EntityKind;
  /** Tool/prompt name, resource uri, template uriTemplate, or the server name. */
  name: string;
  /** RFC 6901 pointer inside the entity, e.g. `/inputSchema/properties/mode/enum`. */
  pointer: string;
  before?: Json;
  after?: Json;
  /** Rule-specific facts (parameter path, removed values, similarity, ...). */
  params?: JsonObject;
}

/**
 * One entry of the catalog: data plus a message function. Severity is per rule id, so a
 * context-dependent outcome (a deprecated tool removed) is its own rule id.
 */
export interface RuleDefinition {
  id: string;
  severity: Severity;
  /**
   * The semver part this change calls for when it is not (or no longer, after a policy
   * override) breaking: `minor` for additions and loosening, `patch` for anything else.
   */
  bump: 'minor' | 'patch';
  title: string;
  /** Why the rule has its severity: what can go wrong for a client. */
  rationale: string;
  /** A small before/after illustration for docs/rules.md. */
  example: { before: string; after: string };
  message(facts: ChangeFacts): string;
  /**
   * What changed, without the entity or the consequence (`` `limit` is now required``): what tells
   * apart changes of the rule at one pointer that a report lists together. Without it, the message
   * after the entity it opens with (src/rules/detail.ts).
   */
  detail?(facts: ChangeFacts): string;
}
