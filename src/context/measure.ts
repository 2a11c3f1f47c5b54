import { compareCodeUnits, sortKeysDeep } from '../snapshot/canonical.js';
import type { Json, PromptSnapshot, Snapshot, ToolSnapshot } from '../snapshot/model.js';

// What a server adds to a model's context, counted in tokens. Pure: the caller passes the
// tokenizer's count function (src/context/tokenizer.ts, loaded only when counting is asked for).

/** Tokens of one text, as the chosen encoding counts them. */
export type CountTokens = (text: string) => number;

export type ContextEntityKind = 'server' | 'tool' | 'prompt';

/** One tool, prompt or the server's instructions: its tokens on each side (0 where it is absent). */
export interface ContextEntityCost {
  entity: ContextEntityKind;
  /** The tool's or prompt's name; for the instructions, the server's name. */
  name: string;
  baseTokens: number;
  headTokens: number;
  delta: number;
}

export interface ContextCost {
  /** The tokenizer's encoding, e.g. `o200k_base`. */
  encoding: string;
  baseTokens: number;
  headTokens: number;
  delta: number;
  /** Entities whose count changed (added, removed or edited), largest change first. */
  entities: ContextEntityCost[];
}

/**
 * The text of a tool as it reaches a model: the fields an MCP client forwards from `tools/list`
 * (name, title, description, inputSchema, outputSchema), as compact JSON in the snapshot's sorted
 * key order, at every level: a snapshot file has it already, a live capture (`check`) has the
 * server's own order, and both must count the same. Annotations, icons, execution and `_meta` are
 * for the client, not the model.
 */
export function toolContextText(tool: ToolSnapshot): string {
  return JSON.stringify(
    sortKeysDeep({
      ...(tool.description === undefined ? {} : { description: tool.description }),
      inputSchema: tool.inputSchema,
      name: tool.name,
      ...(tool.outputSchema === undefined ? {} : { outputSchema: tool.outputSchema }),
      ...(tool.title === undefined ? {} : { title: tool.title }),
    } as Json),
  );
}

/** The text of a prompt as a client lists it to a model: name, title, description and arguments, as compact JSON. */
export function promptContextText(prompt: PromptSnapshot): string {
  return JSON.stringify(
    sortKeysDeep({
      ...(prompt.arguments === undefined ? {} : { arguments: prompt.arguments }),
      ...(prompt.description === undefined ? {} : { description: prompt.description }),
      name: prompt.name,
      ...(prompt.title === undefined ? {} : { title: prompt.title }),
    } as unknown as Json),
  );
}

/**
 * Each counted entity of one snapshot, keyed by kind and name, with its text. `toolTexts` keeps the
 * text of each tool object: a head tool that is byte for byte a base tool is the base's object
 * (src/snapshot/tool-chunks.ts), so it is serialised once.
 */
function contextTexts(snapshot: Snapshot, toolTexts: WeakMap<ToolSnapshot, string>): Map<string, { entity: ContextEntityKind; name: string; text: string }> {
  const texts = new Map<string, { entity: ContextEntityKind; name: string; text: string }>();
  const instructions = snapshot.server.instructions;
  if (instructions !== undefined && instructions !== '') texts.set('server', { entity: 'server', name: snapshot.server.name, text: instructions });
  for (const tool of snapshot.tools) {
    let text = toolTexts.get(tool);
    if (text === undefined) {
      text = toolContextText(tool);
      toolTexts.set(tool, text);
    }
    texts.set(`tool\u0000${tool.name}`, { entity: 'tool', name: tool.name, text });
  }
  for (const prompt of snapshot.prompts) texts.set(`prompt\u0000${prompt.name}`, { entity: 'prompt', name: prompt.name, text: promptContextText(prompt) });
  return texts;
}

/**
 * Counts both sides. A text is counted once however often it occurs: an unchanged tool costs one
 * count for both snapshots (tokenizing is the expensive part, about 0.1 ms per realistic tool).
 */
export function measureContext(base: Snapshot, head: Snapshot, count: CountTokens, encoding: string): ContextCost {
  const counted = new Map<string, number>();
  const tokensOf = (text: string): number => {
    let tokens = counted.get(text);
    if (tokens === undefined) {
      tokens = count(text);
      counted.set(text, tokens);
    }
    return tokens;
  };
  const toolTexts = new WeakMap<ToolSnapshot, string>();
  const before = contextTexts(base, toolTexts);
  const after = contextTexts(head, toolTexts);
  const entities: ContextEntityCost[] = [];
  let baseTokens = 0;
  let headTokens = 0;
  for (const [key, entry] of before) {
    const baseCount = tokensOf(entry.text);
    baseTokens += baseCount;
    const other = after.get(key);
    if (other?.text === entry.text) continue;
    const headCount = other === undefined ? 0 : tokensOf(other.text);
    if (headCount !== baseCount) entities.push({ entity: entry.entity, name: other?.name ?? entry.name, baseTokens: baseCount, headTokens: headCount, delta: headCount - baseCount });
  }
  for (const [key, entry] of after) {
    const headCount = tokensOf(entry.text);
    headTokens += headCount;
    if (!before.has(key) && headCount !== 0) entities.push({ entity: entry.entity, name: entry.name, baseTokens: 0, headTokens: headCount, delta: headCount });
  }
  entities.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || ORDER[a.entity] - ORDER[b.entity] || compareCodeUnits(a.name, b.name));
  return { encoding, baseTokens, headTokens, delta: headTokens - baseTokens, entities };
}

const ORDER: Record<ContextEntityKind, number> = { server: 0, tool: 1, prompt: 2 };
