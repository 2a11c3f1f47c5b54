import { readFileSync } from 'node:fs';
import type { Json, JsonObject, Snapshot } from '../../../src/snapshot/model.js';

const REAL_SERVERS = new URL('../../../fixtures/real-servers/', import.meta.url);

/** Drops `null` members, as a snapshot omits absent fields instead of writing null. */
function withoutNulls<T extends JsonObject>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null)) as T;
}

function objects(value: Json | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter((v): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

const byKey = (key: string) => (a: JsonObject, b: JsonObject) => String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0;

/** Converts a raw capture (`{serverInfo, protocolVersion, capabilities, ...}`) to the snapshot format. */
export function wireToSnapshot(raw: JsonObject): Snapshot {
  const info = raw.serverInfo as JsonObject;
  const server = withoutNulls({
    name: String(info.name),
    version: String(info.version),
    title: typeof info.title === 'string' ? info.title : null,
    protocolVersion: String(raw.protocolVersion),
    capabilities: (raw.capabilities ?? {}) as JsonObject,
    instructions: typeof raw.instructions === 'string' ? raw.instructions : null,
  });
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: server as Snapshot['server'],
    tools: objects(raw.tools).map(withoutNulls).sort(byKey('name')) as unknown as Snapshot['tools'],
    prompts: objects(raw.prompts).map(withoutNulls).sort(byKey('name')) as unknown as Snapshot['prompts'],
    resources: objects(raw.resources).map(withoutNulls).sort(byKey('uri')) as unknown as Snapshot['resources'],
    resourceTemplates: objects(raw.resourceTemplates).map(withoutNulls).sort(byKey('uriTemplate')) as unknown as Snapshot['resourceTemplates'],
  };
}

export function loadRealServer(server: string, version: string): Snapshot {
  const raw = JSON.parse(readFileSync(new URL(`${server}/${version}.json`, REAL_SERVERS), 'utf8')) as JsonObject;
  return wireToSnapshot(raw);
}
