import type { Suggestion } from '../diff/model.js';
import type { EntityKind, Severity } from '../rules/types.js';
import type { ReportChange } from './model.js';

// How the human formats lay a report out: a change that repeats across many entities (the same
// rule at the same pointer, as when a dependency upgrade closes `additionalProperties` on every
// tool) is shown once with the names, and the rest grouped by entity. Pure; no formatting here.

/** The same rule at the same pointer on at least this many entities is shown as one group. */
export const MIN_REPEAT = 3;

export const SEVERITY_ORDER: readonly Severity[] = ['breaking', 'risky', 'compatible'];

/** What grouping reads of a report change or a lint finding. */
export interface Groupable {
  rule: string;
  severity: string;
  entity: EntityKind;
  name: string;
  pointer: string;
  /** Whether it fails the run (part of the grouping key, so a group agrees on it). */
  failing: boolean;
  acknowledgement?: unknown;
  defaultSeverity?: unknown;
}

/** One item (change or finding) repeated across entities. */
export interface Repeated<T extends Groupable> {
  rule: string;
  severity: T['severity'];
  entity: EntityKind;
  pointer: string;
  failing: boolean;
  /** In report order; one per entity. */
  changes: T[];
}

/** The items of one entity that are not part of a repeated group. */
export interface EntityItems<T extends Groupable> {
  entity: EntityKind;
  name: string;
  changes: T[];
}

export interface Section<T extends Groupable> {
  severity: T['severity'];
  /** Every item of this severity (repeated or not). */
  count: number;
  repeated: Repeated<T>[];
  entities: EntityItems<T>[];
}

export type RepeatedChange = Repeated<ReportChange>;
export type EntityChanges = EntityItems<ReportChange>;
export type SeveritySection = Section<ReportChange>;

/** Items that carry something of their own (an acknowledgement, an override) are never folded into a group. */
function groupable(item: Groupable): boolean {
  return item.acknowledgement === undefined && item.defaultSeverity === undefined;
}

/** Splits the report's changes into severity sections, each with its repeated groups and its per-entity changes. */
export function groupChanges(changes: readonly ReportChange[], minRepeat = MIN_REPEAT): SeveritySection[] {
  return groupBySeverity(changes, SEVERITY_ORDER, minRepeat);
}

/** The same for any severity scale (lint's error/warning/info), in the order given. */
export function groupBySeverity<T extends Groupable>(items: readonly T[], order: readonly T['severity'][], minRepeat = MIN_REPEAT): Section<T>[] {
  const sections: Section<T>[] = [];
  for (const severity of order) {
    const ofSeverity = items.filter((item) => item.severity === severity);
    if (ofSeverity.length === 0) continue;
    const candidates = new Map<string, T[]>();
    for (const item of ofSeverity) {
      if (!groupable(item)) continue;
      const key = [item.rule, item.entity, item.pointer, item.failing].join('\u0000');
      const list = candidates.get(key) ?? [];
      list.push(item);
      candidates.set(key, list);
    }
    const repeated: Repeated<T>[] = [];
    const folded = new Set<T>();
    for (const list of candidates.values()) {
      if (new Set(list.map((item) => item.name)).size < minRepeat) continue;
      const first = list[0] as T;
      repeated.push({ rule: first.rule, severity, entity: first.entity, pointer: first.pointer, failing: first.failing, changes: list });
      for (const item of list) folded.add(item);
    }
    sections.push({ severity, count: ofSeverity.length, repeated, entities: byEntity(ofSeverity.filter((item) => !folded.has(item))) });
  }
  return sections;
}

/** Groups items by entity, keeping the order in which entities first appear. */
export function byEntity<T extends Groupable>(items: readonly T[]): EntityItems<T>[] {
  const groups = new Map<string, EntityItems<T>>();
  for (const item of items) {
    const key = `${item.entity}\u0000${item.name}`;
    const group = groups.get(key) ?? { entity: item.entity, name: item.name, changes: [] };
    group.changes.push(item);
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
export function namesOf(group: Repeated<Groupable>, limit: number): { shown: string[]; more: number } {
  const names = group.changes.map((change) => change.name);
  return { shown: names.slice(0, limit), more: Math.max(0, names.length - limit) };
}
