/**
 * The SDK's HTTP transports read a whole JSON body (`response.json()`) and keep an SSE event in
 * memory until its blank line comes, without any limit: a server answering with an endless body
 * takes the capture's memory with it. Every response body is read through a counter instead, and
 * ends with a `ResponseTooLarge` error once it holds more than the limit that stdio messages have:
 * a JSON (or any other) body past `maxBytes` in all, an event stream once the bytes since the end of
 * its last event (one event, or data that never ends an event) pass `maxBytes`.
 */
export class ResponseTooLarge extends Error {
  constructor(
    readonly part: 'body' | 'event',
    readonly maxBytes: number,
  ) {
    // The SSE client flattens stream errors into its own message: this text is how they are recognised there.
    super(`${part === 'body' ? 'HTTP response body' : 'Server-sent event'} exceeded maximum size of ${maxBytes} bytes`);
    this.name = 'ResponseTooLarge';
  }
}

const TOO_LARGE = /(HTTP response body|Server-sent event) exceeded maximum size of (\d+) bytes/;

/** The limit a response went past, from a `ResponseTooLarge` or from an error whose message quotes one. */
export function responseTooLarge(error: unknown): ResponseTooLarge | undefined {
  if (error instanceof ResponseTooLarge) return error;
  const text = error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : String(error);
  const found = TOO_LARGE.exec(text);
  return found ? new ResponseTooLarge(found[1] === 'HTTP response body' ? 'body' : 'event', Number(found[2])) : undefined;
}

/** A fetch whose responses' bodies end with a `ResponseTooLarge` error past `maxBytes` (see above). */
export function boundedFetch(maxBytes: number, fetchImpl: typeof fetch = fetch): typeof fetch {
  return async (input, init) => boundedResponse(await fetchImpl(input, init), maxBytes);
}

export function boundedResponse(response: Response, maxBytes: number): Response {
  if (response.body === null) return response;
  const eventStream = /^text\/event-stream\b/i.test(response.headers.get('content-type') ?? '');
  const count = eventStream ? eventCounter(maxBytes) : bodyCounter(maxBytes);
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        const problem = count(value);
        if (problem === undefined) return controller.enqueue(value);
        controller.error(problem);
        // Stops the download: the server sees the connection closed.
        await reader.cancel(problem).catch(() => {});
      },
      cancel: (reason) => reader.cancel(reason),
    },
    // Nothing is read ahead of the consumer: the body moves at the pace it is read.
    { highWaterMark: 0 },
  );
  const bounded = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // The transports look at the URL after redirects; a constructed Response has none of its own.
  Object.defineProperty(bounded, 'url', { value: response.url });
  return bounded;
}

type Counter = (chunk: Uint8Array) => ResponseTooLarge | undefined;

function bodyCounter(maxBytes: number): Counter {
  let total = 0;
  return (chunk) => ((total += chunk.length) > maxBytes ? new ResponseTooLarge('body', maxBytes) : undefined);
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Counts the bytes since the end of the last event. An event ends with an empty line; a line ends
 * with CRLF, LF or CR (the SSE spec allows all three), so the state carries across chunks: whether
 * the last byte ended a line, and whether it was a CR that a LF may still complete.
 */
function eventCounter(maxBytes: number): Counter {
  let pending = 0;
  let atLineStart = true;
  let afterCR = false;
  /** The last CR ended an event: its LF, maybe in the next chunk, belongs to that end. */
  let crEndedEvent = false;
  return (chunk) => {
    let lastEventEnd = -1;
    for (let index = 0; index < chunk.length; index++) {
      const byte = chunk[index];
      if (byte === LF && afterCR) {
        afterCR = false;
        if (crEndedEvent) lastEventEnd = index;
        continue;
      }
      afterCR = byte === CR;
      if (byte === LF || byte === CR) {
        if (atLineStart) lastEventEnd = index;
        crEndedEvent = afterCR && atLineStart;
        atLineStart = true;
      } else {
        atLineStart = false;
      }
    }
    pending = lastEventEnd === -1 ? pending + chunk.length : chunk.length - lastEventEnd - 1;
    return pending > maxBytes ? new ResponseTooLarge('event', maxBytes) : undefined;
  };
}
