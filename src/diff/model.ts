import type { Json, JsonObject } from '../snapshot/model.js';
import type { EntityKind, Severity } from '../rules/types.js';

export type SuggestionKind = 'deprecated-alias' | 'versioned-tool' | 'compliant-name';

/** How to ship a breaking change without breaking anyone. */
export interface Suggestion {
  kind: SuggestionKind;
  /** The tool name the suggestion introduces or keeps (`search_v2`, or the old name as alias). */
  name: string;
  /** One or two sentences saying what to do. */
  text: string;
  /** TypeScript SDK (`registerTool`) code. */
  snippet: string;
  /** The same in Python FastMCP. */
  pythonSnippet: string;
}

/** One classified difference between two snapshots (design §5, §6). */
export interface Change {
  rule: string;
  severity: Severity;
  entity: EntityKind;
  name: string;
  pointer: string;
  before?: Json;
  after?: Json;
  message: string;
  params?: JsonObject;
  suggestion?: Suggestion;
}

/** The outcome of comparing two snapshots, before any policy is applied. */
export interface SnapshotDiff {
  changes: Change[];
  /** Things to say before the changes, e.g. that the snapshots were taken with different client capabilities. */
  notes: string[];
}
