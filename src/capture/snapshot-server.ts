import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { UserError } from '../errors.js';
import type { JsonObject, Snapshot } from '../snapshot/model.js';
import { MODERN_PROTOCOL_VERSION, ModernProtocolRequired, needsModernProtocol } from './modern.js';
import { toSnapshot, type WireCapture } from './normalise.js';
import { readAllPages } from './paging.js';
import { RecordingTransport } from './recording-transport.js';
import { StderrTail } from './stderr-tail.js';
import { describeTarget, type ServerTarget } from './target.js';
import { createTransport } from './transports.js';

export const CLIENT_CAPABILITY_NAMES = ['roots', 'sampling', 'elicitation'] as const;
export type ClientCapabilityName = (typeof CLIENT_CAPABILITY_NAMES)[number];
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface CaptureOptions {
  /** The whole capture: start, handshake and every list page (default 30 s). */
  timeoutMs?: number;
  /** What the client declares (default: all three). Server requests for them are answered with an error. */
  clientCapabilities?: ClientCapabilityName[];
  /** Progress lines and the server's stderr, for --verbose. */
  onLog?: (line: string) => void;
}

/** Connects to the server as an MCP client, reads every list it advertises, and returns the canonical snapshot. */
export async function snapshotServer(target: ServerTarget, options: CaptureOptions = {}): Promise<Snapshot> {
  const started = Date.now();
  const tail = new StderrTail(8192, options.onLog);
  const who = describeTarget(target);
  const context: CaptureContext = { who, tail, stdio: target.kind === 'stdio' };
  const transport = await createTransport(target, tail).catch((error: unknown) => {
    throw asUserError(error, context, 'starting', '');
  });
  try {
    return await captureOverTransport(transport, context, options);
  } catch (error) {
    if (!(error instanceof ModernProtocolRequired)) throw error;
    const { captureModern } = await import('./modern.js');
    const remaining = Math.max(1, (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) - (Date.now() - started));
    const modern = captureModern(target, declaredCapabilities(options.clientCapabilities ?? [...CLIENT_CAPABILITY_NAMES]), remaining, tail, options.onLog ?? (() => {}));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UserError(`${sentence(who)} did not finish within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms (stuck in the ${MODERN_PROTOCOL_VERSION} capture).`, { hint: 'Raise --timeout if it is just slow.' })), remaining);
    });
    try {
      return await Promise.race([modern, timedOut]);
    } catch (modernError) {
      const summary = tail.summary();
      throw asUserError(modernError, context, `capturing over protocol ${MODERN_PROTOCOL_VERSION}`, summary ? ` Server stderr: ${summary}` : '');
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface CaptureContext {
  /** Names the server in messages (never with secrets). */
  who: string;
  tail?: StderrTail;
  /** Over stdio, anything on stdout that is not a JSON-RPC message is a protocol violation. */
  stdio: boolean;
}

/** The capture itself, over any connected-to-be client transport (child process, HTTP, SSE, in-memory). */
export async function captureOverTransport(inner: Transport, context: CaptureContext, options: CaptureOptions = {}): Promise<Snapshot> {
  const [{ Client }, { McpError, ErrorCode }, { z }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
    import('zod'),
  ]);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const declared = declaredCapabilities(options.clientCapabilities ?? [...CLIENT_CAPABILITY_NAMES]);
  const client = new Client({ name: 'mcp-compat', version: '1' }, { capabilities: declared });
  const transport = new RecordingTransport(inner);
  const log = options.onLog ?? (() => {});
  const stderr = () => {
    const summary = context.tail?.summary() ?? '';
    return summary ? ` Server stderr: ${summary}` : '';
  };

  let phase = 'starting';
  let closing = false;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  /** One line: what failed, what to do, then the tail of the server's stderr. */
  const failure = (what: string, hint?: string, cause?: unknown) => new UserError(`${sentence(what)}.${hint ? ` ${hint}` : ''}${stderr()}`, cause === undefined ? {} : { cause });
  client.onerror = (error) => {
    log(`transport error: ${error.message}`);
    if (closing || !context.stdio) return;
    // The stdio transport reports a line it cannot parse as a JSON-RPC message, and a failed spawn, here.
    const unparsable = error instanceof SyntaxError || error.name === 'ZodError';
    fail(unparsable ? failure(`${context.who} wrote something that is not an MCP message on stdout while ${phase} (${firstLine(error.message)})`, 'Logs belong on stderr.') : asUserError(error, context, phase, stderr()));
  };
  // Over HTTP the connection closes only after a failed request, whose own error says more.
  client.onclose = () => {
    if (!closing && context.stdio) fail(failure(`${context.who} closed the connection (the process exited) while ${phase}`));
  };
  const timer = setTimeout(() => fail(failure(`${context.who} did not finish within ${timeoutMs} ms (stuck while ${phase})`, 'Raise --timeout if it is just slow.')), timeoutMs);

  const ResultSchema = z.object({}).passthrough();
  const requestOptions = { timeout: timeoutMs + 1000, maxTotalTimeout: timeoutMs + 1000 };
  const list = async (method: string, key: string): Promise<unknown[]> => {
    phase = `reading ${method}`;
    log(`${method} ...`);
    return readAllPages(
      method,
      async (cursor) => {
        const result = (await client.request({ method, params: cursor === undefined ? {} : { cursor } } as never, ResultSchema, requestOptions)) as Record<string, unknown>;
        const items = result[key];
        if (!Array.isArray(items)) throw failure(`${context.who} answered ${method} without a "${key}" array`);
        const next = result.nextCursor;
        if (next !== undefined && next !== null && typeof next !== 'string') throw failure(`${context.who} answered ${method} with a nextCursor that is not a string`);
        return { items, ...(typeof next === 'string' ? { nextCursor: next } : {}) };
      },
      context.who,
    );
  };

  const work = async (): Promise<Snapshot> => {
    phase = 'connecting (initialize)';
    log(`connecting to ${context.who}`);
    await client.connect(transport, requestOptions).catch((error: unknown) => {
      throw needsModernProtocol(error) ? new ModernProtocolRequired(error instanceof Error ? error.message : String(error)) : error;
    });
    const capabilities = (client.getServerCapabilities() ?? {}) as Record<string, unknown>;
    const notes: string[] = [];
    const wire: WireCapture = {
      clientCapabilities: declared,
      protocolVersion: String(transport.initializeResult?.protocolVersion ?? ''),
      serverInfo: transport.initializeResult?.serverInfo ?? client.getServerVersion(),
      capabilities: transport.initializeResult?.capabilities ?? capabilities,
      instructions: transport.initializeResult?.instructions ?? client.getInstructions(),
      tools: capabilities.tools ? await list('tools/list', 'tools') : [],
      prompts: capabilities.prompts ? await list('prompts/list', 'prompts') : [],
      resources: capabilities.resources ? await list('resources/list', 'resources') : [],
      resourceTemplates: [],
      notes,
    };
    if (capabilities.resources) {
      try {
        wire.resourceTemplates = await list('resources/templates/list', 'resourceTemplates');
      } catch (error) {
        if (!(error instanceof McpError && error.code === ErrorCode.MethodNotFound)) throw error;
        notes.push('resources/templates/list answered -32601 (method not found); recorded as no resource templates');
      }
    }
    return toSnapshot(wire);
  };

  try {
    return await Promise.race([work(), failed]).catch((error: unknown) => {
      if (error instanceof ModernProtocolRequired) throw error;
      throw asUserError(error, context, phase, stderr());
    });
  } finally {
    clearTimeout(timer);
    closing = true;
    await Promise.race([endConnection(client, inner), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  }
}

/** Closes the client; a Streamable HTTP session is ended first (DELETE), so the server can free it at once. */
async function endConnection(client: { close(): Promise<void> }, transport: Transport & { terminateSession?: () => Promise<void> }): Promise<void> {
  if (transport.sessionId !== undefined && typeof transport.terminateSession === 'function') await transport.terminateSession().catch(() => {});
  await client.close().catch(() => {});
}

function declaredCapabilities(names: readonly ClientCapabilityName[]): JsonObject {
  for (const name of names) {
    if (!(CLIENT_CAPABILITY_NAMES as readonly string[]).includes(name)) throw new UserError(`Unknown client capability "${name}".`, { hint: `Choose from ${CLIENT_CAPABILITY_NAMES.join(', ')}.` });
  }
  return Object.fromEntries([...new Set(names)].sort().map((name) => [name, {}]));
}

/** Whatever went wrong, as one line the user can act on. */
function asUserError(error: unknown, context: CaptureContext, phase: string, stderr: string): UserError {
  if (error instanceof UserError) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const code = errorCode(err);
  if (code === 'ENOENT' && context.stdio) return new UserError(`Could not start ${context.who}: command not found.`, { hint: 'Check the command after -- (it is run directly, not through a shell).', cause: err });
  if (code === 'EACCES' && context.stdio) return new UserError(`Could not start ${context.who}: permission denied.`, { cause: err });
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'ECONNRESET' || /fetch failed/.test(err.message)) {
    return new UserError(`Could not reach ${context.who}: ${code ?? firstLine(err.message)}.`, { hint: 'Is the server running, and is the URL right?', cause: err });
  }
  const status = /\b(?:HTTP|status)\s*(\d{3})\b/i.exec(err.message)?.[1] ?? ('code' in err && typeof err.code === 'number' && err.code >= 400 && err.code < 600 ? String(err.code) : undefined);
  if (status === '401' || status === '403') return new UserError(`${sentence(context.who)} refused the connection (HTTP ${status}).`, { hint: 'Pass credentials with --header "Authorization: Bearer ...".', cause: err });
  if (status !== undefined) return new UserError(`${sentence(context.who)} answered HTTP ${status} while ${phase}.`, { hint: status === '404' || status === '405' ? 'Check the URL\'s path (often /mcp, or /sse with --transport sse).' : undefined, cause: err });
  if (/Connection closed/i.test(err.message)) return new UserError(`${sentence(context.who)} closed the connection${context.stdio ? ' (the process exited)' : ''} while ${phase}.${stderr}`, { cause: err });
  return new UserError(`${sentence(context.who)} failed while ${phase}: ${firstLine(err.message)}.${stderr}`, { cause: err });
}

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim().replace(/\.$/, '');
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The first errno-style code along an error's cause chain (fetch hides ECONNREFUSED two levels down). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current instanceof Object && depth < 5; current = (current as { cause?: unknown }).cause, depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const nested = (current as { errors?: unknown[] }).errors?.[0];
    if (nested !== undefined) current = { cause: nested };
  }
  return undefined;
}
