import { describe, expect, it } from 'vitest';
import { StderrTail } from '../../../src/capture/stderr-tail.js';

describe('StderrTail', () => {
  it('summarises the last non-empty lines on one line', () => {
    const tail = new StderrTail();
    tail.push('one\n\ntwo\r\nthr');
    tail.push('ee\nfour\nfive\n');
    expect(tail.summary()).toBe('two | three | four | five');
  });

  it('is empty when the server wrote nothing', () => {
    expect(new StderrTail().summary()).toBe('');
  });

  it('keeps only the end of a long stderr, and of a long summary', () => {
    const tail = new StderrTail(100);
    tail.push(`${'x'.repeat(500)}\nlast words\n`);
    expect(tail.summary()).toMatch(/x+ \| last words$/);
    expect(tail.summary(20)).toBe(`…${'x'.repeat(7)} | last words`);
  });

  it('passes each line to the verbose log as it comes', () => {
    const lines: string[] = [];
    const tail = new StderrTail(8192, (line) => lines.push(line));
    tail.push('boot');
    tail.push('ing\r\nready\nhalf');
    expect(lines).toEqual(['booting', 'ready']);
  });

  it('hands on no control characters: the summary stays one line, the verbose log plain text', () => {
    const lines: string[] = [];
    const tail = new StderrTail(8192, (line) => lines.push(line));
    tail.push('\u001b[31mfatal\u001b[0m: bad\rconfig\n\u009b2Jcleared\n');
    expect(tail.summary()).toBe('fatal: bad config | cleared');
    expect(lines).toEqual(['fatal: bad config', 'cleared']);
  });
});
