import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, PAIRS, ROOT, runProcess, workdir } from './cli.js';

// What a `diff` of two files loads at start-up is measured (docs/performance.md): node:fs/promises
// (with the readline and watcher modules it pulls in) and node:tty with node:os (chalk's own colour
// detection, unused: the reporters give chalk its level) each cost milliseconds, and none is needed.
describe('the built-in modules a diff of two snapshot files loads', () => {
  it.each(['text', 'json'])('--format %s: neither node:fs/promises nor chalk\'s terminal detection', async (format) => {
    const file = join(workdir(), 'builtins.txt');
    const result = await runProcess(
      process.execPath,
      ['--require', join(ROOT, 'test/support/report-builtins.cjs'), BIN, 'diff', join(PAIRS, 'breaking', 'base.json'), join(PAIRS, 'breaking', 'head.json'), '--format', format],
      { env: { BUILTINS_FILE: file, FORCE_COLOR: '1' } },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const loaded = readFileSync(file, 'utf8').trim().split('\n');
    // The list is real: the run's own reading and fingerprints show in it.
    expect(loaded).toContain('NativeModule crypto');
    expect(loaded).not.toContain('NativeModule fs/promises');
    expect(loaded).not.toContain('NativeModule tty');
    if (format === 'text') expect(result.stdout).toContain('\u001b['); // FORCE_COLOR still colours the text report
  });
});
