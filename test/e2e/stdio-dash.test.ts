import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, PAIRS, workdir } from './cli.js';
import { notesServer } from './servers.js';

/** Runs the CLI with `input` piped into its stdin, as `cat FILE | mcp-compat ...` does. */
const cliWithStdin = (args: readonly string[], input: string, options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) => cli(args, { ...options, input });

const BASE = join(PAIRS, 'breaking', 'base.json');
const HEAD = join(PAIRS, 'breaking', 'head.json');
const changesOf = (stdout: string) => JSON.stringify((JSON.parse(stdout) as { changes: unknown }).changes);

describe('"-" for stdin and stdout', () => {
  // The start-up path leaves "-" to oclif; both must behave the same.
  const paths = [
    ['the start-up path', {}],
    ['oclif', { MCP_COMPAT_FAST_PATH: '0' }],
  ] as const;

  it.each(paths)('diff - HEAD and diff BASE - find what the two files give (%s)', async (_path, env) => {
    const files = await cli(['diff', BASE, HEAD, '--format', 'json']);
    const baseFromStdin = await cliWithStdin(['diff', '-', HEAD, '--format', 'json'], readFileSync(BASE, 'utf8'), { env });
    const headFromStdin = await cliWithStdin(['diff', BASE, '-', '--format', 'json'], readFileSync(HEAD, 'utf8'), { env });
    expect(baseFromStdin.code, baseFromStdin.stderr).toBe(1);
    expect(headFromStdin.code, headFromStdin.stderr).toBe(1);
    expect(changesOf(baseFromStdin.stdout)).toBe(changesOf(files.stdout));
    expect(changesOf(headFromStdin.stdout)).toBe(changesOf(files.stdout));
  });

  it('annotations point at the snapshot file, never at a file named "-" or "stdin"', async () => {
    const result = await cliWithStdin(['diff', BASE, '-', '--format', 'github'], readFileSync(HEAD, 'utf8'));
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/^::error /m);
    expect(result.stdout).not.toMatch(/file=(-|stdin|.*\/-),/);
  });

  it('a text report names stdin, and offers no refresh command for a snapshot that was piped in', async () => {
    const result = await cliWithStdin(['diff', BASE, '-'], readFileSync(HEAD, 'utf8'));
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).not.toMatch(/refresh the baseline/i);
    expect(result.stdout).not.toMatch(/\bcp\b/);
  });

  it.each(paths)('diff - - is a one-line error, exit 2 (%s)', async (_path, env) => {
    const result = await cliWithStdin(['diff', '-', '-'], readFileSync(BASE, 'utf8'), { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^mcp-compat: BASE and HEAD cannot both be "-": stdin holds one snapshot\./);
  });

  it('a bad or empty stdin is named "stdin" in a one-line error, exit 2', async () => {
    for (const input of ['', '{"formatVersion": 1', 'not json']) {
      const result = await cliWithStdin(['diff', '-', HEAD], input);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/^mcp-compat: stdin is not a valid snapshot: /);
      expect(result.stderr).not.toMatch(/\bat .*\.js:\d+/);
    }
  });

  it('snapshot -o - writes the snapshot to stdout, as without -o, and no file named "-"', async () => {
    const dir = workdir();
    const plain = await cli(['snapshot', '--', ...notesServer(1)], { cwd: dir });
    const dash = await cli(['snapshot', '-o', '-', '--', ...notesServer(1)], { cwd: dir });
    expect(dash.code, dash.stderr).toBe(0);
    expect(dash.stdout).toBe(plain.stdout);
    expect(JSON.parse(dash.stdout)).toHaveProperty('formatVersion', 1);
    expect(dash.stderr).not.toMatch(/wrote/);
    expect(existsSync(join(dir, '-'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('check --baseline - compares the live server with the snapshot piped in', async () => {
    const dir = workdir();
    const v1 = await cli(['snapshot', '--', ...notesServer(1)], { cwd: dir });
    const same = await cliWithStdin(['check', '--baseline', '-', '--', ...notesServer(1)], v1.stdout, { cwd: dir });
    expect(same.code, same.stderr).toBe(0);
    const changed = await cliWithStdin(['check', '--baseline', '-', '--format', 'json', '--', ...notesServer(2)], v1.stdout, { cwd: dir });
    const files = join(dir, 'v1.json');
    writeFileSync(files, v1.stdout);
    const fromFile = await cli(['check', '--baseline', files, '--format', 'json', '--', ...notesServer(2)], { cwd: dir });
    expect(changed.code, changed.stderr).toBe(fromFile.code);
    expect(changesOf(changed.stdout)).toBe(changesOf(fromFile.stdout));
    expect(existsSync(join(dir, '-'))).toBe(false);
  }, 60_000);

  it('check --baseline - --update is refused in one line, exit 2, and writes nothing', async () => {
    const dir = workdir();
    const v1 = await cli(['snapshot', '--', ...notesServer(1)], { cwd: dir });
    const result = await cliWithStdin(['check', '--baseline', '-', '--update', '--', ...notesServer(2)], v1.stdout, { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^mcp-compat: --update cannot write to stdin/);
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
