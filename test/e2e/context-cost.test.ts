import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, runNode, type RunResult, workdir } from './cli.js';

// Context cost through the built CLI: the flags parse on both start-up paths, the limits set the
// exit code, the JSON report carries summary.context. The fixture pair `breaking` (notes 1.0.0 ->
// 1.1.0) goes from 147 to 154 o200k_base tokens.
describe('context cost (built CLI)', { timeout: 60_000 }, () => {
  let dir: string;
  let gated: RunResult;
  let configured: RunResult;
  let invalid: RunResult;
  let action: RunResult;

  beforeAll(async () => {
    dir = workdir('breaking');
    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ context: { maxTokens: 154, maxGrowth: '10%' } }));
    [gated, configured, invalid, action] = await Promise.all([
      // The start-up path of diff; --fail-on none, so only the context limit can fail the run.
      cli(['diff', 'base.json', 'head.json', '--format', 'json', '--fail-on', 'none', '--max-context-growth', '4%'], { cwd: dir }),
      // oclif's path, limits from the project config only (both met exactly or under).
      cli(['diff', 'base.json', 'head.json', '--fail-on', 'none'], { cwd: dir, env: { MCP_COMPAT_FAST_PATH: '0' } }),
      cli(['diff', 'base.json', 'head.json', '--max-context-growth', '10 percent'], { cwd: dir }),
      // The Action's entry, with no server to check: it warns that it ignores the config's limits, then stops.
      runNode(join(ROOT, 'dist', 'action.js'), [], { cwd: dir, env: { GITHUB_WORKSPACE: dir } }),
    ]);
  });

  it('a growth limit exceeded exits 1, and the JSON report says by how much', () => {
    expect(gated.stderr).toBe('');
    expect(gated.code).toBe(1);
    const report = JSON.parse(gated.stdout) as { summary: Record<string, unknown>; context: { exceeded: { limit: string; message: string }[]; entities: { name: string; delta: number }[] } };
    expect(report.summary).toMatchObject({ failed: true, context: { baseTokens: 147, headTokens: 154, delta: 7 } });
    expect(report.context.exceeded).toEqual([
      { limit: 'max-context-growth', message: 'Context grows by 7 tokens (+4.8%), over the limit of 4% of 147 tokens (max-context-growth).' },
    ]);
    expect(report.context.entities.map((entity) => [entity.name, entity.delta])).toEqual([
      ['tag_note', 43],
      ['delete_note', -34],
      ['search', -2],
    ]);
  });

  it('limits from the project config are counted and met: exit 0, the delta in the summary line', () => {
    expect(configured.stderr).toBe('');
    expect(configured.code).toBe(0);
    expect(configured.stdout).toContain('CONTEXT (o200k_base tokens)\n  +43  tool tag_note (new)\n  -34  tool delete_note (removed)\n   -2  tool search (46 -> 44)\n');
    expect(configured.stdout).toContain('recommended bump: major; context +7 tokens per conversation (147 -> 154); passed (fail-on: none)');
  });

  it('a malformed limit exits 2 with one line', () => {
    expect(invalid.code).toBe(2);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toBe('mcp-compat: --max-context-growth "10 percent" is neither a number of tokens nor a percentage (expected N or P%, e.g. 500 or 10%).\n');
  });

  it('the GitHub Action warns that it does not apply the config\'s context limits', () => {
    expect(action.code).toBe(2);
    expect(action.stdout).toMatch(/^::warning title=mcp-compat%3A context cost not counted::The project config has a "context" section, which the GitHub Action does not apply/);
  });
});
