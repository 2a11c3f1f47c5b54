import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.js';
import { ROOT } from './cli.js';
import { tracedCli, type TracedRun } from './traced.js';

/**
 * The published memory server (@modelcontextprotocol/server-memory), two versions pinned as dev
 * dependencies, launched the way users launch it: `npx --no-install mcp-server-memory` (the bin of
 * the version installed in the project), through `sh -c`, and from a `.mcp.json` entry using `npx`.
 * 2025.9.25 is the one this repository's node_modules/.bin holds; 2026.8.31 is "installed" in a
 * project of its own (its bin linked into that project's node_modules/.bin), where npx finds it
 * without the network. Each run must leave no process behind (found through /proc: Linux only).
 */
const OLD = join(ROOT, 'node_modules', 'server-memory-2025.9.25');
const NEW = join(ROOT, 'node_modules', 'server-memory-2026.8.31');
const HELPER = join(ROOT, 'fixtures', 'servers', 'unruly', 'helper.js');
const npxMemory = ['npx', '--no-install', 'mcp-server-memory'];

interface JsonReport {
  base: { name: string; version: string };
  head: { name: string; version: string };
  summary: { breaking: number; risky: number; compatible: number; recommendedBump: string; failed: boolean; context?: { baseTokens: number; headTokens: number; delta: number } };
  changes: { rule: string; entity: string; name: string; severity: string }[];
}

describe.runIf(process.platform === 'linux')('real published servers, launched as users launch them', { timeout: 90_000 }, () => {
  let dir: string;
  /** A project with server-memory 2026.8.31 installed. */
  let project: string;
  let baseline: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(() => {
    dir = tempDir('mcp-compat-real-');
    project = join(dir, 'project');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'uses-memory', private: true, dependencies: { '@modelcontextprotocol/server-memory': '2026.8.31' } }));
    symlinkSync(join(NEW, 'dist', 'index.js'), join(project, 'node_modules', '.bin', 'mcp-server-memory'));
    baseline = join(dir, 'memory-2025.9.25.json');
    // The memory server writes its graph only on tool calls; a capture makes none, but it is kept out of node_modules all the same.
    env = { MEMORY_FILE_PATH: join(dir, 'memory.jsonl'), npm_config_update_notifier: 'false' };
  });

  /** npx ran, it started the server's bin (through `sh -c`, as npm runs bins), and nothing is left running. */
  const launched = (run: TracedRun) => {
    // npx renames itself `npm exec ...` once it runs.
    expect(run.seen.some((command) => /\bnpx\b|^npm exec mcp-server-memory/.test(command)), run.seen.join('\n')).toBe(true);
    expect(run.seen.some((command) => /^node \S*node_modules\/\.bin\/mcp-server-memory$/.test(command)), run.seen.join('\n')).toBe(true);
    expect(run.survivors).toEqual([]);
  };

  it('snapshot of 2025.9.25 through `npx --no-install`', async () => {
    const run = await tracedCli(['snapshot', '-o', baseline, '--', ...npxMemory], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^mcp-compat: wrote .*memory-2025\.9\.25\.json \(memory-server [\d.]+: 9 tools, 0 prompts, 0 resources, 0 resource templates\)\n$/);
    const snapshot = JSON.parse(readFileSync(baseline, 'utf8')) as { tools: { name: string }[] };
    expect(snapshot.tools.map((tool) => tool.name)).toEqual(['add_observations', 'create_entities', 'create_relations', 'delete_entities', 'delete_observations', 'delete_relations', 'open_nodes', 'read_graph', 'search_nodes']);
    launched(run);
  });

  it('the same snapshot through `sh -c`, with a helper that holds the pipes started before npx is exec-ed', async () => {
    const run = await tracedCli(['snapshot', '--', 'sh', '-c', `"${process.execPath}" "${HELPER}" & exec npx --no-install mcp-server-memory`], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(readFileSync(baseline, 'utf8'));
    expect(run.seen.some((command) => command.includes('helper.js'))).toBe(true);
    launched(run);
  });

  it('check of 2026.8.31 (npx, in the project that installs it) against the 2025.9.25 baseline', async () => {
    const run = await tracedCli(['check', '--baseline', baseline, '--format', 'json', '--context', '--cwd', project, '--', ...npxMemory], { env });
    expect(run.code, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ breaking: 0, risky: 0, recommendedBump: 'minor', failed: false });
    // The output schemas and longer descriptions cost every conversation that loads the server (o200k_base tokens).
    expect(report.summary.context).toEqual({ baseTokens: 848, headTokens: 2149, delta: 1301 });
    // Counted on the live capture, in the server's own key order, as on its snapshot file: check and diff agree.
    const head = join(project, 'memory-2026.8.31.json');
    expect((await tracedCli(['snapshot', '-o', head, '--cwd', project, '--', ...npxMemory], { env })).code).toBe(0);
    const diffed = JSON.parse((await tracedCli(['diff', baseline, head, '--format', 'json', '--context'], { env })).stdout) as JsonReport;
    expect(diffed.summary.context).toEqual(report.summary.context);
    expect(report.summary.compatible).toBeGreaterThan(0);
    // What 2026.8.31 added: a resource, titles, annotations, and an outputSchema for every tool.
    const rules = new Set(report.changes.map((change) => change.rule));
    expect(rules).toEqual(new Set(['server-capability-added', 'server-capability-option-added', 'server-protocol-version-changed', 'resource-added', 'tool-output-schema-added', 'tool-title-changed', 'tool-destructive-hint-removed', 'tool-open-world-hint-removed', 'tool-idempotent-hint-added', 'tool-read-only-hint-added', 'input-additional-properties-opened']));
    expect(report.changes.filter((change) => change.rule === 'tool-output-schema-added')).toHaveLength(9);
    expect(report.changes.find((change) => change.rule === 'resource-added')?.name).toBe('memory://knowledge-graph');
    launched(run);
  });

  it('the same check from a `.mcp.json` entry using npx; --fail-on compatible makes it exit 1', async () => {
    const config = join(project, '.mcp.json');
    writeFileSync(config, JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['--no-install', 'mcp-server-memory'], env: { MEMORY_FILE_PATH: '${MEMORY_FILE_PATH}' } } } }, null, 2));
    const run = await tracedCli(['check', '--baseline', baseline, '--config', config, '--server', 'memory', '--format', 'json', '--fail-on', 'compatible'], { env });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ breaking: 0, risky: 0, recommendedBump: 'minor', failed: true });
    expect(report.changes.some((change) => change.rule === 'resource-added')).toBe(true);
    launched(run);
  });

  it('the other direction, 2025.9.25 checked against a 2026.8.31 baseline from `.mcp.json`, is breaking', async () => {
    const config = join(project, '.mcp.json');
    writeFileSync(config, JSON.stringify({ mcpServers: { memory: { command: 'npx', args: ['--no-install', 'mcp-server-memory'] } } }));
    const newer = join(dir, 'memory-2026.8.31.json');
    const snap = await tracedCli(['snapshot', '-o', newer, '--config', config, '--server', 'memory'], { env });
    expect(snap.code, snap.stderr).toBe(0);
    launched(snap);
    const run = await tracedCli(['check', '--baseline', newer, '--format', 'json', '--', ...npxMemory], { env });
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ recommendedBump: 'major', failed: true });
    expect(report.changes).toContainEqual(expect.objectContaining({ rule: 'resource-removed', severity: 'breaking', name: 'memory://knowledge-graph' }));
    launched(run);
  });
});

describe.runIf(process.platform === 'linux')('the published sequential-thinking server: npx, and a `.mcp.json` entry running node on the installed package', { timeout: 90_000 }, () => {
  it('2026.8.31 checked against 2025.11.25 widens three input types (compatible); the other way round narrows them (breaking)', async () => {
    const dir = tempDir('mcp-compat-real-');
    const config = join(dir, '.mcp.json');
    writeFileSync(config, JSON.stringify({ mcpServers: { thinking: { command: 'node', args: [join(ROOT, 'node_modules', 'server-sequential-thinking-2026.8.31', 'dist', 'index.js')] } } }));
    const older = await tracedCli(['snapshot', '-o', join(dir, 'old.json'), '--', 'npx', '--no-install', 'mcp-server-sequential-thinking']);
    expect(older.code, older.stderr).toBe(0);
    expect(older.survivors).toEqual([]);

    const forward = await tracedCli(['check', '--baseline', join(dir, 'old.json'), '--config', config, '--server', 'thinking', '--format', 'json']);
    expect(forward.code, forward.stderr).toBe(0);
    const report = JSON.parse(forward.stdout) as JsonReport;
    expect(report.head).toEqual({ name: 'sequential-thinking-server', version: '2026.8.31' });
    expect(report.summary).toMatchObject({ breaking: 0, risky: 0, recommendedBump: 'minor' });
    expect(report.changes.filter((change) => change.rule === 'input-type-widened')).toHaveLength(3);
    expect(forward.survivors).toEqual([]);

    const newer = await tracedCli(['snapshot', '-o', join(dir, 'new.json'), '--config', config, '--server', 'thinking']);
    expect(newer.code, newer.stderr).toBe(0);
    const backward = await tracedCli(['check', '--baseline', join(dir, 'new.json'), '--format', 'json', '--', 'npx', '--no-install', 'mcp-server-sequential-thinking']);
    expect(backward.code, backward.stderr).toBe(1);
    const narrowed = (JSON.parse(backward.stdout) as JsonReport).changes.filter((change) => change.rule === 'input-type-narrowed');
    expect(narrowed.map((change) => change.severity)).toEqual(['breaking', 'breaking', 'breaking']);
    expect([...newer.survivors, ...backward.survivors]).toEqual([]);
  });
});
