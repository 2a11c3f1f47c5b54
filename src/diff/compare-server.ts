import type { Json, JsonObject, ServerSnapshot } from '../snapshot/model.js';
import type { Change } from './model.js';
import { change } from './emit.js';
import { jsonEqual, own, pointer } from './json.js';
import { freshIndicators } from './model-text.js';

/** The capabilities the MCP specification defines for servers (2025-11-25): what a standard client acts on. */
const SERVER_CAPABILITIES = new Set(['tools', 'prompts', 'resources', 'logging', 'completions', 'tasks']);

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSet(value: Json | undefined): boolean {
  return value !== undefined && value !== null && value !== false;
}

/** Server identity, protocol revision, instructions and capabilities. Changes are named after the base server. */
export function compareServer(before: ServerSnapshot, after: ServerSnapshot): Change[] {
  const name = before.name;
  const changes: Change[] = [];
  const emit = (rule: string, at: string, b?: Json, a?: Json, params?: JsonObject) =>
    changes.push(change(rule, { entity: 'server', name, pointer: at, before: b, after: a, params }));

  if (before.name !== after.name) emit('server-name-changed', '/name', before.name, after.name);
  if (before.title !== after.title) emit('server-title-changed', '/title', before.title, after.title);
  if (before.protocolVersion !== after.protocolVersion) {
    // Revisions are dates (YYYY-MM-DD), so string order is chronological order.
    const downgraded = after.protocolVersion < before.protocolVersion;
    emit(
      downgraded ? 'server-protocol-version-downgraded' : 'server-protocol-version-changed',
      '/protocolVersion',
      before.protocolVersion,
      after.protocolVersion,
    );
  }
  if (before.instructions !== after.instructions) {
    const indicators = freshIndicators(before.instructions, after.instructions);
    if (indicators.length > 0) emit('server-instructions-steering-added', '/instructions', before.instructions, after.instructions, { indicators });
    else emit('server-instructions-changed', '/instructions', before.instructions, after.instructions);
  }
  compareCapabilities(before.capabilities, after.capabilities, emit);
  return changes;
}

function compareCapabilities(
  before: JsonObject,
  after: JsonObject,
  emit: (rule: string, at: string, b?: Json, a?: Json, params?: JsonObject) => void,
): void {
  for (const capability of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const was = own(before, capability);
    const now = own(after, capability);
    const at = pointer('capabilities', capability);
    if (isSet(was) && !isSet(now)) {
      emit(SERVER_CAPABILITIES.has(capability) ? 'server-capability-removed' : 'server-nonstandard-capability-removed', at, was, now, { capability });
      continue;
    }
    if (!isSet(was) && isSet(now)) {
      emit('server-capability-added', at, was, now, { capability });
      continue;
    }
    if (jsonEqual(was, now)) continue;
    const optionsBefore = isObject(was) ? was : {};
    const optionsAfter = isObject(now) ? now : {};
    for (const option of new Set([...Object.keys(optionsBefore), ...Object.keys(optionsAfter)])) {
      const optionWas = own(optionsBefore, option);
      const optionNow = own(optionsAfter, option);
      if (jsonEqual(optionWas, optionNow)) continue;
      const optionAt = pointer('capabilities', capability, option);
      const params = { capability, option };
      if (capability === 'resources' && option === 'subscribe' && isSet(optionWas) && !isSet(optionNow)) {
        emit('server-resource-subscribe-removed', optionAt, optionWas, optionNow, params);
      } else if (!isSet(optionWas) && isSet(optionNow)) {
        emit('server-capability-option-added', optionAt, optionWas, optionNow, params);
      } else {
        // Withdrawn, or changed in a way that cannot be judged (a nested object): clients may rely on the old value.
        emit('server-capability-option-removed', optionAt, optionWas, optionNow, params);
      }
    }
  }
}
