import type { Suggestion } from '../diff/model.js';
import type { EntityKind, Severity } from '../rules/types.js';
import type { ReportChange } from './model.js';

// How the human formats lay a report out: a change that repeats across many entities (the same
// rule at the same pointer, as when a dependency upgrade closes `additionalProperties` on every
// tool) is shown once with the names, and the rest grouped by entity. Within a group, the changes
// may still differ per entity (the property that became required, the value removed): each
// distinct detail is a subject, with the entities that have it. Pure; no formatting here.

/** The same rule at the same pointer on at least this many entities is shown as one group. */
export const MIN_REPEAT = 3;

/**
 * The most subjects a repeated compatible change lists; with more, it is shown as its names and
 * one example. A breaking or risky one lists every subject, so that no breaking change hides
 * behind another's example: there are never more of them than changes, which would each take a
 * line of their own outside a group.
 */
export const COMPATIBLE_SUBJECTS_SHOWN = 3;

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
  /** What tells apart items of one rule at one pointer (a report change's `detail`); items without one read alike. */
  detail?: string;
}

/** The items of a repeated group that say the same (the same detail), and the entities they are on. */
export interface Subject<T extends Groupable> {
  detail: string | undefined;
  /** Each entity once, in report order. */
  names: string[];
  changes: T[];
}

/** One item (change or finding) repeated across entities. */
export interface Repeated<T extends Groupable> {
  rule: string;
  severity: T['severity'];
  entity: EntityKind;
  pointer: string;
  failing: boolean;
  /** In report order; an entity may have several (two properties that became required). */
  changes: T[];
  /** Each entity once, in report order: what the group counts and lists. */
  names: string[];
  /** The distinct details, the one on most entities first (then in report order); one when all say the same. */
  subjects: Subject<T>[];
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
      repeated.push({ rule: first.rule, severity, entity: first.entity, pointer: first.pointer, failing: first.failing, changes: list, names: distinctNames(list), subjects: subjectsOf(list) });
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

/** Names (of a group or of one of its subjects), as many as `limit` allows, and how many were left out. */
export function namesOf(group: { names: readonly string[] }, limit: number): { shown: string[]; more: number } {
  return { shown: group.names.slice(0, limit), more: Math.max(0, group.names.length - limit) };
}

/**
 * The subjects of a repeated group to list, a line each: none when the group is shown as its
 * names and one example (its changes all say the same, or it is compatible and has more than
 * COMPATIBLE_SUBJECTS_SHOWN subjects), else every one.
 */
export function listedSubjects<T extends Groupable>(group: Repeated<T>): Subject<T>[] {
  if (group.subjects.length === 1) return [];
  if (group.severity === 'compatible' && group.subjects.length > COMPATIBLE_SUBJECTS_SHOWN) return [];
  return group.subjects;
}

function distinctNames(items: readonly Groupable[]): string[] {
  return [...new Set(items.map((item) => item.name))];
}

function subjectsOf<T extends Groupable>(items: readonly T[]): Subject<T>[] {
  const byDetail = new Map<string | undefined, T[]>();
  for (const item of items) {
    const list = byDetail.get(item.detail) ?? [];
    list.push(item);
    byDetail.set(item.detail, list);
  }
  const subjects = [...byDetail].map(([detail, changes]) => ({ detail, names: distinctNames(changes), changes }));
  // Stable: subjects on as many entities keep the order in which they first appear.
  return subjects.sort((a, b) => b.names.length - a.names.length);
}
