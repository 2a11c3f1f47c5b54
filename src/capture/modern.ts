import { UserError } from '../errors.js';
import type { JsonObject, Snapshot } from '../snapshot/model.js';
import { toSnapshot } from './normalise.js';
import { readAllPages } from './paging.js';
import type { RequestLog } from './events.js';
import type { StderrTail } from './stderr-tail.js';
import { describeTarget, type ServerTarget } from './target.js';
import { boundedFetch } from './bounded-fetch.js';
import { createTransport, httpEndpoint, MAX_STDIO_MESSAGE_BYTES } from './transports.js';

export const MODERN_PROTOCOL_VERSION = '2026-07-28';

/** Signals that the server has no `initialize` (protocol 2026-07-28): the capture is retried with the v2 client. */
export class ModernProtocolRequired extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ModernProtocolRequired';
  }
}

/** Whether an `initialize` failure means the server speaks only 2026-07-28 (`server/discover`). */
export function needsModernProtocol(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (code === -32022) return true; // UnsupportedProtocolVersion, the 2026-07-28 answer to a 2025 initialize
  // Over HTTP the v1 client reports that answer as an HTTP 400 carrying the JSON-RPC error body.
  if (code === 400 && /"code"\s*:\s*-32022\b/.test(error.message)) return true;
  return /protocol version is not supported: 20(2[6-9]|[3-9]\d)-/.test(error.message);
}

/**
 * Captures a 2026-07-28 server with `@modelcontextprotocol/client` (v2), which negotiates with
 * `server/discover` instead of `initialize`: the v1 SDK cannot speak that revision.
 */
export async function captureModern(target: ServerTarget, declared: JsonObject, timeoutMs: number, tail: StderrTail, log: (line: string) => void, requests?: RequestLog): Promise<Snapshot> {
  const v2 = await import('@modelcontextprotocol/client');
  const client = new v2.Client({ name: 'mcp-compat', version: '1' }, { capabilities: declared, versionNegotiation: { mode: { pin: MODERN_PROTOCOL_VERSION } } });
  let transport: InstanceType<typeof v2.StreamableHTTPClientTransport> | InstanceType<typeof v2.SSEClientTransport> | import('@modelcontextprotocol/client').Transport;
  if (target.kind === 'stdio') {
    // The same stdio transport as the first attempt: the server's process group is ended on close.
    transport = (await createTransport(target, tail, { deadline: Date.now() + timeoutMs })) as unknown as import('@modelcontextprotocol/client').Transport;
  } else if (target.kind === 'http') {
    const { url, headers } = httpEndpoint(target);
    transport = new v2.StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: boundedFetch(MAX_STDIO_MESSAGE_BYTES) });
  } else {
    throw new UserError(`The server speaks protocol ${MODERN_PROTOCOL_VERSION}, which has no legacy SSE transport.`, { hint: 'Capture it over Streamable HTTP (--url without --transport sse).' });
  }
  if (requests) observe(transport, requests);
  const options = { timeout: timeoutMs, maxTotalTimeout: timeoutMs };
  const who = describeTarget(target);
  log(`retrying with protocol ${MODERN_PROTOCOL_VERSION} (server/discover)`);
  try {
    await client.connect(transport, options);
    const capabilities = (client.getServerCapabilities() ?? {}) as Record<string, unknown>;
    const list = <T>(method: string, fetch: (cursor: string | undefined) => Promise<{ nextCursor?: string } & Record<string, unknown>>, key: string) =>
      readAllPages<T>(method, async (cursor) => {
        const result = await fetch(cursor);
        return { items: (result[key] as T[] | undefined) ?? [], ...(result.nextCursor ? { nextCursor: result.nextCursor } : {}) };
      }, who);
    const params = (cursor: string | undefined) => (cursor === undefined ? {} : { cursor });
    const notes: string[] = [];
    let resourceTemplates: unknown[] = [];
    if (capabilities.resources) {
      try {
        resourceTemplates = await list('resources/templates/list', (cursor) => client.listResourceTemplates(params(cursor), options), 'resourceTemplates');
      } catch (error) {
        if ((error as { code?: unknown }).code !== -32601) throw error;
        notes.push('resources/templates/list answered -32601 (method not found); recorded as no resource templates');
      }
    }
    const discover = client.getDiscoverResult();
    return toSnapshot({
      clientCapabilities: declared,
      protocolVersion: client.getNegotiatedProtocolVersion() ?? MODERN_PROTOCOL_VERSION,
      serverInfo: client.getServerVersion() ?? {},
      capabilities: discover?.capabilities ?? capabilities,
      instructions: client.getInstructions(),
      tools: capabilities.tools ? await list('tools/list', (cursor) => client.listTools(params(cursor), options), 'tools') : [],
      prompts: capabilities.prompts ? await list('prompts/list', (cursor) => client.listPrompts(params(cursor), options), 'prompts') : [],
      resources: capabilities.resources ? await list('resources/list', (cursor) => client.listResources(params(cursor), options), 'resources') : [],
      resourceTemplates,
      notes,
    }, who);
  } finally {
    await Promise.race([client.close().catch(() => {}), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    requests?.closed();
  }
}

interface ObservableTransport {
  send(message: never, options?: never): Promise<void>;
  onmessage?: unknown;
}

/** Shows every message through a v2 transport to the request log, leaving the transport object itself in place. */
function observe(transport: ObservableTransport, requests: RequestLog): void {
  const send = transport.send.bind(transport) as (message: unknown, options?: unknown) => Promise<void>;
  (transport as { send: (message: unknown, options?: unknown) => Promise<void> }).send = async (message, options) => {
    requests.sent(message);
    try {
      await send(message, options);
    } catch (error) {
      requests.failed(message, error);
      throw error;
    }
  };
  let handler: ((message: unknown, ...rest: unknown[]) => void) | undefined;
  const seen = (message: unknown, ...rest: unknown[]) => {
    requests.received(message);
    handler?.(message, ...rest);
  };
  Object.defineProperty(transport, 'onmessage', {
    configurable: true,
    get: () => (handler === undefined ? undefined : seen),
    set: (value: typeof handler) => (handler = value),
  });
}
