import type { PromptSnapshot, Snapshot, ToolSnapshot } from '../snapshot/model.js';
import type { EntityKind } from '../rules/types.js';
import type { Change, SnapshotDiff } from './model.js';
import { attachToolSuggestions } from '../suggest/suggest-tool.js';
import { change } from './emit.js';
import { compareStrings, jsonEqual } from './json.js';
import { matchByKey } from './match.js';
import { detectPromptRenames, detectRenames, type Rename } from './renames.js';
import { toolDeprecation } from './deprecation.js';
import { compareSchemaPair, compareTool } from './compare-tool.js';
import { comparePrompt } from './compare-prompt.js';
import { compareDescribed, templateVariables } from './compare-resource.js';
import { compareServer } from './compare-server.js';
import { addedPromptSteering, toolSteering } from './model-text.js';
import { clientLimitChanges, type ClientLimitOptions } from './client-limits.js';

const ENTITY_ORDER: Record<EntityKind, number> = { server: 0, tool: 1, prompt: 2, resource: 3, resourceTemplate: 4 };

/** Deterministic order: entity kind, name, pointer, rule id. */
export function compareChanges(a: Change, b: Change): number {
  return (
    ENTITY_ORDER[a.entity] - ENTITY_ORDER[b.entity] ||
    compareStrings(a.name, b.name) ||
    compareStrings(a.pointer, b.pointer) ||
    compareStrings(a.rule, b.rule)
  );
}

/** What else a diff checks: the limits of the chosen clients (`--client`). */
export type DiffOptions = Partial<Omit<ClientLimitOptions, 'renames'>>;

/**
 * Compares two snapshots and classifies every difference with the registry's default severity.
 * Pure: no I/O, inputs are not modified. Policy (overrides, acknowledgements) is applied later.
 */
export function diffSnapshots(base: Snapshot, head: Snapshot, options: DiffOptions = {}): SnapshotDiff {
  const notes: string[] = [];
  if (!jsonEqual(base.client?.capabilities ?? {}, head.client?.capabilities ?? {})) {
    notes.push(
      `The snapshots were taken with different client capabilities (base ${JSON.stringify(
        base.client?.capabilities ?? {},
      )}, head ${JSON.stringify(head.client?.capabilities ?? {})}); some servers list different tools to different clients, so part of this diff may come from the capture rather than the server.`,
    );
  }

  const changes: Change[] = [
    ...compareServer(base.server, head.server),
    ...diffTools(base, head),
    ...diffPrompts(base, head),
    ...diffResources(base, head),
    ...diffResourceTemplates(base, head),
  ];
  changes.sort(compareChanges);
  const withSuggestions = attachToolSuggestions(changes, base, head);
  if (!options.clients?.length) return { changes: withSuggestions, notes };
  // After the tool suggestions: a client limit has its own (a compliant name), not a versioned tool.
  const renames = new Map(changes.filter((c) => c.rule === 'tool-renamed' && typeof c.after === 'string').map((c) => [c.name, c.after as string]));
  const clientChanges = clientLimitChanges(base, head, { clients: options.clients, serverKey: options.serverKey, renames });
  return { changes: [...withSuggestions, ...clientChanges].sort(compareChanges), notes };
}

function diffTools(base: Snapshot, head: Snapshot): Change[] {
  const changes: Change[] = [];
  const { matched, removed, added } = matchByKey(base.tools, head.tools, (t) => t.name);
  const deprecated = removed.filter((t) => toolDeprecation(t) !== undefined);
  const plainRemoved = removed.filter((t) => toolDeprecation(t) === undefined);
  const renamed = detectRenames(plainRemoved, added);

  for (const tool of deprecated) {
    const replacement = toolDeprecation(tool)?.replacement;
    changes.push(
      change('deprecated-tool-removed', {
        entity: 'tool',
        name: tool.name,
        pointer: '',
        params: replacement === undefined ? undefined : { replacement },
      }),
    );
  }
  for (const tool of renamed.removed) changes.push(change('tool-removed', { entity: 'tool', name: tool.name, pointer: '' }));
  for (const tool of renamed.added) {
    changes.push(change('tool-added', { entity: 'tool', name: tool.name, pointer: '' }), ...toolSteering(undefined, tool));
  }
  for (const rename of renamed.renames) {
    changes.push(
      renameChange('tool-renamed', 'tool', rename, inputSchemaFacts(rename.before, rename.after)),
      // A renamed tool is not compared field by field, but text it newly carries to the model is.
      ...toolSteering(rename.before, rename.after),
    );
  }
  for (const [before, after] of matched) changes.push(...compareTool(before, after));
  return changes;
}

/**
 * Whether a renamed tool's input schema changed, and whether the change rejects calls the old
 * schema accepted: only then must an alias under the old name translate the arguments (a schema
 * that only accepts more, such as one no longer closed to unknown properties, takes the old calls as they are).
 */
function inputSchemaFacts(before: ToolSnapshot, after: ToolSnapshot): Record<string, boolean> {
  if (jsonEqual(before.inputSchema, after.inputSchema)) return { inputSchemaChanged: false };
  const found: Change[] = [];
  compareSchemaPair(before.name, 'input', before.inputSchema, after.inputSchema, found);
  return { inputSchemaChanged: true, inputSchemaNarrowed: found.some((item) => item.severity === 'breaking') };
}

/** A rename as one change at `/name`: its similarity, whether only the case style changed, and what `facts` add. */
function renameChange<T extends { name: string }>(rule: 'tool-renamed' | 'prompt-renamed', entity: 'tool' | 'prompt', rename: Rename<T>, facts: Record<string, boolean>): Change {
  return change(rule, {
    entity,
    name: rename.before.name,
    pointer: '/name',
    before: rename.before.name,
    after: rename.after.name,
    params: { similarity: rename.similarity, ...facts, ...(rename.sameWords ? { sameWords: true } : {}) },
  });
}

/** What a `prompts/get` request depends on: argument names and which are required, in any order. */
function argumentSignature(prompt: PromptSnapshot): string {
  const args = (prompt.arguments ?? []).map((arg) => `${arg.required === true ? '!' : '?'}${arg.name}`);
  return JSON.stringify(args.sort(compareStrings));
}

function diffPrompts(base: Snapshot, head: Snapshot): Change[] {
  const changes: Change[] = [];
  const { matched, removed, added } = matchByKey(base.prompts, head.prompts, (p) => p.name);
  const renamed = detectPromptRenames(removed, added);
  for (const prompt of renamed.removed) changes.push(change('prompt-removed', { entity: 'prompt', name: prompt.name, pointer: '' }));
  for (const prompt of renamed.added) changes.push(change('prompt-added', { entity: 'prompt', name: prompt.name, pointer: '' }), ...addedPromptSteering(prompt));
  for (const rename of renamed.renames) {
    changes.push(
      renameChange('prompt-renamed', 'prompt', rename, { argumentsChanged: argumentSignature(rename.before) !== argumentSignature(rename.after) }),
      // As for tools: not compared field by field, but text it newly carries to the model is.
      ...comparePrompt(rename.before, rename.after).filter((c) => c.rule.endsWith('-instructions-added')),
    );
  }
  for (const [before, after] of matched) changes.push(...comparePrompt(before, after));
  return changes;
}

/** Pairs leftovers of a key match by their `name` when it is unique on both sides: a moved entity. */
function pairByName<T extends { name: string }>(removed: T[], added: T[]): { pairs: Array<[T, T]>; removed: T[]; added: T[] } {
  const unique = (items: T[]) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(item.name, (counts.get(item.name) ?? 0) + 1);
    return new Map(items.filter((item) => counts.get(item.name) === 1).map((item) => [item.name, item]));
  };
  const addedByName = unique(added);
  const removedByName = unique(removed);
  const pairs: Array<[T, T]> = [];
  for (const [name, item] of removedByName) {
    const other = addedByName.get(name);
    if (other) pairs.push([item, other]);
  }
  const paired = new Set<T>(pairs.flat());
  return { pairs, removed: removed.filter((r) => !paired.has(r)), added: added.filter((a) => !paired.has(a)) };
}

function diffResources(base: Snapshot, head: Snapshot): Change[] {
  const changes: Change[] = [];
  const matching = matchByKey(base.resources, head.resources, (r) => r.uri);
  const moved = pairByName(matching.removed, matching.added);
  for (const r of moved.removed) changes.push(change('resource-removed', { entity: 'resource', name: r.uri, pointer: '' }));
  for (const r of moved.added) changes.push(change('resource-added', { entity: 'resource', name: r.uri, pointer: '' }));
  for (const [before, after] of moved.pairs) {
    changes.push(
      change('resource-uri-changed', {
        entity: 'resource',
        name: before.uri,
        pointer: '/uri',
        before: before.uri,
        after: after.uri,
        params: { resourceName: before.name },
      }),
    );
  }
  for (const [before, after] of [...matching.matched, ...moved.pairs]) {
    changes.push(...compareDescribed('resource', before.uri, before, after));
  }
  return changes;
}

function diffResourceTemplates(base: Snapshot, head: Snapshot): Change[] {
  const changes: Change[] = [];
  const matching = matchByKey(base.resourceTemplates, head.resourceTemplates, (t) => t.uriTemplate);
  const moved = pairByName(matching.removed, matching.added);
  const entity = 'resourceTemplate' as const;
  for (const t of moved.removed) changes.push(change('resource-template-removed', { entity, name: t.uriTemplate, pointer: '' }));
  for (const t of moved.added) changes.push(change('resource-template-added', { entity, name: t.uriTemplate, pointer: '' }));
  for (const [before, after] of moved.pairs) {
    const variablesBefore = templateVariables(before.uriTemplate);
    const variablesAfter = templateVariables(after.uriTemplate);
    const sameVariables = jsonEqual(variablesBefore, variablesAfter);
    changes.push(
      change(sameVariables ? 'resource-template-uri-changed' : 'resource-template-variables-changed', {
        entity,
        name: before.uriTemplate,
        pointer: '/uriTemplate',
        before: before.uriTemplate,
        after: after.uriTemplate,
        params: { templateName: before.name, variablesBefore, variablesAfter },
      }),
    );
  }
  for (const [before, after] of [...matching.matched, ...moved.pairs]) {
    changes.push(...compareDescribed(entity, before.uriTemplate, before, after));
  }
  return changes;
}
