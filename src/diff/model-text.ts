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

/**
 * Every `description` and `title` string of a JSON Schema, at any depth, by RFC 6901 pointer
 * (prefixed with `at`). Walked with an explicit stack: a schema's depth is the server's choice.
 */
export function schemaTexts(schema: Json | undefined, at: string): Map<string, string> {
  const texts = new Map<string, string>();
  // Only arrays and objects are walked into: a pointer is written for them and for the texts, not for every value.
  const stack: Array<[Json[] | JsonObject, string]> = isContainer(schema) ? [[schema, at]] : [];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [value, where] = entry;
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item = value[index];
        if (isContainer(item)) stack.push([item, `${where}/${index}`]);
      }
      continue;
    }
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      const item = value[key];
      if ((key === 'description' || key === 'title') && typeof item === 'string') texts.set(`${where}${pointer(key)}`, item);
      else if (isContainer(item)) stack.push([item, `${where}${pointer(key)}`]);
    }
  }
  return texts;
}

function isContainer(value: Json | undefined): value is Json[] | JsonObject {
  return value !== null && typeof value === 'object';
}

/** The places of a tool's schemas whose description or title gained signs of steering the model. */
export function toolSchemaSteering(before: ToolSnapshot | undefined, after: ToolSnapshot): Change[] {
  const changes: Change[] = [];
  for (const [key, at] of [['inputSchema', '/inputSchema'], ['outputSchema', '/outputSchema']] as const) {
    if (before && jsonEqual(before[key], after[key])) continue;
    const was = schemaTexts(before?.[key], at);
    for (const [where, text] of schemaTexts(after[key], at)) {
      const indicators = freshIndicators(was.get(where), text);
      if (indicators.length === 0) continue;
      changes.push(
        change('tool-schema-description-instructions-added', {
          entity: 'tool',
          name: before?.name ?? after.name,
          pointer: where,
          before: was.get(where),
          after: text,
          params: { indicators, field: where.slice(where.lastIndexOf('/') + 1) },
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
