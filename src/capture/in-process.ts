import type { Snapshot } from '../snapshot/model.js';
import { refuseUnreadable } from './readable.js';
import { captureOverTransport, type CaptureOptions } from './snapshot-server.js';

/**
 * What is needed of an `McpServer`, structurally: the SDK is bundled into this package, so its
 * published types must not name the SDK's (the caller's own SDK, of whatever version, provides the server).
 */
export interface InProcessMcpServer {
  connect(transport: { start(): Promise<void>; close(): Promise<void> }): Promise<void>;
  close(): Promise<void>;
}

/**
 * Snapshots an in-process `McpServer` over a linked in-memory transport, so a server's own unit
 * tests can assert on what it exposes (or compare with a committed baseline) without spawning it.
 * The server is closed afterwards (an McpServer serves one transport at a time).
 */
export async function snapshotMcpServer(server: InProcessMcpServer, options: CaptureOptions = {}): Promise<Snapshot> {
  const { InMemoryTransport } = await import('@modelcontextprotocol/sdk/inMemory.js');
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  await server.connect(serverSide);
  try {
    const snapshot = await captureOverTransport(clientSide, { who: 'the in-process server', stdio: false }, options);
    await refuseUnreadable(snapshot, 'the in-process server');
    return snapshot;
  } finally {
    await server.close();
  }
}
