import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';
import { notesServer } from './servers.js';

// A "server" that leaves a file behind when it starts: proof that a refused command line started nothing.
const MARKER = 'server-was-started';
const MARKING_SERVER = [process.execPath, '-e', `require('node:fs').writeFileSync(${JSON.stringify(MARKER)}, '')`];

describe('help: `help`, `help CMD`, `-h` and `CMD -h` say what --help says', () => {
  it('for the CLI', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('COMMANDS');
    for (const words of [['help'], ['-h']]) expect(await cli(words), words.join(' ')).toEqual(help);
  });

  it.each(['snapshot', 'diff', 'check', 'init'])('for %s', async (command) => {
    const help = await cli([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('USAGE');
    for (const words of [['help', command], [command, '-h'], ['help', command, '-h']]) expect(await cli(words), words.join(' ')).toEqual(help);
  });
});

describe('did you mean', () => {
  it.each([
    [['snapshto', '--', 'node', 'server.js'], 'snapshot'],
    [['dif', 'a.json', 'b.json'], 'diff'],
    [['help', 'chekc'], 'check'],
    [['acknowlege', '--reason', 'reviewed', '--all'], 'acknowledge'],
  ])('%j: an unknown command, and the one meant', async (words, meant) => {
    const result = await cli(words);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`mcp-compat: Unknown command "${words[0] === 'help' ? words[1] : words[0]}". Did you mean "${meant}"? Commands: snapshot, diff, check, init, acknowledge, lint; mcp-compat --help says more.\n`);
  });

  it('an unknown command nothing is near', async () => {
    const result = await cli(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^mcp-compat: Unknown command "frobnicate"\. Commands: /);
  });

  it.each([
    [['diff', 'a.json', 'b.json', '--formt', 'json'], '--format'],
    [['check', '--baselin', 'x.json', '--', ...MARKING_SERVER], '--baseline'],
    [['snapshot', '--tiemout', '5000', '--', ...MARKING_SERVER], '--timeout'],
    [['init', '--forse', '--', ...MARKING_SERVER], '--force'],
  ])('%j: a misspelt flag, and the one meant', async (words, meant) => {
    const cwd = workdir();
    const result = await cli(words, { cwd });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^mcp-compat: Nonexistent flag: --\\w+ \\(did you mean ${meant}\\?\\)\\n$`));
    expect(existsSync(join(cwd, MARKER))).toBe(false);
  });
});

describe('check never ignores what was typed', () => {
  it.each([['check'], ['init'], ['snapshot']])('%s: words before -- are an error', async (command) => {
    const cwd = workdir();
    for (const words of [[command, 'server.js', '--', ...MARKING_SERVER], [command, 'node', 'server.js']]) {
      const result = await cli(words, { cwd });
      expect(result.code, words.join(' ')).toBe(2);
      expect(result.stderr).toMatch(new RegExp(`^mcp-compat: Unexpected argument "(server\\.js|node)"\\. Put the server command after --, e\\.g\\. mcp-compat ${command} -- node server\\.js\\.\\n$`));
    }
    expect(existsSync(join(cwd, MARKER))).toBe(false);
  });

  it('--baseline wins over the configured one: it is compared with, reported, and the only file --update rewrites', async () => {
    const cwd = workdir();
    expect((await cli(['snapshot', '-o', 'configured.json', '--', ...notesServer(1)], { cwd })).code).toBe(0);
    const configured = readFileSync(join(cwd, 'configured.json'), 'utf8');
    writeFileSync(join(cwd, 'other.json'), configured);
    writeFileSync(join(cwd, 'mcp-compat.config.json'), JSON.stringify({ servers: { notes: { baseline: 'configured.json', command: notesServer(2) } } }));

    const check = await cli(['check', '--baseline', 'other.json', '--format', 'json'], { cwd });
    expect(check.code).toBe(1);
    const updated = await cli(['check', '--baseline', 'other.json', '--update'], { cwd });
    expect(updated.code, updated.stderr).toBe(0);
    expect(updated.stderr).toBe('mcp-compat: updated baseline other.json\n');
    expect(updated.stdout.trimEnd().split('\n').at(-1)).toBe('    mcp-compat check --baseline other.json --update');
    expect(readFileSync(join(cwd, 'configured.json'), 'utf8')).toBe(configured);
    expect(readFileSync(join(cwd, 'other.json'), 'utf8')).not.toBe(configured);
    // Now other.json is the v2 server's snapshot: nothing changed against it, while the configured baseline still differs.
    expect((await cli(['check', '--baseline', 'other.json'], { cwd })).code).toBe(0);
    expect((await cli(['check'], { cwd })).code).toBe(1);
  });

  it('an explicit server wins over the configured one', async () => {
    const cwd = workdir();
    expect((await cli(['snapshot', '-o', 'mcp-snapshot.json', '--', ...notesServer(1)], { cwd })).code).toBe(0);
    writeFileSync(join(cwd, 'mcp-compat.config.json'), JSON.stringify({ servers: { notes: { baseline: 'mcp-snapshot.json', command: notesServer(2) } } }));
    const explicit = await cli(['check', '--', ...notesServer(1)], { cwd });
    expect(explicit.code, explicit.stdout).toBe(0);
    expect(explicit.stdout).toContain('No changes.');
  });
});
