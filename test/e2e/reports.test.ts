import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownProblems } from '../unit/report/markdown-check.js';
import { cli, workdir } from './cli.js';
import { notesServer } from './servers.js';

// The reports of a large release (fixtures/snapshots/pairs/big-release: 238 breaking and 118
// compatible changes on 120 tools) through the built CLI, on both start-up paths of diff.

const OCLIF = { MCP_COMPAT_FAST_PATH: '0' };

describe('reports of a large release (built CLI)', () => {
  it.each([
    ['start-up path', {}],
    ['oclif', OCLIF],
  ])('text (%s): about one line per group of changes, the suggestion once, code only with --suggestions full', async (_path, env) => {
    const dir = workdir('big-release');
    const brief = await cli(['diff', 'base.json', 'head.json'], { cwd: dir, env });
    expect(brief.code).toBe(1);
    const lines = brief.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThan(40);
    expect(lines.filter((line) => / on 118 tools: /.test(line))).toHaveLength(3);
    expect(brief.stdout).not.toContain('registerTool');
    expect(lines.at(-3)).toBe('    mcp-compat acknowledge --reason "..." --all base.json head.json');

    const full = await cli(['diff', 'base.json', 'head.json', '--suggestions', 'full'], { cwd: dir, env });
    expect(full.stdout.match(/server\.registerTool\(/g)).toHaveLength(120);
    const none = await cli(['diff', 'base.json', 'head.json', '--suggestions=none'], { cwd: dir, env });
    expect(none.stdout).not.toContain('suggestion');
    expect((await cli(['diff', 'base.json', 'head.json', '--suggestions', 'some'], { cwd: dir, env })).code).toBe(2);
  });

  it('markdown: within 60,000 characters, valid, summary and table first, details collapsed; snippets in the configured languages', async () => {
    const dir = workdir('big-release');
    const { code, stdout } = await cli(['diff', 'base.json', 'head.json', '--format', 'markdown'], { cwd: dir });
    expect(code).toBe(1);
    expect(stdout.length).toBeLessThanOrEqual(60_000);
    expect(markdownProblems(stdout)).toEqual([]);
    expect(stdout).toContain('| 🔴 breaking | 238 | 0 |');
    expect(stdout.indexOf('#### Changes')).toBeLessThan(stdout.indexOf('#### Details'));
    expect(stdout).not.toContain('<details open');
    expect(stdout).toContain('```ts\n');
    expect(stdout).not.toContain('```python\n');

    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ suggestions: { languages: ['python'] } }));
    const python = await cli(['diff', 'base.json', 'head.json', '--format', 'markdown'], { cwd: dir });
    expect(python.stdout).toContain('<details><summary>Code: Python</summary>\n\n```python\n');
    expect(python.stdout).not.toContain('```ts\n');
    expect(python.stdout.length).toBeLessThanOrEqual(60_000);
    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ suggestions: { languages: ['rust'] } }));
    const bad = await cli(['diff', 'base.json', 'head.json'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('invalid project config at /suggestions/languages/0: expected one of typescript, python');
  });
});

describe('swapped arguments and a failed version gate (built CLI)', () => {
  it('says in one line, in text, markdown and github, when the head version is lower than the base version', async () => {
    const dir = workdir('breaking');
    const note = "The head's version 1.0.0 is lower than the base's 1.1.0: are BASE and HEAD swapped?";
    const text = await cli(['diff', 'head.json', 'base.json'], { cwd: dir });
    expect(text.stdout.split('\n')[1]).toBe(`note: ${note} (The base is the released version, the head the new one.)`);
    expect((await cli(['diff', 'head.json', 'base.json', '--format', 'markdown'], { cwd: dir })).stdout).toContain(`> **Note:** ${note}`);
    expect((await cli(['diff', 'head.json', 'base.json', '--format', 'github'], { cwd: dir })).stdout).toContain(`::notice title=mcp-compat::${note}`);
    expect((await cli(['diff', 'base.json', 'head.json'], { cwd: dir })).stdout).not.toContain('swapped');
  });

  it('a too-small declared version asks for the version to declare, not for a refreshed baseline', async () => {
    const dir = workdir('breaking');
    const { code, stdout } = await cli(['diff', 'base.json', 'head.json', '--fail-on', 'none', '--next-version', '1.0.1'], { cwd: dir });
    expect(code).toBe(1);
    const tail = stdout.slice(stdout.indexOf('What to do now:')).trimEnd().split('\n');
    expect(tail).toEqual(['What to do now:', "  Declare version 2.0.0 or higher: as the server's version in the head snapshot, or with --next-version 2.0.0."]);
    const both = await cli(['diff', 'base.json', 'head.json', '--require-bump'], { cwd: dir });
    expect(both.stdout).toContain('Declare version 2.0.0 or higher');
    expect(both.stdout).toContain('mcp-compat acknowledge --reason "..."');
    expect(both.stdout).toContain('Then refresh the baseline:');
  });
});

describe('check: the same report options on a live server (built CLI)', () => {
  it('--suggestions full shows code, and the footer acknowledges the check\'s own changes', async () => {
    const dir = workdir();
    expect((await cli(['snapshot', '-o', 'mcp-snapshot.json', '--', ...notesServer(1)], { cwd: dir })).code).toBe(0);
    const full = await cli(['check', '--suggestions', 'full', '--', ...notesServer(2)], { cwd: dir });
    expect(full.code).toBe(1);
    expect(full.stdout).toContain('server.registerTool(');
    const brief = await cli(['check', '--', ...notesServer(2)], { cwd: dir });
    expect(brief.stdout).not.toContain('server.registerTool(');
    const fingerprints = [...brief.stdout.matchAll(/^ {4}mcp-compat acknowledge --reason "\.\.\." ((?:[0-9a-f]{12} ?)+)$/gm)].map((match) => match[1]?.trim().split(' '));
    expect(fingerprints).toHaveLength(1);
    const ack = await cli(['acknowledge', '--reason', 'v2 renames are announced', ...(fingerprints[0] ?? [])], { cwd: dir });
    expect(ack.code).toBe(0);
    expect((await cli(['check', '--', ...notesServer(2)], { cwd: dir })).code).toBe(0);
  });
});
