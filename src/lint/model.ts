import type { ClientProfile } from '../clients/model.js';
import type { EntityKind } from '../rules/types.js';
import type { JsonObject, Snapshot } from '../snapshot/model.js';

/** How much a lint finding matters, highest first. */
export type LintSeverity = 'error' | 'warning' | 'info';
export const LINT_SEVERITIES: readonly LintSeverity[] = ['error', 'warning', 'info'];

/** What one check found: where, and the facts its message is built from. */
export interface LintFacts {
  entity: EntityKind;
  /** Tool or prompt name, resource uri, template uriTemplate, or the server name. */
  name: string;
  /** RFC 6901 pointer inside the entity, e.g. `/inputSchema/properties/mode`. */
  pointer: string;
  params?: JsonObject;
}

/** What a lint run knows besides the snapshot: the client profiles chosen with `--client` or `clients`. */
export interface LintContext {
  clients: readonly ClientProfile[];
  /** The name clients give the server in their config; default: the snapshot's `serverInfo.name`. */
  serverKey?: string;
}

export const NO_LINT_CONTEXT: LintContext = { clients: [] };

/**
 * One lint rule: stable id, metadata for docs/rules.md and SARIF, and a pure check over a
 * snapshot. Any module may define more (a client profile, say) and pass them to `lintSnapshot`.
 */
export interface LintRule {
  id: string;
  severity: LintSeverity;
  title: string;
  /** Why the finding matters: what goes wrong for a client or a model. */
  rationale: string;
  /** A small illustration for docs/rules.md. */
  example: { bad: string; good: string };
  /** Pure: the same snapshot and context give the same facts. Most rules need only the snapshot. */
  check(snapshot: Snapshot, context: LintContext): LintFacts[];
  message(facts: LintFacts): string;
}

/** A finding as the linter reports it, before policy (severity overrides, fail-on). */
export interface LintFinding extends LintFacts {
  rule: string;
  severity: LintSeverity;
  message: string;
}
