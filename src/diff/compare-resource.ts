import type { Json, JsonObject, ResourceSnapshot, ResourceTemplateSnapshot } from '../snapshot/model.js';
import type { EntityKind } from '../rules/types.js';
import type { Change } from './model.js';
import { change } from './emit.js';
import { jsonEqual, own, pointer } from './json.js';

type Described = ResourceSnapshot | ResourceTemplateSnapshot;

const INFORMATIONAL_FIELDS = ['name', 'title', 'description', 'size', 'icons', '_meta'] as const;

/** `type/subtype` in lower case, parameters dropped: `application/json; charset=utf-8` is still JSON. */
export function mediaTypeEssence(mimeType: string): string {
  return (mimeType.split(';')[0] ?? '').trim().toLowerCase();
}

/** Fields shared by resources and templates: media type, display metadata, annotations. */
export function compareDescribed(
  entity: Extract<EntityKind, 'resource' | 'resourceTemplate'>,
  name: string,
  before: Described,
  after: Described,
): Change[] {
  const changes: Change[] = [];
  const rules =
    entity === 'resource'
      ? { mime: 'resource-mime-type-changed', metadata: 'resource-metadata-changed' }
      : { mime: 'resource-template-mime-type-changed', metadata: 'resource-template-metadata-changed' };
  const emit = (rule: string, at: string, b?: Json, a?: Json, params?: JsonObject) =>
    changes.push(change(rule, { entity, name, pointer: at, before: b, after: a, params }));

  if (before.mimeType !== after.mimeType) {
    const essenceChanged =
      before.mimeType !== undefined &&
      after.mimeType !== undefined &&
      mediaTypeEssence(before.mimeType) !== mediaTypeEssence(after.mimeType);
    emit(essenceChanged ? rules.mime : rules.metadata, '/mimeType', before.mimeType, after.mimeType);
  }
  const record = (value: Described) => value as unknown as Record<string, Json | undefined>;
  for (const field of INFORMATIONAL_FIELDS) {
    const was = record(before)[field];
    const now = record(after)[field];
    if (!jsonEqual(was, now)) emit(rules.metadata, pointer(field), was, now);
  }
  const annotationsBefore = before.annotations ?? {};
  const annotationsAfter = after.annotations ?? {};
  for (const key of new Set([...Object.keys(annotationsBefore), ...Object.keys(annotationsAfter)])) {
    if (!jsonEqual(own(annotationsBefore, key), own(annotationsAfter, key))) {
      emit(rules.metadata, pointer('annotations', key), own(annotationsBefore, key), own(annotationsAfter, key));
    }
  }
  return changes;
}

/**
 * Variable names of an RFC 6570 template, sorted and unique: `{+path}`, `{?q,lang}`, `{id:3}`,
 * `{list*}` -> path, q, lang, id, list.
 */
export function templateVariables(uriTemplate: string): string[] {
  const names = new Set<string>();
  for (const match of uriTemplate.matchAll(/\{([^}]*)\}/g)) {
    const expression = (match[1] ?? '').replace(/^[+#./;?&=,!@|]/, '');
    for (const spec of expression.split(',')) {
      const variable = spec.trim().replace(/\*$/, '').replace(/:\d+$/, '');
      if (variable) names.add(variable);
    }
  }
  return [...names].sort();
}
