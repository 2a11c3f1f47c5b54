import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, workdir } from './cli.js';

const RAW = join(ROOT, 'fixtures', 'servers', 'raw', 'server.js');

// The raw fixture server has one resource and one resource template; --tools sets the tool count.
describe('counted nouns in confirmation lines (built CLI)', () => {
  it.each([
    ['0', '0 tools, 0 prompts, 1 resource, 1 resource template'],
    ['1', '1 tool, 0 prompts, 1 resource, 1 resource template'],
    ['2', '2 tools, 0 prompts, 1 resource, 1 resource template'],
  ])('init with %s tools says "%s"', async (tools, counts) => {
    const { code, stdout, stderr } = await cli(['init', '--', process.execPath, RAW, '--tools', tools], { cwd: workdir() });
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n')[0]).toBe(`Captured notes-legacy 0.9.0: ${counts}.`);
  }, 60_000);

  it('snapshot -o says "1 tool"', async () => {
    const { code, stderr } = await cli(['snapshot', '-o', 'snap.json', '--', process.execPath, RAW, '--tools', '1'], { cwd: workdir() });
    expect(code).toBe(0);
    expect(stderr).toBe('mcp-compat: wrote snap.json (notes-legacy 0.9.0: 1 tool, 0 prompts, 1 resource, 1 resource template)\n');
  }, 60_000);
});
