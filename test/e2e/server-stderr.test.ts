import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';

describe('a server that fails at start-up: the one-line error quotes what it said went wrong (built CLI)', () => {
  it('Node MODULE_NOT_FOUND: "Error: Cannot find module ...", not the stack or the Node.js version', async () => {
    const dir = workdir();
    const { code, stdout, stderr } = await cli(['snapshot', '--timeout', '60000', '--', process.execPath, 'does-not-exist.js'], { cwd: dir });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`Server stderr: Error: Cannot find module '${join(dir, 'does-not-exist.js')}'`);
    expect(lines[0]).not.toMatch(/\bat Module\._|requireStack/);
  }, 60_000);

  it('a server that dies with a Python-style traceback: the exception line is quoted', async () => {
    const dir = workdir();
    const script = join(dir, 'server.mjs');
    const traceback = [
      'Traceback (most recent call last):',
      '  File "/srv/server.py", line 3, in <module>',
      '    import mcp_toolkit',
      "ModuleNotFoundError: No module named 'mcp_toolkit'",
    ].join('\n');
    writeFileSync(script, `process.stderr.write(${JSON.stringify(`${'noise\n'.repeat(20)}${traceback}\n`)}); process.exitCode = 1;\n`);
    const { code, stderr } = await cli(['snapshot', '--timeout', '60000', '--', process.execPath, script], { cwd: dir });
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain("import mcp_toolkit | ModuleNotFoundError: No module named 'mcp_toolkit'");
    expect(stderr).not.toContain('noise');
  }, 60_000);
});
