import { describe, expect, it } from 'vitest';
import { boundedFetch, boundedResponse, ResponseTooLarge, responseTooLarge } from '../../../src/capture/bounded-fetch.js';

/** A response whose body arrives in exactly these chunks. */
function chunked(chunks: readonly string[], contentType: string, status = 200): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(body, { status, headers: { 'content-type': contentType } });
}

const SSE = 'text/event-stream';

async function readAll(response: Response): Promise<string> {
  return response.text();
}

describe('boundedResponse', () => {
  it('passes a body up to the limit through unchanged, with its status and headers', async () => {
    const response = boundedResponse(chunked(['{"a":', '1}'], 'application/json', 201), 7);
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ a: 1 });
  });

  it('errors a body one byte past the limit, however it is read', async () => {
    await expect(boundedResponse(chunked(['{"a":', '12}'], 'application/json'), 7).json()).rejects.toBeInstanceOf(ResponseTooLarge);
    await expect(boundedResponse(chunked(['12345678'], 'text/plain'), 7).text()).rejects.toThrow('HTTP response body exceeded maximum size of 7 bytes');
  });

  it('holds each event of a stream to the limit, not the whole stream', async () => {
    const events = Array.from({ length: 50 }, (_, index) => `data: ${index}\n\n`);
    expect(await readAll(boundedResponse(chunked(events, SSE), 12))).toBe(events.join(''));
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['CR', '\r'],
  ])('ends an event at an empty line (%s line ends), also when the line ends are split across chunks', async (_, eol) => {
    const event = `data: 1234${eol}${eol}`;
    // Each event alone is within the limit; two together are not.
    const limit = event.length + 2;
    const split = [...event].map((char) => char);
    expect(await readAll(boundedResponse(chunked([...split, ...split, ...split], SSE), limit))).toBe(event.repeat(3));
    const withoutEnd = `data: 1234${eol}data: 5678${eol}`;
    await expect(readAll(boundedResponse(chunked([withoutEnd, withoutEnd], SSE), limit))).rejects.toThrow('Server-sent event exceeded maximum size');
  });

  it('does not take a CRLF split across chunks for the end of an event', async () => {
    const lines = ['data: 1234\r', ...Array.from({ length: 10 }, () => '\ndata: 1234\r'), '\n'];
    await expect(readAll(boundedResponse(chunked(lines, SSE), 40))).rejects.toBeInstanceOf(ResponseTooLarge);
    // The same with the empty line split as CR | LF CR | LF: four events, each within the limit.
    const events = ['data: 1234\r', '\n\r', '\ndata: 5678\r', '\n\r', '\n'].join('').repeat(2);
    expect(await readAll(boundedResponse(chunked(['data: 1234\r', '\n\r', '\ndata: 5678\r', '\n\r', '\n', 'data: 1234\r', '\n\r', '\ndata: 5678\r', '\n\r', '\n'], SSE), 16))).toBe(events);
  });

  it('errors data that never ends an event once it passes the limit, even in many small lines', async () => {
    const lines = Array.from({ length: 100 }, () => 'data: x\n');
    const error = await readAll(boundedResponse(chunked(lines, SSE), 64)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLarge);
    expect((error as ResponseTooLarge).part).toBe('event');
  });

  it('stops reading the server once the limit is passed', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(0x78));
      },
    });
    const response = boundedResponse(new Response(endless, { headers: { 'content-type': 'application/json' } }), 10 * 1024);
    await expect(response.arrayBuffer()).rejects.toBeInstanceOf(ResponseTooLarge);
    const after = pulled;
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(after).toBeLessThan(20);
    expect(pulled).toBe(after);
  });

  it('leaves a response without a body alone', async () => {
    const empty = new Response(null, { status: 204 });
    expect(boundedResponse(empty, 1)).toBe(empty);
  });
});

describe('boundedFetch', () => {
  it('bounds the responses of the fetch it wraps', async () => {
    const fetchStub = (async () => chunked(['x'.repeat(10)], 'application/json')) as typeof fetch;
    await expect((await boundedFetch(9, fetchStub)('http://127.0.0.1/mcp')).text()).rejects.toBeInstanceOf(ResponseTooLarge);
    expect(await (await boundedFetch(10, fetchStub)('http://127.0.0.1/mcp')).text()).toBe('x'.repeat(10));
  });
});

describe('responseTooLarge', () => {
  it('recognises the error itself, and its message flattened into another error (as the SSE clients report it)', () => {
    const original = new ResponseTooLarge('event', 1024);
    expect(responseTooLarge(original)).toBe(original);
    const flattened = responseTooLarge(new Error(`SSE stream disconnected: ${String(original)}`));
    expect(flattened).toMatchObject({ part: 'event', maxBytes: 1024 });
    expect(responseTooLarge(new Error('SSE error: ', { cause: new ResponseTooLarge('body', 5) }))).toMatchObject({ part: 'body', maxBytes: 5 });
    expect(responseTooLarge(new Error('fetch failed'))).toBeUndefined();
  });
});
