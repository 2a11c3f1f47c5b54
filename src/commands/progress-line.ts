import type { CaptureEvent } from '../capture/events.js';
import { cleanLine } from '../report/sanitize.js';

/** The part of a stream the progress line needs: stderr, or a fake one in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressLineOptions {
  /** How long a capture runs before the line appears (default 1 s): a quick capture shows nothing. */
  delayMs?: number;
  /** How often the spinner turns (default 120 ms). */
  intervalMs?: number;
}

const FRAMES = ['|', '/', '-', '\\'];
const ERASE_LINE = '\r\u001b[2K';
/** The list methods, in the order the line shows them. */
const LISTS: ReadonlyArray<readonly [string, string]> = [
  ['tools/list', 'tools'],
  ['prompts/list', 'prompts'],
  ['resources/list', 'resources'],
  ['resources/templates/list', 'templates'],
];

/**
 * A one-line spinner on a terminal's stderr while a capture runs longer than a second: the server
 * starting, then the items read so far ("mcp-compat: capturing NAME… tools 120, prompts 3"). It is
 * redrawn in place and erased when the capture ends, before anything else is written. Fed by the
 * capture's events (`onEvent`); the server's name is cleaned of control characters.
 */
export class ProgressLine {
  private readonly counts = new Map<string, number>();
  private name = '';
  private frame = 0;
  private shown = false;
  private delay: ReturnType<typeof setTimeout> | undefined;
  private spinner: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly options: ProgressLineOptions = {},
  ) {}

  readonly onEvent = (event: CaptureEvent): void => {
    switch (event.event) {
      case 'capture.start':
        this.start(event.target);
        return;
      case 'capture.page':
        this.counts.set(event.method, event.items);
        if (this.shown) this.draw();
        return;
      case 'capture.end':
        this.stop();
        return;
      default:
        return;
    }
  };

  /** Ends the line: timers stopped, and the line erased if it was drawn. */
  stop(): void {
    clearTimeout(this.delay);
    clearInterval(this.spinner);
    this.delay = undefined;
    this.spinner = undefined;
    if (this.shown) this.stream.write(ERASE_LINE);
    this.shown = false;
  }

  private start(target: string): void {
    this.stop();
    this.counts.clear();
    // "server `node dist/server.js`": the command or URL is the name.
    this.name = cleanLine(target.replace(/^server `(.*)`$/s, '$1'));
    this.delay = setTimeout(() => {
      this.shown = true;
      this.draw();
      this.spinner = setInterval(() => {
        this.frame = (this.frame + 1) % FRAMES.length;
        this.draw();
      }, this.options.intervalMs ?? 120);
      this.spinner.unref?.();
    }, this.options.delayMs ?? 1000);
    this.delay.unref?.();
  }

  private draw(): void {
    const read = LISTS.filter(([method]) => this.counts.has(method)).map(([method, label]) => `${label} ${this.counts.get(method)}`);
    const head = 'mcp-compat: capturing ';
    const tail = `… ${read.length === 0 ? 'starting' : read.join(', ')} ${FRAMES[this.frame]}`;
    // One column short of the width, so the terminal never wraps it (a wrapped line cannot be erased
    // in place); the name gives way first, so the counts stay in view.
    const columns = this.stream.columns !== undefined && this.stream.columns > 0 ? this.stream.columns : 80;
    const room = Math.max(columns - 1 - head.length - tail.length, 8);
    const name = this.name.length > room ? `${this.name.slice(0, room - 1)}…` : this.name;
    const text = `${head}${name}${tail}`;
    this.stream.write(`${ERASE_LINE}${text.length > columns - 1 ? text.slice(0, Math.max(columns - 1, 1)) : text}`);
  }
}

/**
 * Whether a capture gets the progress line: only on a terminal, and not when the user asked for
 * silence (--quiet) or for the capture's log instead (--verbose, --log-format json).
 */
export function wantsProgressLine(stream: ProgressStream, flags: { quiet?: boolean; verbose?: boolean; json?: boolean }): boolean {
  return stream.isTTY === true && !flags.quiet && !flags.verbose && !flags.json;
}
