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

  /** The last non-empty lines on one line (at most `max` characters), or '' when the server wrote nothing. */
  summary(max = 300): string {
    const lines = `${this.text}${this.mask(this.partial)}`
      .split(/\r?\n/)
      .map((line) => cleanLine(line).trim())
      .filter(Boolean);
    const joined = lines.slice(-4).join(' | ');
    return joined.length > max ? `…${joined.slice(-max)}` : joined;
  }
}
