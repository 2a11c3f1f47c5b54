import { cleanLine } from '../report/sanitize.js';

/**
 * Keeps the last few kilobytes of a server's stderr, to show when the server fails. What it keeps
 * and hands on is masked (servers often print their environment, tokens included) and cleaned: a
 * server's output must not drive the terminal or break the one-line error.
 */
export class StderrTail {
  /** Whole lines, already masked, at most `limit` characters: cutting masked text cannot leave half a secret. */
  private text = '';
  /** The line still being written, as it came. */
  private partial = '';

  constructor(
    private readonly limit = 8192,
    private readonly onLine?: (line: string) => void,
    private readonly mask: (text: string) => string = (text) => text,
  ) {}

  push(chunk: string): void {
    // Chunks do not end at line ends: lines are masked and passed on whole.
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines) {
      const masked = this.mask(line);
      this.text = `${this.text}${masked}\n`.slice(-this.limit);
      const clean = cleanLine(masked).trimEnd();
      if (clean.trim() !== '') this.onLine?.(clean);
    }
    if (this.partial.length > this.limit) this.partial = this.mask(this.partial).slice(-this.limit);
  }

  /**
   * What the server last said, on one line of at most `max` characters, or '' when it wrote
   * nothing: the last few lines, unless they miss the line that says what went wrong (`Error:
   * ...`, `TypeError: ...`, a Python `Traceback` or exception, `error: ...`, `panic: ...`); then
   * that line and the one after it lead, followed by the last line. Runtimes print a stack and
   * their version after the error, so the plain tail would quote `requireStack: [] | } | Node.js
   * v20` instead.
   */
  summary(max = 300): string {
    const lines = `${this.text}${this.mask(this.partial)}`
      .split(/\r?\n/)
      .map((line) => cleanLine(line).trim())
      .filter(Boolean);
    const headline = npmHeadline(lines) ?? findLastIndex(lines, isHeadline);
    const joined = lines.slice(-4).join(' | ');
    // The plain tail is kept when it already shows the headline whole (its context comes with it).
    if (headline === -1 || (headline >= lines.length - 4 && joined.length <= max)) {
      return joined.length > max ? `…${joined.slice(-max)}` : joined;
    }
    const picked = [headline];
    const next = lines[headline + 1];
    if (next !== undefined && !isStackFrame(next)) picked.push(headline + 1);
    const lead = picked.map((i) => lines[i]).join(' | ');
    const last = lines.length - 1;
    const rest = last > picked.at(-1)! ? `${last > picked.at(-1)! + 1 ? ' | …' : ''} | ${lines[last]}` : '';
    if (lead.length + rest.length <= max) return `${lead}${rest}`;
    return lead.length <= max ? lead : `${lead.slice(0, Math.max(0, max - 1))}…`;
  }
}

/**
 * A line that says what failed: `Error: ...`, `TypeError [ERR_X]: ...`, `ModuleNotFoundError: ...`,
 * `java.io.IOException: ...`, `Traceback (most recent call last):`, `error: ...`, `error[E0425]:`,
 * `panic: ...`, `fatal: ...`, `Uncaught ...`.
 */
const HEADLINE =
  /^(?:Traceback \(most recent call last\)|[\w$.]*(?:Error|Exception)(?: \[[\w-]+\])?:|error(?:\[\w+\])?:|panic:|fatal(?: error)?:|Uncaught\b)/i;

/**
 * npm (under `npx`) prints its error as a block of `npm error` lines (`npm ERR!` before npm 10):
 * `code E404`, then what went wrong (`404 Not Found - GET https://registry.npmjs.org/...`), then
 * advice and the path of its log. The first line of the last block that says more than a code
 * or a bare status is the headline.
 */
function npmHeadline(lines: readonly string[]): number | undefined {
  let end = lines.length - 1;
  while (end >= 0 && !NPM_ERROR.test(lines[end]!)) end--;
  if (end < 0) return undefined;
  let start = end;
  while (start > 0 && NPM_ERROR.test(lines[start - 1]!)) start--;
  for (let index = start; index <= end; index++) if (NPM_ERROR_HEADLINE.test(lines[index]!)) return index;
  return undefined;
}

const NPM_ERROR = /^npm (?:error|ERR!)(?: |$)/;
const NPM_ERROR_HEADLINE = /^npm (?:error|ERR!) (?!code\b)(?:\d{3} +)?(?!A complete log)\S.{8,}/;

function isHeadline(line: string): boolean {
  return HEADLINE.test(line);
}

/** A frame of a Node, Python, Java or Go stack trace, which says where rather than what. */
function isStackFrame(line: string): boolean {
  return /^(?:at\s|File "|goroutine \d+|\.\.\. \d+ more)/.test(line);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
