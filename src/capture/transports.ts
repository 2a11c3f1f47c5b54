import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { StderrTail } from './stderr-tail.js';
import type { ServerTarget } from './target.js';

/** The SDK client transport for a target, loaded lazily. A stdio server's stderr goes to `tail`. */
export async function createTransport(target: ServerTarget, tail: StderrTail): Promise<Transport> {
  switch (target.kind) {
    case 'stdio': {
      const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
      const transport = new StdioClientTransport({
        command: target.command,
        args: target.args,
        // The server runs as the user's own process would: their environment plus --env.
        env: { ...inheritedEnv(), ...target.env },
        ...(target.cwd ? { cwd: target.cwd } : {}),
        stderr: 'pipe',
      });
      transport.stderr?.on('data', (chunk: Buffer | string) => tail.push(chunk.toString()));
      return transport;
    }
    case 'http': {
      const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
      return new StreamableHTTPClientTransport(new URL(target.url), { requestInit: { headers: target.headers ?? {} } });
    }
    case 'sse': {
      const { SSEClientTransport } = await import('@modelcontextprotocol/sdk/client/sse.js');
      const headers = target.headers ?? {};
      return new SSEClientTransport(new URL(target.url), {
        requestInit: { headers },
        // The SSE stream is opened with EventSource, which takes headers only through its own fetch.
        eventSourceInit: { fetch: (url, init) => fetch(url, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } }) },
      });
    }
  }
}

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
