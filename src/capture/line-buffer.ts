import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

/**
 * Splits a stdio server's output into JSON-RPC messages, one a line, in time linear in the size
 * of a message. The SDK's own buffer copies everything received so far on every chunk, which
 * turns one 10 MB message (a tool list with long descriptions) into seconds of copying.
 * Same contract as the SDK's ReadBuffer: `append` throws past `maxBytes` of unread data,
 * `readMessage` returns the next whole message or null, and throws for a line that is not one.
 */
export class LineBuffer {
  private chunks: Buffer[] = [];
  private size = 0;
  /** Chunks before this index hold no newline. */
  private scanned = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly parse: (line: string) => JSONRPCMessage,
  ) {}

  append(chunk: Buffer): void {
    if (this.size + chunk.length > this.maxBytes) {
      this.clear();
      throw new Error(`ReadBuffer exceeded maximum size of ${this.maxBytes} bytes`);
    }
    this.chunks.push(chunk);
    this.size += chunk.length;
  }

  readMessage(): JSONRPCMessage | null {
    for (; this.scanned < this.chunks.length; this.scanned++) {
      const chunk = this.chunks[this.scanned]!;
      const end = chunk.indexOf(0x0a);
      if (end === -1) continue;
      const before = this.chunks.slice(0, this.scanned);
      const line = Buffer.concat([...before, chunk.subarray(0, end)]).toString('utf8');
      const rest = chunk.subarray(end + 1);
      this.size -= before.reduce((bytes, part) => bytes + part.length, 0) + end + 1;
      this.chunks = [...(rest.length > 0 ? [rest] : []), ...this.chunks.slice(this.scanned + 1)];
      this.scanned = 0;
      const text = line.replace(/\r$/, '');
      try {
        return this.parse(text);
      } catch (error) {
        throw error instanceof SyntaxError ? new NotJsonLine(text, error) : error;
      }
    }
    return null;
  }

  clear(): void {
    this.chunks = [];
    this.size = 0;
    this.scanned = 0;
  }
}

/**
 * A line of a stdio server's output that is not JSON. It carries the whole line, and its message
 * quotes none of it: JSON.parse's own message quotes the start of the line cut short
 * (`Unexpected token 't', "token is s3"... is not valid JSON`), which can hold part of a secret
 * that masking, which matches whole secrets, would not find. The capture masks the whole line
 * first, then shortens it.
 */
export class NotJsonLine extends SyntaxError {
  constructor(
    readonly line: string,
    cause: SyntaxError,
  ) {
    super(`a line of ${Buffer.byteLength(line)} bytes is not JSON`, { cause });
    this.name = 'SyntaxError';
  }
}
