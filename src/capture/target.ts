/** The longest time limit a capture takes (`--timeout`, `timeoutMs`): Node's timers hold at most 2^31-1 ms (about 24.8 days). */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * How to reach the server to capture (design §3). Env and header values, URL credentials and query
 * values are secrets, and so are the values in `secrets` (e.g. what a client config substituted for
 * `${VAR}`): they are masked (`***`) in snapshots, messages and logs (docs/logging.md).
 */
export type ServerTarget = (
  | { kind: 'stdio'; command: string; args: string[]; env?: Record<string, string>; cwd?: string }
  | { kind: 'http'; url: string; headers?: Record<string, string> }
  | { kind: 'sse'; url: string; headers?: Record<string, string> }
) & { secrets?: string[] };

/** A short, secret-free name of the target for messages: the command's file name, or the URL without credentials or query. */
export function describeTarget(target: ServerTarget): string {
  if (target.kind === 'stdio') {
    const base = target.command.split(/[\\/]/).at(-1) ?? target.command;
    return `server \`${[base, ...target.args.slice(0, 2).map(shorten)].join(' ')}${target.args.length > 2 ? ' …' : ''}\``;
  }
  return `${target.kind === 'sse' ? 'SSE' : 'HTTP'} server ${safeUrl(target.url)}`;
}

function shorten(arg: string): string {
  const last = arg.split(/[\\/]/).filter(Boolean).slice(-3).join('/');
  return last.length < arg.length ? `…/${last}` : arg;
}

/** The URL without user info, query or fragment (which may carry tokens). */
export function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}
