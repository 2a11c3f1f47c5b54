import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { signalPerRequest } from '../../../src/capture/transports.js';

describe('signalPerRequest', () => {
  it('gives every request its own signal, and the connection\'s signal a single listener however many requests there are', async () => {
    const seen: AbortSignal[] = [];
    const fetchStub = (async (_: unknown, init?: RequestInit) => {
      seen.push(init!.signal!);
      return new Response('{}');
    }) as typeof fetch;
    const connection = new AbortController();
    const fetchEach = signalPerRequest(fetchStub);
    for (let i = 0; i < 2000; i++) await fetchEach('http://127.0.0.1/mcp', { method: 'POST', signal: connection.signal });
    expect(new Set(seen).size).toBe(2000);
    expect(seen).not.toContain(connection.signal);
    expect(getEventListeners(connection.signal, 'abort')).toHaveLength(1);
  });

  it('aborts every request when the connection is closed, and a request made afterwards at once', async () => {
    const seen: AbortSignal[] = [];
    const fetchEach = signalPerRequest((async (_: unknown, init?: RequestInit) => {
      seen.push(init!.signal!);
      return new Response('{}');
    }) as typeof fetch);
    const connection = new AbortController();
    await fetchEach('http://127.0.0.1/mcp', { signal: connection.signal });
    await fetchEach('http://127.0.0.1/mcp', { signal: connection.signal });
    connection.abort();
    await fetchEach('http://127.0.0.1/mcp', { signal: connection.signal });
    expect(seen.map((signal) => signal.aborted)).toEqual([true, true, true]);
  });

  it('leaves a request without a signal as it is', async () => {
    const inits: (RequestInit | undefined)[] = [];
    await signalPerRequest((async (_: unknown, init?: RequestInit) => {
      inits.push(init);
      return new Response('{}');
    }) as typeof fetch)('http://127.0.0.1/mcp', { method: 'GET' });
    expect(inits).toEqual([{ method: 'GET' }]);
  });
});
