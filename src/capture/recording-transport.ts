import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import type { RequestLog } from './events.js';

/**
 * Wraps a client transport to see the raw `initialize` result: the v1 client keeps the
 * negotiated protocol version to itself, and the snapshot records it. With a `RequestLog`, every
 * message in either direction is shown to it, which times each request by its JSON-RPC id.
 */
export class RecordingTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: Transport['onmessage'];
  initializeResult?: Record<string, unknown>;
  private initializeId?: string | number;

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
      if ('id' in message && message.id === this.initializeId && 'result' in message) this.initializeResult = message.result as Record<string, unknown>;
      this.onmessage?.(message, extra);
    };
    await this.inner.start();
  }

  async send(message: JSONRPCMessage, options?: Parameters<Transport['send']>[1]): Promise<void> {
    if ('method' in message && message.method === 'initialize' && 'id' in message) this.initializeId = message.id;
    this.requests?.sent(message);
    try {
      await this.inner.send(message, options);
    } catch (error) {
      this.requests?.failed(message, error);
      throw error;
    }
  }

  async close(): Promise<void> {
    this.requests?.closed();
    await this.inner.close();
  }
}
