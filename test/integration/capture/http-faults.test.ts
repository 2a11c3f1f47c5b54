import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import type { ServerTarget } from '../../../src/capture/target.js';
import { tempDir } from '../../support/temp-dir.js';
import { failure } from './expect-failure.js';
import { listen, type RunningServer } from './fixture-servers.js';

const KINDS = [
  ['Streamable HTTP', '--http', 'http', 'HTTP server', '/mcp'],
  ['legacy SSE', '--sse', 'sse', 'SSE server', '/sse'],
] as const;

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function capture(kind: 'http' | 'sse', url: string) {
  return failure(snapshotServer({ kind, url } as ServerTarget, { timeoutMs: 10_000 }));
}

describe.each(KINDS)('%s: an endpoint that is not what the URL promised', (_, mode, kind, who, path) => {
  const running: RunningServer[] = [];
  const start = async (script: string, ...args: string[]) => {
    const server = await listen(script, mode, ...args);
    running.push(server);
    return server;
  };
  afterAll(async () => {
    await Promise.all(running.map((server) => server.stop()));
  });

  it('connection refused', async () => {
    const url = `http://127.0.0.1:${await closedPort()}${path}`;
    const error = await capture(kind, url);
    expect(error.message).toBe(`Could not reach ${who} ${url}: ECONNREFUSED.`);
    expect(error.hint).toBe('Is the server running, and is the URL right?');
  });

  it('401: credentials wanted, with a hint about --header', async () => {
    const { url } = await start('not-mcp/server.js', '--status', '401');
    const error = await capture(kind, url);
    expect(error.message).toBe(`${who} ${url} refused the connection (HTTP 401): it wants credentials.`);
    expect(error.hint).toBe('Pass them with --header "Authorization: Bearer ...".');
  });

  it('403: credentials refused, with a hint about --header', async () => {
    const { url } = await start('not-mcp/server.js', '--status', '403');
    const error = await capture(kind, url);
    expect(error.message).toBe(`${who} ${url} refused the connection (HTTP 403): the credentials are not accepted, or lack a permission.`);
    expect(error.hint).toMatch(/--header/);
  });

  it('404: a path the server does not serve, with a hint about the path', async () => {
    const { url } = await start('notes/v1/server.js');
    const wrong = url.replace(/\/(mcp|sse)$/, '/api');
    const error = await capture(kind, wrong);
    expect(error.message).toBe(`${who} ${wrong} answered HTTP 404 while connecting (initialize).`);
    expect(error.hint).toBe('Check the URL\'s path (often /mcp, or /sse with --transport sse).');
  });

  it('an HTML page answered with 200: not MCP, and none of the page in the message', async () => {
    const { url } = await start('not-mcp/server.js', '--html');
    const error = await capture(kind, url);
    expect(error.message).toBe(`${who} ${url} does not speak MCP: it answered with an HTML page while connecting (initialize).`);
    expect(`${error.message} ${error.hint}`).not.toMatch(/SECRET-PAGE-CONTENT|<html|intranet/i);
  });

  it('an HTML error page: the status, and none of the page', async () => {
    const { url } = await start('not-mcp/server.js', '--status', '500', '--html');
    const error = await capture(kind, url);
    expect(error.message).toBe(`${who} ${url} answered HTTP 500 while connecting (initialize).`);
    expect(`${error.message} ${error.hint}`).not.toMatch(/SECRET-PAGE-CONTENT|<html/i);
  });

  it('an https URL for a plain-HTTP port: the TLS error, passed through', async () => {
    const { url } = await start('notes/v1/server.js');
    const https = url.replace(/^http:/, 'https:');
    const error = await capture(kind, https);
    expect(error.message).toMatch(new RegExp(`^Could not connect to ${who} ${https.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} over TLS: wrong version number( \\(ERR_SSL_WRONG_VERSION_NUMBER\\))?\\.$`));
    expect(error.hint).toBe('The server may speak plain HTTP: try an http:// URL.');
  });
});

describe('a server with a self-signed certificate', () => {
  let server: Server;
  let url: string;
  beforeAll(async () => {
    // A throw-away key and certificate, made for this test and removed with its folder.
    const dir = tempDir('mcp-compat-tls-');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1'], { stdio: 'ignore' });
    server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_, res) => res.writeHead(404).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/mcp`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it.each(['http', 'sse'] as const)('over %s: the certificate problem, with a hint', async (kind) => {
    const error = await capture(kind, url);
    expect(error.message).toMatch(/^Could not connect to (HTTP|SSE) server https:\/\/127\.0\.0\.1:\d+\/mcp over TLS: self[- ]signed certificate( \(DEPTH_ZERO_SELF_SIGNED_CERT\))?\.$/);
    expect(error.hint).toBe('If the certificate is your own, trust its CA with NODE_EXTRA_CA_CERTS=FILE.');
  });
});

describe('the other transport for the URL', () => {
  it('--transport sse against a Streamable HTTP endpoint: the status it answers, and a hint to drop --transport sse', async () => {
    const server = await listen('notes/v1/server.js', '--http');
    try {
      const error = await capture('sse', server.url);
      expect(error.message).toMatch(/^SSE server \S+\/mcp answered HTTP 40[05] while connecting \(initialize\)\.$/);
      expect(error.hint).toBe('A Streamable HTTP endpoint answers so: try it without --transport sse.');
    } finally {
      await server.stop();
    }
  });
});
