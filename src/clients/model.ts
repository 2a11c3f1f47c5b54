import type { EntityKind } from '../rules/types.js';

/**
 * How a limit is enforced: `api-error` — the model API (or the client in front of it) rejects the
 * whole request, so every tool of every server stops working in that client; `client-behaviour` —
 * the client drops, truncates or refuses part of what the server lists, and the rest keeps working.
 */
export type Enforcement = 'api-error' | 'client-behaviour';

/** What a limit checks, as data: the checks themselves are in ./violations.ts. */
export type LimitCheck =
  /** The tool name as the model API receives it: a regular expression and a length. */
  | { kind: 'tool-name'; pattern: string; maxLength: number; allowed: string }
  /** The name the client builds from the server's name and the tool's (`{server}` and `{tool}` in `format`). */
  | { kind: 'namespaced-tool-name'; format: string; maxLength: number }
  /** How many tools one request (or the client) accepts, counting every server's tools. */
  | { kind: 'tool-count'; max: number }
  /** `inputSchema` must say `type: "object"` at its root. */
  | { kind: 'input-schema-object' };

export interface ClientLimit {
  /** Stable id within its profile (`tool-name`, `tool-count`, ...). */
  id: string;
  description: string;
  enforcement: Enforcement;
  /** The primary source the limit was read from (docs/clients.md cites it with the date read). */
  source: string;
  check: LimitCheck;
}

/** A client or model API a server's tools are forwarded to, with the limits it is known to have. */
export interface ClientProfile {
  /** What `--client` and the `clients` config key take: `openai`, `claude-code`, ... */
  id: string;
  title: string;
  limits: readonly ClientLimit[];
}

/** One place where a snapshot does not fit a client profile. */
export interface ProfileViolation {
  /** The profile id. */
  client: string;
  /** The limit id within the profile. */
  limit: string;
  enforcement: Enforcement;
  entity: EntityKind;
  /** The tool's name, or the server's name for server-wide limits. */
  name: string;
  /** RFC 6901 pointer inside the entity, or "" for server-wide limits such as the tool count. */
  pointer: string;
  /** One sentence naming the entity, the client and the limit. */
  message: string;
  /** The same without the entity, for messages that already name it. */
  reason: string;
  source: string;
}

/** What the checks need besides the snapshot. */
export interface ProfileOptions {
  /**
   * The name a client gives the server in its own config (`mcp__<server>__<tool>` in Claude Code);
   * default: the server's own `serverInfo.name`.
   */
  serverKey?: string;
}
