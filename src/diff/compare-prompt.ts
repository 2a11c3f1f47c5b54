import type { Json, JsonObject, PromptArgumentSnapshot, PromptSnapshot } from '../snapshot/model.js';
import type { Change } from './model.js';
import { change } from './emit.js';
import { jsonEqual, pointer } from './json.js';
import { matchByKey } from './match.js';
import { freshIndicators } from './model-text.js';

/**
 * Every change between two versions of the same prompt. Arguments are addressed by name
 * (`/arguments/<name>`), not by array index, so a pointer stays stable when arguments are reordered.
 */
export function comparePrompt(before: PromptSnapshot, after: PromptSnapshot): Change[] {
  const name = before.name;
  const changes: Change[] = [];
  const emit = (rule: string, at: string, b?: Json, a?: Json, params?: JsonObject) =>
    changes.push(change(rule, { entity: 'prompt', name, pointer: at, before: b, after: a, params }));

  if (before.title !== after.title) emit('prompt-title-changed', '/title', before.title, after.title);
  if (before.description !== after.description) {
    const indicators = freshIndicators(before.description, after.description);
    if (indicators.length > 0) emit('prompt-description-instructions-added', '/description', before.description, after.description, { indicators });
    else emit('prompt-description-changed', '/description', before.description, after.description);
  }

  const args = matchByKey(before.arguments ?? [], after.arguments ?? [], (arg) => arg.name);
  for (const arg of args.removed) {
    emit('prompt-argument-removed', pointer('arguments', arg.name), undefined, undefined, { argument: arg.name });
  }
  for (const arg of args.added) {
    emit(
      arg.required === true ? 'prompt-argument-added-required' : 'prompt-argument-added-optional',
      pointer('arguments', arg.name),
      undefined,
      undefined,
      { argument: arg.name },
    );
    for (const field of ['title', 'description'] as const) {
      const indicators = freshIndicators(undefined, arg[field]);
      if (indicators.length > 0) {
        emit('prompt-argument-description-instructions-added', `${pointer('arguments', arg.name)}/${field}`, undefined, arg[field], { argument: arg.name, field, indicators });
      }
    }
  }
  for (const [was, now] of args.matched) compareArgument(was, now, emit);

  if (!jsonEqual(before.icons, after.icons)) emit('prompt-metadata-changed', '/icons', before.icons, after.icons);
  if (!jsonEqual(before._meta, after._meta)) emit('prompt-metadata-changed', '/_meta', before._meta, after._meta);
  return changes;
}

function compareArgument(
  before: PromptArgumentSnapshot,
  after: PromptArgumentSnapshot,
  emit: (rule: string, at: string, b?: Json, a?: Json, params?: JsonObject) => void,
): void {
  const at = pointer('arguments', before.name);
  const required = (arg: PromptArgumentSnapshot) => arg.required === true;
  if (required(before) !== required(after)) {
    emit(
      required(after) ? 'prompt-argument-became-required' : 'prompt-argument-became-optional',
      `${at}/required`,
      required(before),
      required(after),
      { argument: before.name },
    );
  }
  for (const field of ['title', 'description'] as const) {
    if (before[field] !== after[field]) {
      const indicators = freshIndicators(before[field], after[field]);
      emit(indicators.length > 0 ? 'prompt-argument-description-instructions-added' : 'prompt-argument-description-changed', `${at}/${field}`, before[field], after[field], {
        argument: before.name,
        field,
        ...(indicators.length > 0 ? { indicators } : {}),
      });
    }
  }
}
