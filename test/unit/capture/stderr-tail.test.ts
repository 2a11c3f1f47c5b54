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

  it.each([
    ['npm 10', 'npm error'],
    ['npm 8 and 9', 'npm ERR!'],
  ])('leads with what npm says went wrong under npx (%s), not its advice', (_, prefix) => {
    const tail = new StderrTail();
    // What `npx --no-install some-missing-server` prints, word for word (npm 10.9).
    tail.push(
      [
        'code E404',
        '404 Not Found - GET https://registry.npmjs.org/mcp-server-everything-nope',
        '404',
        "404  The requested resource 'mcp-server-everything-nope@*' could not be found or you do not have permission to access it.",
        '404',
        '404 Note that you can also install from a',
        '404 tarball, folder, http url, or git url.',
        'A complete log of this run can be found in: /home/user/.npm/_logs/2026-12-03T14_57_26_521Z-debug-0.log',
      ]
        .map((line) => `${prefix} ${line}\n`)
        .join(''),
    );
    expect(tail.summary()).toMatch(new RegExp(`^${prefix.replace('!', '!')} 404 Not Found - GET https://registry\\.npmjs\\.org/mcp-server-everything-nope \\| `));
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

  describe('leads with the line that says what failed', () => {
    const summarise = (text: string, max?: number) => {
      const tail = new StderrTail();
      tail.push(text);
      return tail.summary(max);
    };

    it('Node MODULE_NOT_FOUND: the "Cannot find module" line, not the stack and version after it', () => {
      const stderr = [
        'node:internal/modules/cjs/loader:1228',
        '  throw err;',
        '  ^',
        '',
        "Error: Cannot find module '/srv/app/does-not-exist.js'",
        '    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)',
        '    at Module._load (node:internal/modules/cjs/loader:1051:27)',
        '    at node:internal/main/run_main_module:28:49 {',
        "  code: 'MODULE_NOT_FOUND',",
        '  requireStack: []',
        '}',
        '',
        'Node.js v20.19.0',
        '',
      ].join('\n');
      expect(summarise(stderr)).toBe("Error: Cannot find module '/srv/app/does-not-exist.js' | … | Node.js v20.19.0");
    });

    it('a short Python traceback is quoted whole: its last lines already say what failed', () => {
      const stderr = [
        'Traceback (most recent call last):',
        '  File "/srv/server.py", line 3, in <module>',
        '    import mcp_toolkit',
        "ModuleNotFoundError: No module named 'mcp_toolkit'",
        '',
      ].join('\n');
      expect(summarise(`${'noise\n'.repeat(20)}${stderr}`)).toBe(
        `Traceback (most recent call last): | File "/srv/server.py", line 3, in <module> | import mcp_toolkit | ModuleNotFoundError: No module named 'mcp_toolkit'`,
      );
    });

    it('a deep Python traceback: the exception line, not the frames', () => {
      const frames = Array.from({ length: 6 }, (_, i) => `  File "/srv/lib${i}.py", line ${i + 1}, in f${i}\n    f${i + 1}()`).join('\n');
      const stderr = `Traceback (most recent call last):\n${frames}\nKeyError: 'NOTES_DB'\nDuring handling of the above exception, another exception occurred:\n${frames}\nRuntimeError: NOTES_DB is not set\nshutting down\nbye\nexit 1\nclosed\n`;
      expect(summarise(stderr)).toBe('RuntimeError: NOTES_DB is not set | shutting down | … | closed');
    });

    it('a traceback cut before its exception line still leads with the Traceback line', () => {
      const stderr = 'starting\nTraceback (most recent call last):\n  File "/srv/server.py", line 9, in main\n    run()\n    loop()\n    step()\n';
      expect(summarise(stderr)).toBe('Traceback (most recent call last): | … | step()');
    });

    it('keeps the plain tail, context first, when it already shows the error line whole', () => {
      expect(summarise('notes-legacy: starting\nError: NOTES_DB is not set\n')).toBe('notes-legacy: starting | Error: NOTES_DB is not set');
    });

    it('the line after the headline when it is not a stack frame', () => {
      expect(summarise('loading\nerror: config invalid\n  expected a table at line 4\nmore\nstill more\nbye\n')).toBe(
        'error: config invalid | expected a table at line 4 | … | bye',
      );
      const frames = '    at packageResolve (node:internal)\n    at moduleResolve (node:internal)\n    at defaultResolve (node:internal)\n';
      expect(summarise(`Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /srv/index.js\n${frames}Node.js v22.1.0\n`)).toBe(
        "Error [ERR_MODULE_NOT_FOUND]: Cannot find package 'zod' imported from /srv/index.js | … | Node.js v22.1.0",
      );
      expect(summarise('panic: runtime error: index out of range [5] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/srv/main.go:8 +0x1d\nexit status 2\n')).toBe(
        'panic: runtime error: index out of range [5] with length 3 | … | exit status 2',
      );
    });

    it('stays within the budget, dropping the tail first and cutting the headline last', () => {
      const stderr = `Error: ${'x'.repeat(50)}\n    at f (a.js:1:1)\n    at g (a.js:2:1)\n    at h (a.js:3:1)\n    at i (a.js:4:1)\nNode.js v20.19.0\n`;
      expect(summarise(stderr, 80)).toBe(`Error: ${'x'.repeat(50)} | … | Node.js v20.19.0`);
      expect(summarise(stderr, 60)).toBe(`Error: ${'x'.repeat(50)}`);
      expect(summarise(stderr, 20)).toBe(`Error: ${'x'.repeat(12)}…`);
      for (const max of [1, 20, 57, 58, 60, 80, 300]) expect(summarise(stderr, max).length).toBeLessThanOrEqual(max);
    });

    it('a headline among the last lines that does not fit with them still leads', () => {
      const stderr = `${'y'.repeat(200)}\nError: boom\n${'z'.repeat(200)}\n`;
      expect(summarise(stderr)).toBe(`Error: boom | ${'z'.repeat(200)}`);
    });

    it('without such a line, keeps the last lines as before', () => {
      expect(summarise('listening\nerrors so far: 0\nready\n')).toBe('listening | errors so far: 0 | ready');
    });
  });
});
