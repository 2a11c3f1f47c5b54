/** Keeps the last few kilobytes of a server's stderr, to show when the server fails. */
export class StderrTail {
  private text = '';

  constructor(
    private readonly limit = 8192,
    private readonly onLine?: (line: string) => void,
  ) {}

  push(chunk: string): void {
    if (this.onLine) for (const line of chunk.split('\n')) if (line.trim() !== '') this.onLine(`server: ${line}`);
    this.text = (this.text + chunk).slice(-this.limit);
  }

  /** The last non-empty lines on one line (at most `max` characters), or '' when the server wrote nothing. */
  summary(max = 300): string {
    const lines = this.text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
    const joined = lines.slice(-4).join(' | ');
    return joined.length > max ? `…${joined.slice(-max)}` : joined;
  }
}
