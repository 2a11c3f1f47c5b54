import type { ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { LineBuffer } from './line-buffer.js';
import { ProcessGroup } from './process-group.js';

export interface StdioServerParams {
  command: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** The largest message (one line) the server may write. */
  maxMessageBytes: number;
  /** Parses one line into a JSON-RPC message, throwing for anything else (the SDK's deserializeMessage). */
  parse: (line: string) => JSONRPCMessage;
  /** When the capture must be over (epoch ms), shutdown included; see `shutdownBudget`. */
  deadline?: number;
}

/** How long the pipes of a process that exited with a failure (or a signal) are read before the connection counts as closed. */
const FAILED_EXIT_LINGER_MS = 250;
/** How long a broken stdin waits for the process's exit before it is reported as an error of its own. */
const EPIPE_EXIT_GRACE_MS = 250;

/** Ending the server takes at most this long: a third waiting for it to exit on its own, the rest after SIGTERM. */
export const MAX_SHUTDOWN_MS = 3000;
/** ... and at least this long, even when the deadline has passed (the capture timed out). */
export const MIN_SHUTDOWN_MS = 300;

/** How long ending the server may take: what is left until the deadline, within the two bounds above. */
export function shutdownBudget(deadline: number | undefined, now = Date.now()): number {
  return Math.min(MAX_SHUTDOWN_MS, Math.max(MIN_SHUTDOWN_MS, (deadline ?? Number.POSITIVE_INFINITY) - now));
}

/**
 * The client side of stdio (POSIX): like the SDK's StdioClientTransport, but the server runs in a
 * process group of its own that `close` ends as a whole (see ProcessGroup.end), and nothing here
 * waits for the pipes to be closed by the other side: a grandchild that inherited them must not
 * keep the run alive.
 */
export class GroupStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;
  /** The server's stderr, available before `start` so that no early line is missed. */
  readonly stderr = new PassThrough();
  private group?: ProcessGroup;
  private readonly buffer: LineBuffer;
  private closing?: Promise<void>;
  private closeReported = false;

  constructor(private readonly params: StdioServerParams) {
    this.buffer = new LineBuffer(params.maxMessageBytes, params.parse);
  }

  /** The leader's pid (the group's id), once started. */
  get pid(): number | undefined {
    return this.group?.id;
  }

  async start(): Promise<void> {
    if (this.group !== undefined || this.closing !== undefined) throw new Error('GroupStdioTransport already started.');
    const { command, args, env, cwd } = this.params;
    const group = await ProcessGroup.spawn(command, args, { env, ...(cwd ? { cwd } : {}) });
    this.group = group;
    const { child } = group;
    child.stdout?.on('data', (chunk: Buffer) => this.received(chunk));
    // As with the SDK, the server has closed the connection when the process has exited and its
    // pipes are closed (so that the last lines of its stderr are in). A process that failed is not
    // waited for past a moment, though: a grandchild may hold the pipes open for as long as it runs.
    // What the server left running is ended then too: the client never closes a connection it saw close.
    child.on('close', () => void this.close());
    child.on('exit', (code) => {
      if (code !== 0) setTimeout(() => void this.close(), FAILED_EXIT_LINGER_MS).unref();
    });
    child.stdout?.on('error', (error) => this.onerror?.(error));
    child.stdin?.on('error', (error) => this.stdinFailed(child, error));
    child.stderr?.on('data', (chunk: Buffer) => this.stderr.write(chunk));
    child.stderr?.on('error', () => {});
  }

  /**
   * A broken pipe (EPIPE) mostly means the process has just exited, and its exit says so as a
   * closed connection; only a process that stays after closing its stdin gets the error itself.
   */
  private stdinFailed(child: ChildProcess, error: NodeJS.ErrnoException): void {
    if (error.code !== 'EPIPE') return void this.onerror?.(error);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const onExit = () => clearTimeout(timer);
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      this.onerror?.(error);
    }, EPIPE_EXIT_GRACE_MS);
    child.once('exit', onExit);
  }

  send(message: JSONRPCMessage): Promise<void> {
    const stdin = this.group?.child.stdin;
    if (!stdin || stdin.destroyed || this.closing !== undefined) return Promise.reject(new Error('Not connected'));
    return new Promise((resolve) => {
      if (stdin.write(`${JSON.stringify(message)}\n`)) resolve();
      else stdin.once('drain', resolve);
    });
  }

  /** Ends the server's whole process group (within the shutdown budget), then reports the connection closed. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      if (this.group !== undefined) await this.group.end(shutdownBudget(this.params.deadline));
      this.buffer.clear();
      this.reportClosed();
    })();
    return this.closing;
  }

  private received(chunk: Buffer): void {
    if (this.closing !== undefined) return;
    try {
      this.buffer.append(chunk);
    } catch (error) {
      this.onerror?.(error as Error);
      void this.close();
      return;
    }
    for (;;) {
      let message: JSONRPCMessage | null;
      try {
        message = this.buffer.readMessage();
      } catch (error) {
        // The line is consumed; the next one may be a message.
        this.onerror?.(error as Error);
        continue;
      }
      if (message === null) return;
      this.onmessage?.(message);
    }
  }

  private reportClosed(): void {
    if (this.closeReported) return;
    this.closeReported = true;
    this.onclose?.();
  }
}
