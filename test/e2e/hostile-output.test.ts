import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, type RunResult, workdir } from './cli.js';

// A server whose every string carries escape sequences, C1 controls, bidi overrides, invisible
// characters and forged lines (fixtures/servers/hostile/server.js). None of it may reach a
// terminal as sent, on stdout or stderr, in any command, format or log.
const HOSTILE = [process.execPath, join(ROOT, 'fixtures', 'servers', 'hostile', 'server.js')];
const FORMATS = ['text', 'json', 'markdown', 'github', 'sarif', 'junit'] as const;

// C0 controls but tab and newline, DEL, C1, bidi controls, line separators, invisible characters
// and tag characters; a zero-width joiner only where it joins two emoji.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b\u200c\u200e\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]|[\u{e0000}-\u{e007f}]|(?<!\p{Extended_Pictographic})\u200d/u;

function expectPrintable(name: string, result: RunResult): void {
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    const found = UNSAFE.exec(text);
    expect(found, `${name}: U+${found?.[0].codePointAt(0)?.toString(16)} on ${stream} near ${JSON.stringify(text.slice(Math.max(0, (found?.index ?? 0) - 30), (found?.index ?? 0) + 10))}`).toBeNull();
  }
}

async function run(name: string, args: readonly string[], cwd: string, codes: readonly number[]): Promise<RunResult> {
  const result = await cli(args, { cwd });
  expect(codes, `${name} exited ${result.code}: ${result.stderr}`).toContain(result.code);
  expectPrintable(name, result);
  return result;
}

describe('every byte printed from a hostile server is sanitised', () => {
  it('snapshot (to a file, to stdout, with both logs), a failing capture, diff and check in every format', async () => {
    const cwd = workdir();
    const written = await run('snapshot -o', ['snapshot', '-o', 'base.json', '--', ...HOSTILE], cwd, [0]);
    expect(written.stderr).toMatch(/^mcp-compat: wrote base\.json \(hostile.*6\.6\.6.*: 2 tools, 1 prompt, 1 resource, 0 resource templates\)\n$/);
    // The file keeps the server's strings exactly, as \u escapes where they are unsafe to print.
    const file = readFileSync(join(cwd, 'base.json'), 'utf8');
    expect(file).not.toMatch(UNSAFE);
    expect((JSON.parse(file) as { server: { name: string } }).server.name).toContain('\u202eesrever\u202c');

    const stdout = await run('snapshot to stdout', ['snapshot', '--', ...HOSTILE], cwd, [0]);
    expect(stdout.stdout).toBe(file);
    await run('snapshot --verbose', ['snapshot', '--verbose', '-o', 'head.json', '--', ...HOSTILE, '--drop-tool'], cwd, [0]);
    const log = await run('snapshot --log-format json', ['snapshot', '--log-format', 'json', '--', ...HOSTILE], cwd, [0]);
    for (const line of log.stderr.trimEnd().split('\n')) expect(() => JSON.parse(line) as unknown, line).not.toThrow();

    for (const flags of [[], ['--verbose'], ['--log-format', 'json']]) {
      const failed = await run(`failing capture ${flags.join(' ')}`, ['snapshot', ...flags, '--', ...HOSTILE, '--fail-tools'], cwd, [2]);
      expect(failed.stderr).toMatch(/^mcp-compat: .*tools\/list failed/m);
      // The forged "mcp-compat: all good" stays inside the one error line.
      expect(failed.stderr).not.toMatch(/^mcp-compat: all good/m);
    }

    for (const format of FORMATS) {
      await run(`diff --format ${format}`, ['diff', 'base.json', 'head.json', '--format', format], cwd, [1]);
      await run(`check --format ${format}`, ['check', '--baseline', 'base.json', '--format', format, '--', ...HOSTILE, '--drop-tool'], cwd, [1]);
    }
  }, 240_000);

  it('init and check --all, with a configured server that fails', async () => {
    const cwd = workdir();
    const init = await run('init', ['init', '--', ...HOSTILE], cwd, [0]);
    expect(init.stdout).toMatch(/^Captured hostile.* 6\.6\.6.*: 2 tools/);
    const config = JSON.parse(readFileSync(join(cwd, 'mcp-compat.config.json'), 'utf8')) as { servers: Record<string, unknown> };
    writeFileSync(
      join(cwd, 'mcp-compat.config.json'),
      JSON.stringify({ servers: { ...config.servers, broken: { baseline: 'mcp-snapshot.json', command: [...HOSTILE, '--fail-tools'] } } }),
    );
    for (const format of FORMATS) await run(`check --all --format ${format}`, ['check', '--all', '--format', format], cwd, [2]);
  }, 240_000);
});
