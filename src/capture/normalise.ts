import { SNAPSHOT_FORMAT_VERSION, type Json, type JsonObject, type PromptArgumentSnapshot, type PromptSnapshot, type ResourceSnapshot, type ResourceTemplateSnapshot, type ServerSnapshot, type Snapshot, type ToolSnapshot } from '../snapshot/model.js';
import { canonicalSnapshot } from '../snapshot/canonical.js';

/** What a capture read from the wire, before it becomes a snapshot. */
export interface WireCapture {
  clientCapabilities: JsonObject;
  protocolVersion: string;
  serverInfo: unknown;
  capabilities: unknown;
  instructions?: unknown;
  tools: unknown[];
  prompts: unknown[];
  resources: unknown[];
  resourceTemplates: unknown[];
  notes: string[];
}

/**
 * Wire content -> canonical snapshot: only JSON values, entities sorted, and nothing that belongs
 * to the connection rather than the server (list results' `_meta`, request ids, session ids).
 * An entity's own `_meta` is part of what the server exposes and is kept.
 */
export function toSnapshot(wire: WireCapture): Snapshot {
  const notes = [...wire.notes];
  const info = asObject(wire.serverInfo);
  const server: ServerSnapshot = {
    ...pick(info, ['title', 'description', 'websiteUrl', 'icons']),
    name: typeof info.name === 'string' ? info.name : '',
    version: typeof info.version === 'string' ? info.version : '',
    protocolVersion: wire.protocolVersion,
    capabilities: asObject(wire.capabilities),
    ...(typeof wire.instructions === 'string' ? { instructions: wire.instructions } : {}),
  };
  const tools = wire.tools.map((raw, index): ToolSnapshot => {
    const tool = asObject(raw);
    if (!isObject(tool.inputSchema)) notes.push(`tools/list: tool ${JSON.stringify(tool.name ?? index)} has no inputSchema object; recorded as {"type":"object"}`);
    return { ...tool, name: String(tool.name ?? ''), inputSchema: isObject(tool.inputSchema) ? tool.inputSchema : { type: 'object' } } as ToolSnapshot;
  });
  const prompts = wire.prompts.map((raw): PromptSnapshot => {
    const prompt = asObject(raw);
    const args = Array.isArray(prompt.arguments) ? prompt.arguments.map((arg) => asObject(arg) as unknown as PromptArgumentSnapshot) : undefined;
    return { ...prompt, name: String(prompt.name ?? ''), ...(args ? { arguments: args } : {}) } as PromptSnapshot;
  });
  const resources = wire.resources.map((raw) => {
    const resource = asObject(raw);
    return { ...resource, uri: String(resource.uri ?? ''), name: String(resource.name ?? '') } as ResourceSnapshot;
  });
  const resourceTemplates = wire.resourceTemplates.map((raw) => {
    const template = asObject(raw);
    return { ...template, uriTemplate: String(template.uriTemplate ?? ''), name: String(template.name ?? '') } as ResourceTemplateSnapshot;
  });
  for (const [list, key, items] of [
    ['tools/list', 'name', tools],
    ['prompts/list', 'name', prompts],
    ['resources/list', 'uri', resources],
    ['resources/templates/list', 'uriTemplate', resourceTemplates],
  ] as const) {
    const seen = new Set<string>();
    for (const item of items as unknown as readonly Record<string, unknown>[]) {
      const id = String(item[key]);
      if (seen.has(id)) notes.push(`${list}: ${key} ${JSON.stringify(id)} is listed more than once`);
      seen.add(id);
    }
  }
  return canonicalSnapshot({
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    client: { capabilities: wire.clientCapabilities },
    server,
    tools,
    prompts,
    resources,
    resourceTemplates,
    ...(notes.length > 0 ? { notes: [...new Set(notes)].sort() } : {}),
  });
}

/** A plain JSON copy: drops undefined, functions and symbols exactly as JSON.stringify does. */
export function toJson(value: unknown): Json {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as Json);
}

function asObject(value: unknown): JsonObject {
  const json = toJson(value);
  return isObject(json) ? json : {};
}

function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function pick(object: JsonObject, keys: readonly string[]): JsonObject {
  return Object.fromEntries(keys.filter((key) => object[key] !== undefined).map((key) => [key, object[key] as Json]));
}
