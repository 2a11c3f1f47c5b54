import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { RequestLog } from './events.js';

/**
 * Wraps a client transport to see the raw `initialize` result: the v1 client keeps the
 * negotiated protocol version to itself, and the snapshot records it. With a `RequestLog`, every
 * message in either direction is shown to it, which times each request by its JSON-RPC id.
 *
 * Messages the capture did not ask for are logged there and go no further: the SDK client treats a
 * progress notification for a token it never sent, or a response to no request of its own, as an
 * error, and a capture needs no notification at all (it reads each list once, so `list_changed`,
 * logging, progress and cancellation change nothing in the snapshot).
 */
export class RecordingTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];
  initializeResult?: Record<string, unknown>;
  private initializeId?: string | number;
  /** Ids of the capture's requests still waiting for a response. */
  private readonly awaiting = new Set<string | number>();

  constructor(
    private readonly inner: Transport,
    private readonly requests?: RequestLog,
  ) {}

  get sessionId(): string | undefined {
    return this.inner.sessionId;
  }

  setProtocolVersion(version: string): void {
    this.inner.setProtocolVersion?.(version);
  }

  async start(): Promise<void> {
    this.inner.onclose = () => {
      this.requests?.closed();
      this.onclose?.();
    };
    this.inner.onerror = (error) => this.onerror?.(error);
    this.inner.onmessage = (message, extra) => {
      this.requests?.received(message);
      if (!this.solicited(message)) return this.requests?.ignored(message);
      if ('id' in message && message.id === this.initializeId && 'result' in message) this.initializeResult = message.result as Record<string, unknown>;
      this.onmessage?.(message, extra);
    };
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: Parameters<Transport['send']>[1]): Promise<void> {
    if ('method' in message && message.method === 'initialize' && 'id' in message) this.initializeId = message.id;
    this.requests?.sent(message);
    if ('method' in message && 'id' in message) this.awaiting.add(message.id);
    try {
      await this.inner.send(message, options);
    } catch (error) {
      this.requests?.failed(message, error);
      throw error;
    }
  }

  /** A request from the server (answered by the client), or a response to one of the capture's requests. */
  private solicited(message: JSONRPCMessage): boolean {
    if ('method' in message) return 'id' in message;
    // A response with a null id (a server that could not read a request) is the client's to report.
    const id = 'id' in message ? (message.id ?? undefined) : undefined;
    return id === undefined || this.awaiting.delete(id);
  }

  async close(): Promise<void> {
    this.requests?.closed();
    await this.inner.close();
  }
}
