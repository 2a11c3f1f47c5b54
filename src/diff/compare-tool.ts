import type { Json, JsonObject, ToolSnapshot } from '../snapshot/model.js';
import type { Change } from './model.js';
import type { SchemaDirection } from '../schema/model.js';
import { compareSchemas } from '../schema/compare.js';
import { schemaRuleId } from '../rules/schema-rules.js';
import { change } from './emit.js';
import { jsonEqual, own, pointer } from './json.js';
import { freshIndicators, toolSchemaSteering } from './model-text.js';
import { toolDeprecation } from './deprecation.js';

const HINT_DEFAULTS = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } as const;
type Hint = keyof typeof HINT_DEFAULTS;
const HINTS = Object.keys(HINT_DEFAULTS) as Hint[];
const TASK_SUPPORT_DEFAULT = 'forbidden';
const DEPRECATION_META_KEYS = new Set(['deprecated', 'replacement']);

/** Every change between two versions of the same tool (matched by name). */
export function compareTool(before: ToolSnapshot, after: ToolSnapshot): Change[] {
  // Most tools do not change between two releases: one walk settles them.
  if (jsonEqual(before as unknown as Json, after as unknown as Json)) return [];
  const name = before.name;
  const changes: Change[] = [];
  const emit = (rule: string, at: string, b: Json | undefined, a: Json | undefined, params?: JsonObject) =>
    changes.push(change(rule, { entity: 'tool', name, pointer: at, before: b, after: a, params }));

  compareText('title', before, after, emit);
  compareText('description', before, after, emit);
  compareDeprecation(before, after, emit);
  compareSchemaPair(name, 'input', before.inputSchema, after.inputSchema, changes);
  if (before.outputSchema && !after.outputSchema) emit('tool-output-schema-removed', '/outputSchema', undefined, undefined);
  else if (!before.outputSchema && after.outputSchema) emit('tool-output-schema-added', '/outputSchema', undefined, undefined);
  else if (before.outputSchema && after.outputSchema) {
    compareSchemaPair(name, 'output', before.outputSchema, after.outputSchema, changes);
  }
  // Schema descriptions and titles that gained signs of steering the model are reported as such,
  // in place of the comparator's plain description change at the same place.
  const steering = toolSchemaSteering(before, after);
  if (steering.length > 0) {
    const places = new Set(steering.map((item) => item.pointer));
    const plain = new Set(['input-description-changed', 'output-description-changed']);
    changes.splice(0, changes.length, ...changes.filter((item) => !(plain.has(item.rule) && places.has(item.pointer))), ...steering);
  }
  compareAnnotations(before.annotations ?? {}, after.annotations ?? {}, emit);
  compareExecution(before.execution ?? {}, after.execution ?? {}, emit);
  compareMetadata(before, after, emit, deprecatedViaMeta(before, after));
  return changes;
}

type Emit = (rule: string, at: string, before: Json | undefined, after: Json | undefined, params?: JsonObject) => void;

/** Title and description: changed wording, or, when signs of steering the model appeared, a risky change of its own. */
function compareText(field: 'title' | 'description', before: ToolSnapshot, after: ToolSnapshot, emit: Emit): void {
  if (before[field] === after[field]) return;
  const indicators = freshIndicators(before[field], after[field]);
  if (indicators.length > 0) emit(`tool-${field}-instructions-added`, `/${field}`, before[field], after[field], { indicators });
  else emit(`tool-${field}-changed`, `/${field}`, before[field], after[field]);
}

function compareDeprecation(before: ToolSnapshot, after: ToolSnapshot, emit: Emit): void {
  if (toolDeprecation(before)) return;
  const deprecation = toolDeprecation(after);
  if (!deprecation) return;
  const at = deprecation.via === '_meta' ? '/_meta/deprecated' : '/description';
  emit(
    'tool-deprecated',
    at,
    undefined,
    undefined,
    deprecation.replacement === undefined ? undefined : { replacement: deprecation.replacement },
  );
}

export function compareSchemaPair(
  name: string,
  direction: SchemaDirection,
  before: JsonObject,
  after: JsonObject,
  changes: Change[],
): void {
  if (jsonEqual(before, after)) return;
  const base = direction === 'input' ? '/inputSchema' : '/outputSchema';
  for (const difference of compareSchemas(before, after)) {
    const params: JsonObject = { path: difference.path, direction, ...(difference.params ?? {}) };
    changes.push(
      change(schemaRuleId(direction, difference.aspect), {
        entity: 'tool',
        name,
        pointer: base + difference.pointer,
        before: difference.before,
        after: difference.after,
        params,
      }),
    );
  }
}

function hint(annotations: JsonObject, key: Hint): boolean {
  const value = annotations[key];
  return typeof value === 'boolean' ? value : HINT_DEFAULTS[key];
}

/**
 * Hints are compared by effective value. destructiveHint and idempotentHint only mean something
 * when the tool is not read-only (a read-only tool destroys nothing and may be repeated), so when
 * readOnlyHint changes, which is reported itself, they are reported only if their own value (written,
 * or the default) changed too: the effective values that follow from the read-only change alone are
 * not changes of theirs, in either direction.
 */
function compareAnnotations(before: JsonObject, after: JsonObject, emit: Emit): void {
  const readOnlyBefore = hint(before, 'readOnlyHint');
  const readOnlyAfter = hint(after, 'readOnlyHint');
  const effective = (annotations: JsonObject, readOnly: boolean, key: Hint): boolean =>
    key === 'destructiveHint' && readOnly ? false : key === 'idempotentHint' && readOnly ? true : hint(annotations, key);

  for (const key of HINTS) {
    const governed = key === 'destructiveHint' || key === 'idempotentHint';
    if (governed && readOnlyBefore !== readOnlyAfter && hint(before, key) === hint(after, key)) continue;
    const was = key === 'readOnlyHint' ? readOnlyBefore : effective(before, readOnlyBefore, key);
    const now = key === 'readOnlyHint' ? readOnlyAfter : effective(after, readOnlyAfter, key);
    if (was === now) continue;
    const risky = key === 'readOnlyHint' || key === 'idempotentHint' ? !now : now;
    const rule = {
      readOnlyHint: risky ? 'tool-read-only-hint-removed' : 'tool-read-only-hint-added',
      destructiveHint: risky ? 'tool-destructive-hint-added' : 'tool-destructive-hint-removed',
      idempotentHint: risky ? 'tool-idempotent-hint-removed' : 'tool-idempotent-hint-added',
      openWorldHint: risky ? 'tool-open-world-hint-added' : 'tool-open-world-hint-removed',
    }[key];
    emit(rule, pointer('annotations', key), before[key], after[key], { effective: now });
  }

  const others = new Set([...Object.keys(before), ...Object.keys(after)].filter((k) => !Object.hasOwn(HINT_DEFAULTS, k)));
  for (const key of others) {
    if (!jsonEqual(own(before, key), own(after, key))) {
      emit('tool-annotation-changed', pointer('annotations', key), own(before, key), own(after, key));
    }
  }
}

function compareExecution(before: JsonObject, after: JsonObject, emit: Emit): void {
  const was = typeof before.taskSupport === 'string' ? before.taskSupport : TASK_SUPPORT_DEFAULT;
  const now = typeof after.taskSupport === 'string' ? after.taskSupport : TASK_SUPPORT_DEFAULT;
  if (was !== now) {
    const rule =
      now === 'required'
        ? 'tool-task-support-required'
        : now === 'optional'
          ? 'tool-task-support-relaxed'
          : 'tool-task-support-forbidden';
    emit(rule, '/execution/taskSupport', was, now);
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (key !== 'taskSupport' && !jsonEqual(own(before, key), own(after, key))) {
      emit('tool-metadata-changed', pointer('execution', key), own(before, key), own(after, key));
    }
  }
}

/** When `tool-deprecated` already reports the `_meta` mark, its keys are not reported again. */
function deprecatedViaMeta(before: ToolSnapshot, after: ToolSnapshot): boolean {
  return !toolDeprecation(before) && toolDeprecation(after)?.via === '_meta';
}

function compareMetadata(before: ToolSnapshot, after: ToolSnapshot, emit: Emit, skipDeprecationKeys: boolean): void {
  if (!jsonEqual(before.icons, after.icons)) emit('tool-metadata-changed', '/icons', before.icons, after.icons);
  const metaBefore = before._meta ?? {};
  const metaAfter = after._meta ?? {};
  for (const key of new Set([...Object.keys(metaBefore), ...Object.keys(metaAfter)])) {
    if (skipDeprecationKeys && DEPRECATION_META_KEYS.has(key)) continue;
    if (!jsonEqual(own(metaBefore, key), own(metaAfter, key))) {
      emit('tool-metadata-changed', pointer('_meta', key), own(metaBefore, key), own(metaAfter, key));
    }
  }
}
