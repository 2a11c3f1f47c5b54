import { cleanLine } from '../report/sanitize.js';

/**
 * Keeps the last few kilobytes of a server's stderr, to show when the server fails. What it hands
 * on is cleaned: a server's output must not drive the terminal or break the one-line error.
 */
export class StderrTail {
  private text = '';
  private partial = '';

  constructor(
    private readonly limit = 8192,
    private readonly onLine?: (line: string) => void,
  ) {}

  push(chunk: string): void {
    this.text = (this.text + chunk).slice(-this.limit);
    if (!this.onLine) return;
    // Chunks do not end at line ends: pass on whole lines only.
    const lines = (this.partial + chunk).split('\n');
    this.partial = lines.pop() ?? '';
    for (const line of lines.map(cleanLine)) if (line.trim() !== '') this.onLine(`server: ${line.trimEnd()}`);
  }

  /** The last non-empty lines on one line (at most `max` characters), or '' when the server wrote nothing. */
  summary(max = 300): string {
    const lines = this.text.split(/\r?\n/).map((line) => cleanLine(line).trim()).filter(Boolean);
    const joined = lines.slice(-4).join(' | ');
    return joined.length > max ? `…${joined.slice(-max)}` : joined;
  }
}
