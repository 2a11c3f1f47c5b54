import { describe, expect, it } from 'vitest';
import { LineBuffer, NotJsonLine } from '../../../src/capture/line-buffer.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';

const parse = (line: string) => JSON.parse(line) as JSONRPCMessage;
const ping = (id: number) => ({ jsonrpc: '2.0', id, method: 'ping' });

function drain(buffer: LineBuffer): unknown[] {
  const messages: unknown[] = [];
  for (let message = buffer.readMessage(); message !== null; message = buffer.readMessage()) messages.push(message);
  return messages;
}

describe('LineBuffer', () => {
  it('returns one message a line, across and within chunks, with CRLF line ends', () => {
    const buffer = new LineBuffer(1024, parse);
    const text = `${JSON.stringify(ping(1))}\r\n${JSON.stringify(ping(2))}\n${JSON.stringify(ping(3))}\n`;
    buffer.append(Buffer.from(text.slice(0, 10)));
    expect(buffer.readMessage()).toBeNull();
    buffer.append(Buffer.from(text.slice(10, 60)));
    buffer.append(Buffer.from(text.slice(60)));
    expect(drain(buffer)).toEqual([ping(1), ping(2), ping(3)]);
  });

  it('keeps a multi-byte character split between chunks whole', () => {
    const buffer = new LineBuffer(1024, parse);
    const bytes = Buffer.from(`${JSON.stringify({ jsonrpc: '2.0', id: 1, result: { text: 'Büße ✓' } })}\n`);
    const split = bytes.indexOf(Buffer.from('✓')) + 1;
    buffer.append(bytes.subarray(0, split));
    buffer.append(bytes.subarray(split));
    expect(drain(buffer)).toEqual([{ jsonrpc: '2.0', id: 1, result: { text: 'Büße ✓' } }]);
  });

  it('counts only unread bytes against the limit, and refuses a message beyond it', () => {
    const buffer = new LineBuffer(100, parse);
    for (let i = 0; i < 20; i++) {
      buffer.append(Buffer.from(`${JSON.stringify(ping(i))}\n`));
      expect(drain(buffer)).toEqual([ping(i)]);
    }
    buffer.append(Buffer.from('x'.repeat(60)));
    expect(() => buffer.append(Buffer.from('x'.repeat(60)))).toThrow('ReadBuffer exceeded maximum size of 100 bytes');
    expect(buffer.readMessage()).toBeNull();
  });

  it('passes a line that does not parse on as an error, and goes on with the next', () => {
    const buffer = new LineBuffer(1024, parse);
    buffer.append(Buffer.from(`not json\n${JSON.stringify(ping(1))}\n`));
    expect(() => buffer.readMessage()).toThrow(SyntaxError);
    expect(drain(buffer)).toEqual([ping(1)]);
  });

  it('throws a line that is not JSON as a NotJsonLine carrying the whole line, whose message quotes none of it, and reads on', () => {
    const buffer = new LineBuffer(1024, parse);
    buffer.append(Buffer.from(`token is s3cr3t-value and more\r\n${JSON.stringify(ping(1))}\n`));
    let thrown: unknown;
    try {
      buffer.readMessage();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(NotJsonLine);
    expect(thrown).toBeInstanceOf(SyntaxError);
    expect((thrown as NotJsonLine).line).toBe('token is s3cr3t-value and more');
    expect((thrown as NotJsonLine).message).toBe('a line of 30 bytes is not JSON');
    expect(drain(buffer)).toEqual([ping(1)]);
  });

  it('lets an error of the parser that is not about JSON syntax through as it is', () => {
    const refused = new TypeError('not JSON-RPC');
    const buffer = new LineBuffer(1024, () => {
      throw refused;
    });
    buffer.append(Buffer.from('{}\n'));
    expect(() => buffer.readMessage()).toThrow(refused);
  });
});
