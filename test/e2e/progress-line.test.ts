import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../src/commands/flags/report-values.js';
import { BIN, cli, ROOT, type RunResult, runProcess, workdir } from './cli.js';

const RAW = join(ROOT, 'fixtures', 'servers', 'raw', 'server.js');

/** util-linux `script` runs a command under a real pseudo-terminal; without it the terminal cases are skipped. */
const hasScript = (() => {
  try {
    execFileSync('script', ['-qec', 'true', '/dev/null'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** Runs the CLI with stdout and stderr on a pseudo-terminal: what `script` prints is what the terminal got. */
function cliOnTerminal(args: readonly string[], cwd: string): Promise<RunResult> {
  return runProcess('script', ['-qec', shellQuote([process.execPath, BIN, ...args]), '/dev/null'], { cwd, env: { NO_COLOR: '1' } });
}

// A server that answers every list page 1.5 s late: the capture takes more than a second.
const SLOW = ['--', process.execPath, RAW, '--delay', '1500'];

describe('the progress line on a terminal', () => {
  it.skipIf(!hasScript)('appears for a slow capture, with the items read, and is erased before the next line', async () => {
    const dir = workdir();
    const result = await cliOnTerminal(['snapshot', '-o', 'out.json', ...SLOW], dir);
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(/mcp-compat: capturing node …\/servers\/raw\/server\.js --delay …… (starting|tools \d)/);
    expect(result.stdout).toMatch(/tools 2/);
    // Erased in place, then the closing line on a clean line.
    expect(result.stdout).toMatch(/\r\u001b\[2Kmcp-compat: wrote out\.json \(/);
    expect(result.stdout.split(/\r?\n/).filter((line) => line.includes('capturing'))).toHaveLength(1);
  }, 60_000);

  it.skipIf(!hasScript)('does not appear with --quiet, --verbose or --log-format json', async () => {
    const dir = workdir();
    // The three runs wait on the slow server, not on the CPU: side by side.
    const runs = [['snapshot', '-q', '-o', 'a.json', ...SLOW], ['snapshot', '--verbose', '-o', 'b.json', ...SLOW], ['snapshot', '--log-format', 'json', '-o', 'c.json', ...SLOW]];
    for (const result of await Promise.all(runs.map((args) => cliOnTerminal(args, dir)))) {
      expect(result.code, result.stdout).toBe(0);
      expect(result.stdout).not.toContain('mcp-compat: capturing');
      expect(result.stdout).not.toContain('\u001b[2K');
    }
  }, 120_000);

  it('does not appear when stderr is a pipe', async () => {
    const dir = workdir();
    const result = await cli(['snapshot', '-o', 'out.json', ...SLOW], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('capturing');
    expect(result.stderr).not.toContain('\u001b');
    expect(result.stderr).toMatch(/^mcp-compat: wrote out\.json \(/);
  }, 60_000);
});
