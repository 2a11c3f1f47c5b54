import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureEvent, CaptureEventBody } from '../../../src/capture/events.js';
import { ProgressLine, wantsProgressLine } from '../../../src/commands/progress-line.js';

const ERASE = '\r\u001b[2K';

class FakeTerminal {
  readonly isTTY = true;
  columns = 100;
  output = '';
  write(text: string): boolean {
    this.output += text;
    return true;
  }
  /** What the terminal shows on its last line: the text after the last erase. */
  get line(): string {
    return this.output.slice(this.output.lastIndexOf(ERASE) + ERASE.length);
  }
}

const event = (body: CaptureEventBody, target = 'server `node dist/server.js`'): CaptureEvent => ({ time: '2026-12-03T00:00:00.000Z', target, ...body }) as CaptureEvent;
const start = (target?: string) => event({ event: 'capture.start', transport: 'stdio', timeout_ms: 30_000 }, target);
const end = event({ event: 'capture.end', result: 'ok', duration_ms: 1, error: null });
const page = (method: string, items: number) => event({ event: 'capture.page', method, items });

describe('the progress line of a capture', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing for a capture that ends within a second', () => {
    const terminal = new FakeTerminal();
    const progress = new ProgressLine(terminal);
    progress.onEvent(start());
    progress.onEvent(page('tools/list', 3));
    vi.advanceTimersByTime(999);
    progress.onEvent(end);
    vi.advanceTimersByTime(5000);
    expect(terminal.output).toBe('');
  });

  it('after a second says the server is starting, then the items read, redrawn in place', () => {
    const terminal = new FakeTerminal();
    const progress = new ProgressLine(terminal);
    progress.onEvent(start());
    vi.advanceTimersByTime(1000);
    expect(terminal.line).toMatch(/^mcp-compat: capturing node dist\/server\.js… starting .$/);
    progress.onEvent(page('tools/list', 100));
    progress.onEvent(page('prompts/list', 3));
    progress.onEvent(page('tools/list', 120));
    expect(terminal.line).toMatch(/^mcp-compat: capturing node dist\/server\.js… tools 120, prompts 3 .$/);
    expect(terminal.output).not.toContain('\n');
    const before = terminal.line;
    vi.advanceTimersByTime(120);
    expect(terminal.line).not.toBe(before);
  });

  it('is erased when the capture ends, and draws nothing after', () => {
    const terminal = new FakeTerminal();
    const progress = new ProgressLine(terminal);
    progress.onEvent(start());
    vi.advanceTimersByTime(1500);
    progress.onEvent(event({ event: 'capture.end', result: 'error', duration_ms: 1500, error: 'boom' }));
    expect(terminal.output.endsWith(ERASE)).toBe(true);
    const written = terminal.output;
    vi.advanceTimersByTime(5000);
    progress.onEvent(page('tools/list', 5));
    expect(terminal.output).toBe(written);
  });

  it('cleans control characters out of the server name and keeps within the width', () => {
    const terminal = new FakeTerminal();
    terminal.columns = 60;
    const progress = new ProgressLine(terminal);
    progress.onEvent(start(`server \`evil\u001b]0;pwned\u0007\u001b[31m ${'x'.repeat(200)}\``));
    vi.advanceTimersByTime(1000);
    progress.onEvent(page('tools/list', 7));
    expect(terminal.line).not.toMatch(/[\u0000-\u001f\u007f]/);
    expect(terminal.line.length).toBeLessThanOrEqual(59);
    expect(terminal.line).toMatch(/… tools 7 .$/);
    progress.stop();
  });

  it('is only for a terminal, without --quiet, --verbose or --log-format json', () => {
    expect(wantsProgressLine({ isTTY: true, write: () => true }, {})).toBe(true);
    expect(wantsProgressLine({ isTTY: false, write: () => true }, {})).toBe(false);
    expect(wantsProgressLine({ write: () => true }, {})).toBe(false);
    expect(wantsProgressLine({ isTTY: true, write: () => true }, { quiet: true })).toBe(false);
    expect(wantsProgressLine({ isTTY: true, write: () => true }, { verbose: true })).toBe(false);
    expect(wantsProgressLine({ isTTY: true, write: () => true }, { json: true })).toBe(false);
  });
});
