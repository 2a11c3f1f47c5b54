/** JSON values as they appear on the wire and in snapshot files. */
export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

export const SNAPSHOT_FORMAT_VERSION = 1;

/** What a server says about itself during initialization (or `server/discover`). */
export interface ServerSnapshot {
  name: string;
  version: string;
  title?: string;
  protocolVersion: string;
  capabilities: JsonObject;
  instructions?: string;
}

export interface ToolSnapshot {
  name: string;
  title?: string;
  description?: string;
  inputSchema: JsonObject;
  outputSchema?: JsonObject;
  annotations?: JsonObject;
  execution?: JsonObject;
  icons?: Json[];
  _meta?: JsonObject;
}

export interface PromptArgumentSnapshot {
  name: string;
  title?: string;
  description?: string;
  required?: boolean;
}

export interface PromptSnapshot {
  name: string;
  title?: string;
  description?: string;
  arguments?: PromptArgumentSnapshot[];
  icons?: Json[];
  _meta?: JsonObject;
}

export interface ResourceSnapshot {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  size?: number;
  annotations?: JsonObject;
  icons?: Json[];
  _meta?: JsonObject;
}

export interface ResourceTemplateSnapshot {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  annotations?: JsonObject;
  icons?: Json[];
  _meta?: JsonObject;
}

/**
 * The canonical, committed picture of one server (design §4).
 * `client.capabilities` records what the capturing client declared, because some servers
 * expose different lists to clients with different capabilities.
 * `notes` records tolerated oddities of the capture (e.g. a list method answered with -32601).
 */
export interface Snapshot {
  formatVersion: typeof SNAPSHOT_FORMAT_VERSION;
  client: { capabilities: JsonObject };
  server: ServerSnapshot;
  tools: ToolSnapshot[];
  prompts: PromptSnapshot[];
  resources: ResourceSnapshot[];
  resourceTemplates: ResourceTemplateSnapshot[];
  notes?: string[];
}
