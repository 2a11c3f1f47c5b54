import { entityCounts } from '../report/plural.js';
import { cleanLine } from '../report/sanitize.js';
import { Masker } from './secrets.js';

/**
 * What a capture reports as it goes (docs/logging.md): one event per MCP request and notification,
 * the server's stderr line by line, progress, and the start and end of the capture. Events carry
 * no request parameters and no results (a page of tools/list says only whether it had a cursor),
 * and every string in them is masked before it leaves the capture.
 */
export type CaptureEventBody =
  | { event: 'capture.start'; transport: 'stdio' | 'http' | 'sse' | 'in-memory'; timeout_ms: number }
  | {
      event: 'capture.end';
      result: 'ok' | 'error';
      duration_ms: number;
      error: string | null;
      protocol_version?: string;
      tools?: number;
      prompts?: number;
      resources?: number;
      resource_templates?: number;
    }
  | {
      event: 'mcp.request';
      /** `sent`: the capture asked the server; `received`: the server asked the capture (roots/list...). */
      direction: 'sent' | 'received';
      method: string;
      id: string | number;
      /** Whether the request asked for a next page (the cursor itself is not logged). */
      cursor: boolean;
      latency_ms: number;
      result: 'ok' | 'error';
      error: string | null;
      error_code?: number;
    }
  | { event: 'mcp.notification'; direction: 'sent' | 'received'; method: string }
  | { event: 'server.stderr'; line: string }
  | { event: 'capture.progress'; message: string }
  /** A page of a list was read: `items` is how many that list has given so far. */
  | { event: 'capture.page'; method: string; items: number };

/** An event as handed to `CaptureOptions.onEvent`: with the time and the (secret-free) name of the server. */
export type CaptureEvent = CaptureEventBody & { time: string; target: string };

export type Emit = (event: CaptureEventBody) => void;

export interface EventListeners {
  /** Every event, as an object (`--log-format json` writes one JSON line each). */
  onEvent?: (event: CaptureEvent) => void;
  /** Every event, as one human line (`--verbose`). */
  onLog?: (line: string) => void;
}

/** The one way out for events: stamps them, masks every string in them, and hands them to the listeners. */
export function eventSink(listeners: EventListeners, target: string, masker: Masker = new Masker([])): Emit {
  const { onEvent, onLog } = listeners;
  if (!onEvent && !onLog) return () => {};
  return (body) => {
    const event = masker.maskDeep({ time: new Date().toISOString(), target, ...body } as CaptureEvent);
    onEvent?.(event);
    onLog?.(masker.mask(humanLine(event)));
  };
}

/** The human form of an event, as `--verbose` prints it. */
export function humanLine(event: CaptureEvent): string {
  switch (event.event) {
    case 'capture.start':
      return `capture start: ${event.target} over ${event.transport} (time limit ${event.timeout_ms} ms)`;
    case 'capture.end': {
      const counts =
        event.tools === undefined
          ? ''
          : ` (${entityCounts({ tools: event.tools, prompts: event.prompts ?? 0, resources: event.resources ?? 0, resourceTemplates: event.resource_templates ?? 0 })})`;
      return `capture end: ${event.result} after ${event.duration_ms} ms${counts}${event.error === null ? '' : `: ${event.error}`}`;
    }
    case 'mcp.request':
      return `${event.direction === 'sent' ? '->' : '<-'} ${event.method} (id ${event.id}${event.cursor ? ', next page' : ''}): ${event.result} in ${event.latency_ms} ms${event.error === null ? '' : `: ${event.error_code === undefined ? '' : `${event.error_code} `}${event.error}`}`;
    case 'mcp.notification':
      return `${event.direction === 'sent' ? '->' : '<-'} ${event.method} (notification)`;
    case 'server.stderr':
      return `server: ${event.line}`;
    case 'capture.progress':
      return event.message;
    case 'capture.page':
      return `${event.method}: ${event.items} so far`;
  }
}

interface OpenRequest {
  method: string;
  cursor: boolean;
  started: number;
}

type Message = Record<string, unknown>;

/**
 * Times JSON-RPC requests by id in both directions, and reports each when its response comes, or
 * when the connection ends without one. Only the method, the id and whether a cursor was sent are
 * kept from a request; of a response, only whether it was an error, and the error's code and message.
 */
export class RequestLog {
  private readonly open = new Map<string, OpenRequest>();

  /** `mask` is applied to a server's error message before it is shortened, so no secret is cut in half. */
  constructor(
    private readonly emit: Emit,
    private readonly mask: (text: string) => string = (text) => text,
  ) {}

  /** A message the capture sends to the server. */
  sent(message: unknown): void {
    this.see(message as Message, 'sent');
  }

  /** A message the server sends to the capture. */
  received(message: unknown): void {
    this.see(message as Message, 'received');
  }

  /**
   * A message the capture did not ask for, dropped unread. A notification was already logged as it
   * came (`mcp.notification`); a response to no request of the capture's is said here.
   */
  ignored(message: unknown): void {
    const id = (message as Message | null)?.id;
    if ((message as Message | null)?.method !== undefined || (typeof id !== 'string' && typeof id !== 'number')) return;
    this.emit({ event: 'capture.progress', message: `ignored a response to no request of the capture (id ${excerpt(this.mask(String(id)), 60)})` });
  }

  /** Sending a request failed (over HTTP: the POST was refused): it is reported with the reason. */
  failed(message: unknown, error: unknown): void {
    const id = (message as Message | null)?.id;
    if (typeof id !== 'string' && typeof id !== 'number') return;
    const requestKey = key('sent', id);
    const request = this.open.get(requestKey);
    if (request === undefined) return;
    this.open.delete(requestKey);
    const text = error instanceof Error ? error.message : String(error);
    this.report(requestKey, request, { result: 'error', error: excerpt(this.mask(text)) });
  }

  /** The connection ended: every request still open is reported as unanswered. */
  closed(reason = 'no response before the connection ended'): void {
    for (const [key, request] of this.open) {
      this.open.delete(key);
      this.report(key, request, { result: 'error', error: reason });
    }
  }

  private see(message: Message, direction: 'sent' | 'received'): void {
    if (message === null || typeof message !== 'object') return;
    const method = typeof message.method === 'string' ? message.method : undefined;
    const id = message.id;
    const hasId = typeof id === 'string' || typeof id === 'number';
    if (method !== undefined && !hasId) {
      this.emit({ event: 'mcp.notification', direction, method });
      return;
    }
    if (!hasId) return;
    if (method !== undefined) {
      const params = message.params as Message | undefined;
      this.open.set(key(direction, id), { method, cursor: typeof params?.cursor === 'string', started: performance.now() });
      return;
    }
    // A response: to a request that went the other way.
    const requestKey = key(direction === 'sent' ? 'received' : 'sent', id);
    const request = this.open.get(requestKey);
    if (request === undefined) return;
    this.open.delete(requestKey);
    const error = message.error as Message | undefined;
    if (error !== undefined && error !== null) {
      this.report(requestKey, request, {
        result: 'error',
        error: excerpt(this.mask(typeof error.message === 'string' ? error.message : 'error')),
        ...(typeof error.code === 'number' ? { error_code: error.code } : {}),
      });
    } else {
      this.report(requestKey, request, { result: 'ok', error: null });
    }
  }

  private report(requestKey: string, request: OpenRequest, outcome: { result: 'ok' | 'error'; error: string | null; error_code?: number }): void {
    const [direction, id] = parseKey(requestKey);
    this.emit({
      event: 'mcp.request',
      direction,
      method: request.method,
      id,
      cursor: request.cursor,
      latency_ms: Math.round((performance.now() - request.started) * 10) / 10,
      ...outcome,
    });
  }
}

function key(direction: 'sent' | 'received', id: string | number): string {
  return JSON.stringify([direction, id]);
}

function parseKey(requestKey: string): ['sent' | 'received', string | number] {
  return JSON.parse(requestKey) as ['sent' | 'received', string | number];
}

function excerpt(text: string, max = 300): string {
  const clean = cleanLine(text).replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}
