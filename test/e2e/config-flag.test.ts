import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, workdir } from './cli.js';

/** design §3: `--config` names the project's own config file, as well as (with --server) a client config. */
describe('--config (built CLI)', () => {
  it('diff --config FILE reads a project config kept under any name', async () => {
    const dir = workdir('breaking');
    writeFileSync(join(dir, 'compat.json'), JSON.stringify({ failOn: 'none' }));
    const strict = await cli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir });
    expect(strict.code).toBe(1);
    const relaxed = await cli(['diff', 'base.json', 'head.json', '--format', 'json', '--config', 'compat.json'], { cwd: dir });
    expect(relaxed.stderr).toBe('');
    expect(relaxed.code).toBe(0);
    expect(JSON.parse(relaxed.stdout).summary.failOn).toBe('none');
  });

  it('check --config mcp-compat.config.json runs the configured server; --config .mcp.json --server picks a client entry', async () => {
    const dir = workdir();
    const server = join(ROOT, 'fixtures', 'servers', 'notes', 'v1', 'server.js');
    const snapshot = await cli(['snapshot', '-o', join(dir, 'mcp-snapshot.json'), '--', process.execPath, server], { cwd: dir });
    expect(snapshot.code).toBe(0);
    writeFileSync(join(dir, 'mcp-compat.config.json'), JSON.stringify({ servers: { notes: { baseline: 'mcp-snapshot.json', command: [process.execPath, server] } } }));
    writeFileSync(join(dir, '.mcp.json'), JSON.stringify({ mcpServers: { notes: { command: process.execPath, args: [server] } } }));

    const project = await cli(['check', '--config', 'mcp-compat.config.json', '--format', 'json'], { cwd: dir });
    expect(project.stderr).toBe('');
    expect(project.code).toBe(0);
    expect(JSON.parse(project.stdout).changes).toEqual([]);

    const client = await cli(['check', '--baseline', 'mcp-snapshot.json', '--config', '.mcp.json', '--server', 'notes', '--format', 'json'], { cwd: dir });
    expect(client.stderr).toBe('');
    expect(client.code).toBe(0);
  });
});
