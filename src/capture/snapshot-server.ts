import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import { UserError } from '../errors.js';
import { responseTooLarge } from './bounded-fetch.js';
import { cleanLine } from '../report/sanitize.js';
import type { JsonObject, Snapshot } from '../snapshot/model.js';
import { MODERN_PROTOCOL_VERSION, ModernProtocolRequired, needsModernProtocol } from './modern.js';
import { toSnapshot, type WireCapture } from './normalise.js';
import { readAllPages } from './paging.js';
import { refuseUnreadable } from './readable.js';
import { RecordingTransport } from './recording-transport.js';
import { type CaptureEvent, type Emit, eventSink, RequestLog } from './events.js';
import { type Masker, maskerFor } from './secrets.js';
import { NotJsonLine } from './line-buffer.js';
import { StderrTail } from './stderr-tail.js';
import { describeTarget, MAX_TIMEOUT_MS, type ServerTarget } from './target.js';
import { createTransport } from './transports.js';

export const CLIENT_CAPABILITY_NAMES = ['roots', 'sampling', 'elicitation'] as const;
export type ClientCapabilityName = (typeof CLIENT_CAPABILITY_NAMES)[number];
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface CaptureOptions {
  /** The whole capture: start, handshake and every list page (default 30 s). */
  timeoutMs?: number;
  /** What the client declares (default: all three). Server requests for them are answered with an error. */
  clientCapabilities?: ClientCapabilityName[];
  /** Every event of the capture (requests, the server's stderr, progress) as one human line, masked: --verbose. */
  onLog?: (line: string) => void;
  /** Every event of the capture as an object, masked: --log-format json (docs/logging.md). */
  onEvent?: (event: CaptureEvent) => void;
  /**
   * The snapshot the capture will be compared with: an entry the server sends that equals the
   * baseline's is taken as the baseline's own object, so the comparison finds it unchanged at once.
   * @internal
   */
  baseline?: Snapshot;
}

/** What the snapshot's notes say when a secret had to be masked in what the server sent. */
export const MASKED_NOTE = 'a value passed as a secret (env, header, URL or argument) appeared in what the server sent and was replaced with ***';

/**
 * Connects to the server as an MCP client, reads every list it advertises, and returns the canonical
 * snapshot. The target's secrets (see `secretsOf`) are masked in the snapshot, in every error
 * thrown, and in every event and log line.
 */
export async function snapshotServer(target: ServerTarget, options: CaptureOptions = {}): Promise<Snapshot> {
  const { snapshot, closed } = await captureServer(target, options);
  await closed;
  return snapshot;
}

/** A capture and the end of its connection. */
export interface Capture {
  snapshot: Snapshot;
  /** Settles when the connection is closed (a stdio server's processes ended), never rejects. */
  closed: Promise<void>;
}

/**
 * snapshotServer, returning as soon as the snapshot is ready: the caller can compare it while the
 * server shuts down, and must await `closed` before it exits. A failed capture is closed before it
 * throws. The `capture.end` event comes once the connection is closed, as in snapshotServer.
 * @internal
 */
export async function captureServer(target: ServerTarget, options: CaptureOptions = {}): Promise<Capture> {
  const started = performance.now();
  const masker = maskerFor(target);
  const who = describeTarget(target);
  const emit = eventSink(options, who, masker);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const elapsed = () => Math.round(performance.now() - started);
  emit({ event: 'capture.start', transport: target.kind, timeout_ms: timeoutMs });
  try {
    const captured = await capture(target, options, who, emit, masker);
    const snapshot = await checked(captured, masker, who);
    const closed = captured.closed.then(() =>
      emit({
        event: 'capture.end',
        result: 'ok',
        duration_ms: elapsed(),
        error: null,
        protocol_version: snapshot.server.protocolVersion,
        tools: snapshot.tools.length,
        prompts: snapshot.prompts.length,
        resources: snapshot.resources.length,
        resource_templates: snapshot.resourceTemplates.length,
      }),
    );
    return { snapshot, closed };
  } catch (error) {
    const safe = error instanceof Error ? masker.maskError(error) : new UserError(masker.mask(String(error)));
    emit({ event: 'capture.end', result: 'error', duration_ms: elapsed(), error: safe.message });
    throw safe;
  }
}

/** The captured snapshot masked and refused if unreadable; a refused one's connection is closed first. */
async function checked(captured: Capture, masker: Masker, who: string): Promise<Snapshot> {
  try {
    const snapshot = maskSnapshot(captured.snapshot, masker);
    await refuseUnreadable(snapshot, who);
    return snapshot;
  } catch (error) {
    await captured.closed;
    throw error;
  }
}

/**
 * The snapshot holds what the server sent; a server that echoes a secret (a token in a tool's
 * description, an env value in its instructions) would put it into a file meant to be committed.
 * It is masked there too, and a note says so, since the masked text is no longer the server's own.
 */
function maskSnapshot(snapshot: Snapshot, masker: Masker): Snapshot {
  if (masker.empty) return snapshot;
  const masked = masker.maskDeep(snapshot);
  if (JSON.stringify(masked) === JSON.stringify(snapshot)) return snapshot;
  return { ...masked, notes: [...new Set([...(masked.notes ?? []), MASKED_NOTE])].sort() };
}

async function capture(target: ServerTarget, options: CaptureOptions, who: string, emit: Emit, masker: Masker): Promise<Capture> {
  const started = Date.now();
  const mask = (text: string) => masker.mask(text);
  const requests = new RequestLog(emit, mask);
  const tail = new StderrTail(8192, (line) => emit({ event: 'server.stderr', line }), mask);
  const context: CaptureContext = { who, tail, stdio: target.kind === 'stdio', emit, requests, parsedFromJson: true, mask };
  const transport = await createTransport(target, tail, { deadline: started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) }).catch((error: unknown) => {
    throw asUserError(error, context, 'starting', '');
  });
  try {
    return await captureOverTransportOpen(transport, context, options);
  } catch (error) {
    if (!(error instanceof ModernProtocolRequired)) throw error;
    const { captureModern } = await import('./modern.js');
    const remaining = Math.max(1, (options.timeoutMs ?? DEFAULT_TIMEOUT_MS) - (Date.now() - started));
    const log = (message: string) => emit({ event: 'capture.progress', message });
    const modern = captureModern(target, declaredCapabilities(options.clientCapabilities ?? [...CLIENT_CAPABILITY_NAMES]), remaining, tail, log, requests);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new UserError(`${sentence(who)} did not finish within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms (stuck in the ${MODERN_PROTOCOL_VERSION} capture).`, { hint: 'Raise --timeout if it is just slow.' })), remaining);
    });
    try {
      return { snapshot: await Promise.race([modern, timedOut]), closed: Promise.resolve() };
    } catch (modernError) {
      const summary = tail.summary();
      throw asUserError(modernError, context, `capturing over protocol ${MODERN_PROTOCOL_VERSION}`, summary ? ` Server stderr: ${summary}` : '');
    } finally {
      clearTimeout(timer);
    }
  }
}

const LIST_METHODS = ['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list'] as const;
type ListMethod = (typeof LIST_METHODS)[number];

export interface CaptureContext {
  /** Names the server in messages (never with secrets). */
  who: string;
  tail?: StderrTail;
  /** Over stdio, anything on stdout that is not a JSON-RPC message is a protocol violation. */
  stdio: boolean;
  /** Where events go (masked already); without it, to the listeners of the options, unmasked. */
  emit?: Emit;
  /** Times the requests of the connection (without it, a log of its own is kept). */
  requests?: RequestLog;
  /** The transport parses the server's bytes as JSON (stdio, HTTP, SSE), unlike an in-memory one: see WireCapture.parsedFromJson. */
  parsedFromJson?: boolean;
  /** Masks the target's secrets in text the server sent, before it is shortened for a message. */
  mask?: (text: string) => string;
}

/**
 * The capture itself, over any connected-to-be client transport (child process, HTTP, SSE, in-memory).
 * @internal (not in the library's published types, which do not name the bundled SDK's)
 */
export async function captureOverTransport(inner: Transport, context: CaptureContext, options: CaptureOptions = {}): Promise<Snapshot> {
  const { snapshot, closed } = await captureOverTransportOpen(inner, context, options);
  await closed;
  return snapshot;
}

/** captureOverTransport, returning when the snapshot is ready, with the connection's end to await (see captureServer). */
async function captureOverTransportOpen(inner: Transport, context: CaptureContext, options: CaptureOptions): Promise<Capture> {
  const [{ Client }, { McpError, ErrorCode }, { z }] = await Promise.all([
    import('@modelcontextprotocol/sdk/client/index.js'),
    import('@modelcontextprotocol/sdk/types.js'),
    import('zod'),
  ]);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const declared = declaredCapabilities(options.clientCapabilities ?? [...CLIENT_CAPABILITY_NAMES]);
  const client = new Client({ name: 'mcp-compat', version: '1' }, { capabilities: declared });
  const emit = context.emit ?? eventSink(options, context.who);
  const transport = new RecordingTransport(inner, context.requests ?? new RequestLog(emit));
  const log = (message: string) => emit({ event: 'capture.progress', message });
  const stderr = () => {
    const summary = context.tail?.summary() ?? '';
    return summary ? ` Server stderr: ${summary}` : '';
  };

  let phase = 'starting';
  /** The lists being read: they are read at the same time, and a failure names the ones still open. */
  const reading = new Set<ListMethod>();
  const now = () => (reading.size > 0 ? `reading ${LIST_METHODS.filter((method) => reading.has(method)).join(', ')}` : phase);
  let closing = false;
  let fail: (error: Error) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  /** One line: what failed, what to do, then the tail of the server's stderr. */
  const failure = (what: string, hint?: string, cause?: unknown) => new UserError(`${sentence(what)}.${hint ? ` ${hint}` : ''}${stderr()}`, cause === undefined ? {} : { cause });
  client.onerror = (error) => {
    // Closing aborts the Streamable HTTP transport's open event stream, which reports it as an error: that one is the close itself.
    if (closing && /\bAbortError\b/.test(`${error.name} ${error.message}`)) return;
    log(`transport error: ${excerpt(firstLine(withoutQuotedInput(error)), 300)}`);
    if (closing) return;
    // A response or event stream past the size limit: the SSE transports only report it here, and would wait for the rest.
    if (responseTooLarge(error)) fail(asUserError(error, context, now(), stderr()));
    if (!context.stdio) return;
    // The stdio transport reports a line it cannot parse as a JSON-RPC message, and a failed spawn, here.
    if (error instanceof SyntaxError) fail(failure(`${context.who} wrote something that is not an MCP message on stdout while ${now()}${notJsonLine(error, context.mask ?? ((text) => text))}`, 'Logs belong on stderr.'));
    else fail(asUserError(error, context, now(), stderr()));
  };
  // Over HTTP the connection closes only after a failed request, whose own error says more.
  client.onclose = () => {
    if (!closing && context.stdio) fail(failure(`${context.who} closed the connection (the process exited) while ${now()}`));
  };
  const timer = setTimeout(() => fail(failure(`${context.who} did not finish within ${timeoutMs} ms (stuck while ${now()})`, 'Raise --timeout if it is just slow.')), timeoutMs);

  const ResultSchema = z.object({}).passthrough();
  // A second more than the capture's own limit, which ends it first; within what a timer can hold.
  const requestTimeout = Math.min(timeoutMs + 1000, MAX_TIMEOUT_MS);
  const requestOptions = { timeout: requestTimeout, maxTotalTimeout: requestTimeout };
  /** Every page of one list; `whenMissing` answers for a server that does not know the method (-32601). */
  const list = async (method: ListMethod, key: string, whenMissing?: () => unknown[]): Promise<unknown[]> => {
    reading.add(method);
    log(`${method} ...`);
    let read = 0;
    try {
      return await readAllPages(
        method,
        async (cursor) => {
          const result = (await client.request({ method, params: cursor === undefined ? {} : { cursor } } as never, ResultSchema, requestOptions)) as Record<string, unknown>;
          const items = result[key];
          if (!Array.isArray(items)) throw failure(`${context.who} answered ${method} without a "${key}" array`);
          const next = result.nextCursor;
          if (next !== undefined && next !== null && typeof next !== 'string') throw failure(`${context.who} answered ${method} with a nextCursor that is not a string`);
          read += items.length;
          emit({ event: 'capture.page', method, items: read });
          return { items, ...(typeof next === 'string' ? { nextCursor: next } : {}) };
        },
        context.who,
      );
    } catch (error) {
      if (whenMissing && error instanceof McpError && error.code === ErrorCode.MethodNotFound) return whenMissing();
      throw asUserError(error, context, `reading ${method}`, stderr());
    } finally {
      reading.delete(method);
    }
  };
  const none = Promise.resolve<unknown[]>([]);

  const work = async (): Promise<Snapshot> => {
    phase = 'connecting (initialize)';
    log(`connecting to ${context.who}`);
    await client.connect(transport, requestOptions).catch((error: unknown) => {
      throw needsModernProtocol(error) ? new ModernProtocolRequired(error instanceof Error ? error.message : String(error)) : error;
    });
    const capabilities = (client.getServerCapabilities() ?? {}) as Record<string, unknown>;
    const notes: string[] = [];
    phase = 'reading the lists';
    // The four lists are read at the same time (each one's pages in turn, as its cursor demands).
    const tools = capabilities.tools ? list('tools/list', 'tools') : none;
    const prompts = capabilities.prompts ? list('prompts/list', 'prompts') : none;
    const resources = capabilities.resources ? list('resources/list', 'resources') : none;
    const resourceTemplates = capabilities.resources
      ? list('resources/templates/list', 'resourceTemplates', () => {
          notes.push('resources/templates/list answered -32601 (method not found); recorded as no resource templates');
          return [];
        })
      : none;
    // Whichever fails first in time, the error reported is that of the first failing list in this
    // order: the same server gives the same message every time. The others' failures are dropped.
    for (const read of [tools, prompts, resources, resourceTemplates]) read.catch(() => {});
    const wire: WireCapture = {
      clientCapabilities: declared,
      protocolVersion: String(transport.initializeResult?.protocolVersion ?? ''),
      serverInfo: transport.initializeResult?.serverInfo ?? client.getServerVersion(),
      capabilities: transport.initializeResult?.capabilities ?? capabilities,
      instructions: transport.initializeResult?.instructions ?? client.getInstructions(),
      tools: await tools,
      prompts: await prompts,
      resources: await resources,
      resourceTemplates: await resourceTemplates,
      notes,
      parsedFromJson: context.parsedFromJson === true,
    };
    phase = 'checking the lists';
    return toSnapshot(wire, context.who, options.baseline);
  };

  const close = (): Promise<void> => {
    clearTimeout(timer);
    closing = true;
    return Promise.race([endConnection(client, inner), new Promise<void>((resolve) => setTimeout(resolve, 3000).unref())]);
  };
  let snapshot: Snapshot;
  try {
    snapshot = await Promise.race([work(), failed]).catch((error: unknown) => {
      if (error instanceof ModernProtocolRequired) throw error;
      throw asUserError(error, context, phase, stderr());
    });
  } catch (error) {
    await close();
    throw error;
  }
  return { snapshot, closed: close() };
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

/**
 * The line a stdio server wrote that is not JSON, masked whole and then shortened (see NotJsonLine),
 * or nothing for another parse error, whose message may quote part of a secret.
 */
function notJsonLine(error: SyntaxError, mask: (text: string) => string): string {
  return error instanceof NotJsonLine ? `: "${excerpt(mask(error.line), 80)}"` : '';
}

/** An error's message, less the input JSON.parse quotes in it (`Unexpected token 't', "token is s3"... is not valid JSON`): cut short, it can hold part of a secret. */
function withoutQuotedInput(error: Error): string {
  return error instanceof SyntaxError && / is not valid JSON$/.test(firstLine(error.message)) ? 'not valid JSON' : error.message;
}

/**
 * What to try after an HTTP error status. A Streamable HTTP endpoint answers the legacy SSE
 * transport's opening GET with 400 (no session yet) or 405, so over SSE those point to the other transport.
 */
function statusHint(status: string, who: string): string | undefined {
  const overSse = who.startsWith('SSE server');
  if (overSse && (status === '400' || status === '405')) return 'A Streamable HTTP endpoint answers so: try it without --transport sse.';
  return status === '404' || status === '405' ? 'Check the URL\'s path (often /mcp, or /sse with --transport sse).' : undefined;
}

/** Whatever went wrong, as one line the user can act on. Text from the server comes in only as a short, cleaned excerpt. */
function asUserError(error: unknown, context: CaptureContext, phase: string, stderr: string): UserError {
  if (error instanceof UserError) return error;
  const err = error instanceof Error ? error : new Error(String(error));
  const who = sentence(context.who);
  const httpTooLarge = responseTooLarge(err);
  if (httpTooLarge !== undefined) {
    const limit = `${Math.round(httpTooLarge.maxBytes / 1024 / 1024)} MB (the limit for one message)`;
    const what = httpTooLarge.part === 'body' ? `a response body larger than ${limit}` : `an event larger than ${limit} on its event stream`;
    return new UserError(`${who} sent ${what} while ${phase}.`, { cause: err });
  }
  const code = errorCode(err);
  if (code === 'ENOENT' && context.stdio) return new UserError(`Could not start ${context.who}: command not found.`, { hint: 'Check the command after -- (it is run directly, not through a shell).', cause: err });
  if (code === 'EACCES' && context.stdio) return new UserError(`Could not start ${context.who}: permission denied.`, { cause: err });
  const tls = tlsProblem(err);
  if (tls !== undefined) {
    const plainHttp = /wrong version number|packet length too long|record layer failure/i.test(tls);
    return new UserError(`Could not connect to ${context.who} over TLS: ${excerpt(tls)}.`, {
      hint: plainHttp ? 'The server may speak plain HTTP: try an http:// URL.' : 'If the certificate is your own, trust its CA with NODE_EXTRA_CA_CERTS=FILE.',
      cause: err,
    });
  }
  // The SSE client flattens the cause into its message: the errno code is found there.
  const network = code ?? /\b(ECONNREFUSED|ENOTFOUND|ECONNRESET|EHOSTUNREACH|ETIMEDOUT)\b/.exec(err.message)?.[1];
  if (network === 'ECONNREFUSED' || network === 'ENOTFOUND' || network === 'ECONNRESET' || network === 'EHOSTUNREACH' || network === 'ETIMEDOUT' || /fetch failed/.test(err.message)) {
    // fetch says only "fetch failed"; the reason ("bad port", a DNS error) is at the end of the cause chain.
    const innermost = causeChain(err).filter((link): link is Error => link instanceof Error).at(-1) ?? err;
    return new UserError(`Could not reach ${context.who}: ${network ?? excerpt(firstLine(innermost.message).replace(/^.*fetch failed:\s*/, ''))}.`, { hint: 'Is the server running, and is the URL right?', cause: err });
  }
  const status = /\b(?:HTTP|status)\s*(\d{3})\b/i.exec(err.message)?.[1] ?? ('code' in err && typeof err.code === 'number' && err.code >= 400 && err.code < 600 ? String(err.code) : undefined);
  if (status === '401') return new UserError(`${who} refused the connection (HTTP 401): it wants credentials.`, { hint: 'Pass them with --header "Authorization: Bearer ...".', cause: err });
  if (status === '403') return new UserError(`${who} refused the connection (HTTP 403): the credentials are not accepted, or lack a permission.`, { hint: 'Check the token passed with --header "Authorization: Bearer ...".', cause: err });
  if (status !== undefined) return new UserError(`${who} answered HTTP ${status} while ${phase}.`, { hint: statusHint(status, context.who), cause: err });
  const notMcpHint = 'Check that the URL is the server\'s MCP endpoint (often /mcp, or /sse with --transport sse).';
  const contentType = /Unexpected content type: ([^\s;,]+)/i.exec(err.message)?.[1];
  if (contentType?.toLowerCase() === 'text/html') return new UserError(`${who} does not speak MCP: it answered with an HTML page while ${phase}.`, { hint: notMcpHint, cause: err });
  if (contentType !== undefined) return new UserError(`${who} does not speak MCP: it answered with ${excerpt(contentType, 40)}, not JSON or an event stream, while ${phase}.`, { hint: notMcpHint, cause: err });
  if (/Invalid content type, expected "text\/event-stream"/.test(err.message)) return new UserError(`${who} does not speak MCP over SSE: its stream is not text/event-stream.`, { hint: notMcpHint, cause: err });
  if (err.name === 'ZodError') {
    return new UserError(`${who} sent a message that is not valid JSON-RPC while ${phase}: JSON, but not a request, a notification, or a response with an object "result" or an "error".${stderr}`, { cause: err });
  }
  if (err instanceof SyntaxError) return new UserError(`${who} answered with something that is not JSON while ${phase}.${stderr}`, { cause: err });
  const tooLarge = /ReadBuffer exceeded maximum size of (\d+) bytes/.exec(err.message)?.[1];
  if (tooLarge !== undefined) return new UserError(`${who} wrote a message larger than ${Math.round(Number(tooLarge) / 1024 / 1024)} MB on stdout while ${phase}.${stderr}`, { cause: err });
  // Writing to a server that has closed its stdin (or exited a moment before) fails with EPIPE.
  if (context.stdio && (code === 'EPIPE' || /\bEPIPE\b/.test(err.message))) return new UserError(`${who} closed the connection (it stopped reading its stdin) while ${phase}.${stderr}`, { cause: err });
  if (/Connection closed/i.test(err.message)) return new UserError(`${who} closed the connection${context.stdio ? ' (the process exited)' : ''} while ${phase}.${stderr}`, { cause: err });
  return new UserError(`${who} failed while ${phase}: ${excerpt(firstLine(err.message))}.${stderr}`, { cause: err });
}

/** What a TLS failure says (OpenSSL's reason, or the certificate problem), or undefined for any other error. */
function tlsProblem(error: Error): string | undefined {
  const chain = causeChain(error);
  const text = chain.map((link) => (link instanceof Error ? link.message : '')).join(' | ');
  const tlsCode = chain.map((link) => (link as { code?: unknown }).code).find((code): code is string => typeof code === 'string' && TLS_ERROR_CODE.test(code));
  const reason = /SSL routines:[^:]*:([^:|]+)/.exec(text)?.[1] ?? CERTIFICATE_PROBLEM.exec(text)?.[0];
  if (reason === undefined && tlsCode === undefined) return undefined;
  return [reason ?? 'handshake failed', tlsCode ? `(${tlsCode})` : ''].filter(Boolean).join(' ');
}

const TLS_ERROR_CODE = /^(?:ERR_SSL_|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(?:GET|VERIFY)_)/;
const CERTIFICATE_PROBLEM = /self[- ]signed certificate(?: in certificate chain)?|unable to verify the first certificate|unable to get local issuer certificate|certificate has expired|Hostname\/IP does not match certificate's altnames/i;

function firstLine(text: string): string {
  return (text.split('\n').find((line) => line.trim() !== '') ?? text).trim().replace(/\.$/, '');
}

/** Server-provided text in a message: on one line, without control characters, and short. */
function excerpt(text: string, max = 160): string {
  const clean = cleanLine(text).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** An error, its cause, its cause's cause... (fetch hides ECONNREFUSED two levels down, an AggregateError further). */
function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  for (let current = error, depth = 0; current instanceof Object && depth < 6; depth++) {
    chain.push(current);
    const nested = (current as { errors?: unknown[] }).errors?.[0];
    current = (current as { cause?: unknown }).cause ?? nested;
  }
  return chain;
}

/** The first errno-style code along an error's cause chain. */
function errorCode(error: unknown): string | undefined {
  return causeChain(error)
    .map((link) => (link as { code?: unknown }).code)
    .find((code): code is string => typeof code === 'string');
}
