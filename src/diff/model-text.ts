import type { Json, JsonObject, PromptSnapshot, ToolSnapshot } from '../snapshot/model.js';
import type { Change } from './model.js';
import { change } from './emit.js';
import { jsonEqual, pointer } from './json.js';
import { modelInstructionIndicators } from './model-instructions.js';

// Text that reaches the model: tool titles, descriptions and the descriptions and titles inside
// their schemas, prompt and prompt-argument descriptions, server instructions. A change that adds
// signs of steering the model to any of them is risky, with a rule id per place.

/** Indicators in `after` that `before` did not have; none when the text did not change. */
export function freshIndicators(before: string | undefined, after: string | undefined): string[] {
  if (after === undefined || after === before) return [];
  const found = modelInstructionIndicators(after);
  if (found.length === 0) return [];
  const known = new Set(modelInstructionIndicators(before));
  return found.filter((label) => !known.has(label));
}

function isContainer(value: Json | undefined): value is Json[] | JsonObject {
  return value !== null && typeof value === 'object';
}

/** A place in the walk of changedSchemaTexts: its container in `after` and in `before`, and how it was reached. */
interface Place {
  value: Json[] | JsonObject;
  was: Json | undefined;
  key?: string;
  parent?: Place;
}

/**
 * Every `description` and `title` string of the JSON Schema `after`, at any depth, whose text is not
 * the one `before` holds at the same RFC 6901 pointer (prefixed with `at`). One walk of `after`,
 * with an explicit stack (a schema's depth is the server's choice), that follows `before` along;
 * a pointer is written only for the texts found.
 */
export function changedSchemaTexts(before: Json | undefined, after: Json | undefined, at: string): Array<{ pointer: string; before: string | undefined; after: string }> {
  const found: Array<{ pointer: string; before: string | undefined; after: string }> = [];
  const stack: Place[] = isContainer(after) ? [{ value: after, was: before }] : [];
  const pointerOf = (place: Place, key: string): string => {
    const tokens = [key];
    for (let step: Place | undefined = place; step?.key !== undefined; step = step.parent) tokens.push(step.key);
    return at + tokens.reverse().map((token) => pointer(token)).join('');
  };
  for (let place = stack.pop(); place !== undefined; place = stack.pop()) {
    const { value, was } = place;
    // The same pointer reads an array's index and an object's key alike.
    const old = (key: string): Json | undefined => (isContainer(was) && Object.hasOwn(was, key) ? (was as Record<string, Json>)[key] : undefined);
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item = value[index];
        if (isContainer(item)) stack.push({ value: item, was: old(String(index)), key: String(index), parent: place });
      }
      continue;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = value[key];
      if ((key === 'description' || key === 'title') && typeof item === 'string') {
        const text = old(key);
        const previous = typeof text === 'string' ? text : undefined;
        if (previous !== item) found.push({ pointer: pointerOf(place, key), before: previous, after: item });
      } else if (isContainer(item)) stack.push({ value: item, was: old(key), key, parent: place });
    }
  }
  return found;
}

/** The places of a tool's schemas whose description or title gained signs of steering the model. */
export function toolSchemaSteering(before: ToolSnapshot | undefined, after: ToolSnapshot): Change[] {
  const changes: Change[] = [];
  for (const [key, at] of [['inputSchema', '/inputSchema'], ['outputSchema', '/outputSchema']] as const) {
    if (before && jsonEqual(before[key], after[key])) continue;
    for (const text of changedSchemaTexts(before?.[key], after[key], at)) {
      const indicators = freshIndicators(text.before, text.after);
      if (indicators.length === 0) continue;
      changes.push(
        change('tool-schema-description-instructions-added', {
          entity: 'tool',
          name: before?.name ?? after.name,
          pointer: text.pointer,
          before: text.before,
          after: text.after,
          params: { indicators, field: text.pointer.slice(text.pointer.lastIndexOf('/') + 1) },
        }),
      );
    }
  }
  return changes;
}

/** A tool new in the head (added, or the new side of a rename): its texts against nothing, or against its old self. */
export function toolSteering(before: ToolSnapshot | undefined, after: ToolSnapshot): Change[] {
  const changes: Change[] = [];
  const name = before?.name ?? after.name;
  for (const field of ['title', 'description'] as const) {
    const indicators = freshIndicators(before?.[field], after[field]);
    if (indicators.length > 0) {
      changes.push(change(`tool-${field}-instructions-added`, { entity: 'tool', name, pointer: `/${field}`, before: before?.[field], after: after[field], params: { indicators } }));
    }
  }
  return [...changes, ...toolSchemaSteering(before, after)];
}

/** A prompt new in the head: its description and its arguments' descriptions against nothing. */
export function addedPromptSteering(prompt: PromptSnapshot): Change[] {
  const changes: Change[] = [];
  const indicators = freshIndicators(undefined, prompt.description);
  if (indicators.length > 0) {
    changes.push(change('prompt-description-instructions-added', { entity: 'prompt', name: prompt.name, pointer: '/description', after: prompt.description, params: { indicators } }));
  }
  for (const argument of prompt.arguments ?? []) {
    for (const field of ['title', 'description'] as const) {
      const found = freshIndicators(undefined, argument[field]);
      if (found.length === 0) continue;
      changes.push(
        change('prompt-argument-description-instructions-added', {
          entity: 'prompt',
          name: prompt.name,
          pointer: `${pointer('arguments', argument.name)}/${field}`,
          after: argument[field],
          params: { indicators: found, argument: argument.name, field },
        }),
      );
    }
  }
  return changes;
}
