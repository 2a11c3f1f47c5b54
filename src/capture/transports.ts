import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { boundedFetch, boundedResponse } from './bounded-fetch.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineBuffer } from './line-buffer.js';
import { basicCredential } from './secrets.js';
import type { StderrTail } from './stderr-tail.js';
import type { ServerTarget } from './target.js';

/**
 * The largest single message a stdio server may write (the SDK's default is 10 MB). Tool lists
 * with descriptions of several megabytes exist; a line that never ends must still stop somewhere.
 * HTTP response bodies and server-sent events are held to the same limit (bounded-fetch.ts).
 */
export const MAX_STDIO_MESSAGE_BYTES = 64 * 1024 * 1024;

/**
 * The client transport for a target, loaded lazily. A stdio server's stderr goes to `tail`; it runs
 * in a process group of its own that closing the transport ends, within what is left of `deadline`
 * (epoch ms) and at most a few seconds (stdio-transport.ts; docs/snapshot.md, "Ending the server").
 */
export async function createTransport(target: ServerTarget, tail: StderrTail, options: { deadline?: number } = {}): Promise<Transport> {
  switch (target.kind) {
    case 'stdio': {
      const { deserializeMessage } = await import('@modelcontextprotocol/sdk/shared/stdio.js');
      // The server runs as the user's own process would: their environment plus --env.
      const env = { ...inheritedEnv(), ...target.env };
      if (process.platform === 'win32') return windowsStdioTransport(target, env, tail, options.deadline, deserializeMessage);
      const { GroupStdioTransport } = await import('./stdio-transport.js');
      const transport = new GroupStdioTransport({
        command: target.command,
        args: target.args,
        env,
        ...(target.cwd ? { cwd: target.cwd } : {}),
        maxMessageBytes: MAX_STDIO_MESSAGE_BYTES,
        parse: deserializeMessage,
        ...(options.deadline === undefined ? {} : { deadline: options.deadline }),
      });
      transport.stderr.on('data', (chunk: Buffer | string) => tail.push(chunk.toString()));
      return transport;
    }
    case 'http': {
      const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
      const { url, headers } = httpEndpoint(target);
      return new StreamableHTTPClientTransport(url, { requestInit: { headers }, fetch: signalPerRequest(boundedFetch(MAX_STDIO_MESSAGE_BYTES)) });
    }
    case 'sse': {
      const { SSEClientTransport } = await import('@modelcontextprotocol/sdk/client/sse.js');
      const { url, headers } = httpEndpoint(target);
      return new SSEClientTransport(url, {
        requestInit: { headers },
        fetch: signalPerRequest(boundedFetch(MAX_STDIO_MESSAGE_BYTES)),
        // The SSE stream is opened with EventSource, which takes headers only through its own fetch.
        eventSourceInit: {
          fetch: async (url, init) => boundedResponse(refuseHtml(await fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } })), MAX_STDIO_MESSAGE_BYTES),
        },
      });
    }
  }
}

/**
 * The URL and headers to send. fetch refuses a URL with credentials (and its error quotes the whole
 * URL, password included), so `https://user:password@host/mcp` is sent as it is by curl and browsers:
 * without them in the URL, and with `Authorization: Basic ...` unless the target sets that header.
 */
export function httpEndpoint(target: { url: string; headers?: Record<string, string> }): { url: URL; headers: Record<string, string> } {
  const url = new URL(target.url);
  const headers = { ...target.headers };
  if (url.username === '' && url.password === '') return { url, headers };
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'authorization')) headers.Authorization = `Basic ${basicCredential(url)}`;
  url.username = '';
  url.password = '';
  return { url, headers };
}

/**
 * Node's fetch keeps a listener on the AbortSignal it is given until the request is garbage
 * collected, and the SDK gives every request of a connection the same signal: over thousands of
 * pages that slows every request down and prints MaxListenersExceededWarning. Each request gets
 * a signal of its own instead, aborted when the connection's is (when the capture closes it).
 */
export function signalPerRequest(fetchImpl: typeof fetch = fetch): typeof fetch {
  const linked = new WeakMap<AbortSignal, Set<AbortController>>();
  return (input, init) => {
    const shared = init?.signal;
    if (!shared) return fetchImpl(input, init);
    let open = linked.get(shared);
    if (open === undefined) {
      const controllers = new Set<AbortController>();
      shared.addEventListener('abort', () => controllers.forEach((controller) => controller.abort(shared.reason)), { once: true });
      linked.set(shared, (open = controllers));
    }
    const own = new AbortController();
    if (shared.aborted) own.abort(shared.reason);
    else open.add(own);
    return fetchImpl(input, { ...init, signal: own.signal });
  };
}

/**
 * The SSE client reports any stream that is not text/event-stream alike; an HTML page (a login wall,
 * a web app at that path) is the common case and deserves its own message. The page is not read.
 */
function refuseHtml(response: Response): Response {
  if (response.ok && /^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
    void response.body?.cancel().catch(() => {});
    throw new Error('Unexpected content type: text/html');
  }
  return response;
}

/** Windows has no process groups: the SDK's transport, whose close ends the process tree (stdio-windows.ts). */
async function windowsStdioTransport(target: ServerTarget & { kind: 'stdio' }, env: Record<string, string>, tail: StderrTail, deadline: number | undefined, parse: (line: string) => JSONRPCMessage): Promise<Transport> {
  const [{ StdioClientTransport }, { endProcessTreeOnClose }] = await Promise.all([import('@modelcontextprotocol/sdk/client/stdio.js'), import('./stdio-windows.js')]);
  const transport = new StdioClientTransport({ command: target.command, args: target.args, env, ...(target.cwd ? { cwd: target.cwd } : {}), stderr: 'pipe', maxBufferSize: MAX_STDIO_MESSAGE_BYTES });
  transport.stderr?.on('data', (chunk: Buffer | string) => tail.push(chunk.toString()));
  // The SDK keeps its read buffer in a private field; should that move, its own (slower) buffer stays.
  const internals = transport as unknown as { _readBuffer?: unknown };
  if (internals._readBuffer !== undefined) internals._readBuffer = new LineBuffer(MAX_STDIO_MESSAGE_BYTES, parse);
  endProcessTreeOnClose(transport, deadline);
  return transport;
}

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
