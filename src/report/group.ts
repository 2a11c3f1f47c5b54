import type { Suggestion } from '../diff/model.js';
import type { EntityKind, Severity } from '../rules/types.js';
import type { ReportChange } from './model.js';

// How the human formats lay a report out: a change that repeats across many entities (the same
// rule at the same pointer, as when a dependency upgrade closes `additionalProperties` on every
// tool) is shown once with the names, and the rest grouped by entity. Pure; no formatting here.

/** The same rule at the same pointer on at least this many entities is shown as one group. */
export const MIN_REPEAT = 3;

export const SEVERITY_ORDER: readonly Severity[] = ['breaking', 'risky', 'compatible'];

/** One change repeated across entities. */
export interface RepeatedChange {
  rule: string;
  severity: Severity;
  entity: EntityKind;
  pointer: string;
  /** Whether these changes fail the run (they all agree: it is part of the grouping key). */
  failing: boolean;
  /** In report order; one per entity. */
  changes: ReportChange[];
}

/** The changes of one entity that are not part of a repeated group. */
export interface EntityChanges {
  entity: EntityKind;
  name: string;
  changes: ReportChange[];
}

export interface SeveritySection {
  severity: Severity;
  /** Every change of this severity (repeated or not). */
  count: number;
  repeated: RepeatedChange[];
  entities: EntityChanges[];
}

/** Changes that carry something of their own (an acknowledgement, an override) are never folded into a group. */
function groupable(change: ReportChange): boolean {
  return change.acknowledgement === undefined && change.defaultSeverity === undefined;
}

/** Splits the report's changes into severity sections, each with its repeated groups and its per-entity changes. */
export function groupChanges(changes: readonly ReportChange[], minRepeat = MIN_REPEAT): SeveritySection[] {
  const sections: SeveritySection[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = changes.filter((change) => change.severity === severity);
    if (ofSeverity.length === 0) continue;
    const candidates = new Map<string, ReportChange[]>();
    for (const change of ofSeverity) {
      if (!groupable(change)) continue;
      const key = [change.rule, change.entity, change.pointer, change.failing].join('\u0000');
      const list = candidates.get(key) ?? [];
      list.push(change);
      candidates.set(key, list);
    }
    const repeated: RepeatedChange[] = [];
    const folded = new Set<ReportChange>();
    for (const list of candidates.values()) {
      if (new Set(list.map((change) => change.name)).size < minRepeat) continue;
      const first = list[0] as ReportChange;
      repeated.push({ rule: first.rule, severity, entity: first.entity, pointer: first.pointer, failing: first.failing, changes: list });
      for (const change of list) folded.add(change);
    }
    sections.push({ severity, count: ofSeverity.length, repeated, entities: byEntity(ofSeverity.filter((change) => !folded.has(change))) });
  }
  return sections;
}

/** Groups changes by entity, keeping the order in which entities first appear. */
export function byEntity(changes: readonly ReportChange[]): EntityChanges[] {
  const groups = new Map<string, EntityChanges>();
  for (const change of changes) {
    const key = `${change.entity}\u0000${change.name}`;
    const group = groups.get(key) ?? { entity: change.entity, name: change.name, changes: [] };
    group.changes.push(change);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The distinct suggestions among some changes of one entity (one per suggested tool name and kind). */
export function distinctSuggestions(changes: readonly ReportChange[]): Suggestion[] {
  const seen = new Map<string, Suggestion>();
  for (const change of changes) {
    if (change.suggestion && change.severity === 'breaking') seen.set(`${change.suggestion.kind}\u0000${change.suggestion.name}`, change.suggestion);
  }
  return [...seen.values()];
}

/** The names of a repeated group, as many as `limit` allows, and how many were left out. */
export function namesOf(group: RepeatedChange, limit: number): { shown: string[]; more: number } {
  const names = group.changes.map((change) => change.name);
  return { shown: names.slice(0, limit), more: Math.max(0, names.length - limit) };
}
