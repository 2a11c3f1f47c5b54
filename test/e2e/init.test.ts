import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';
import { notesServer } from './servers.js';

describe('mcp-compat init (built CLI)', () => {
  it('captures the baseline, writes the config and the workflow, and says what to commit', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'notes-server', version: '1.0.0' }));
    const { code, stdout, stderr } = await cli(['init', '--name', 'notes', '--', ...notesServer(1)], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('git add mcp-snapshot.json mcp-compat.config.json .github/workflows/mcp-compat.yml');

    const config = JSON.parse(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')) as { failOn: string; servers: Record<string, { baseline: string; command: string[] }> };
    expect(config.failOn).toBe('breaking');
    expect(config.servers.notes).toEqual({ baseline: 'mcp-snapshot.json', command: notesServer(1) });
    const snapshot = JSON.parse(readFileSync(join(dir, 'mcp-snapshot.json'), 'utf8')) as { formatVersion: number; tools: unknown[] };
    expect(snapshot.formatVersion).toBe(1);
    expect(snapshot.tools.length).toBeGreaterThan(0);
    const workflow = readFileSync(join(dir, '.github', 'workflows', 'mcp-compat.yml'), 'utf8');
    expect(workflow).toContain('  pull_request:');
    expect(workflow).not.toContain('pull_request_target:');
    expect(workflow).toContain('run: npm ci');
    expect(workflow).toContain('uses: mcp-compat/mcp-compat@');

    // The project is ready: check with no arguments uses the configured server.
    const check = await cli(['check'], { cwd: dir });
    expect(check.code, check.stderr).toBe(0);
  });

  it('refuses to overwrite without --force, and overwrites with it', async () => {
    const dir = workdir();
    writeFileSync(join(dir, 'mcp-compat.config.json'), '{"failOn":"none"}');
    const refused = await cli(['init', '--', ...notesServer(1)], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Not overwriting mcp-compat.config.json.');
    expect(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')).toBe('{"failOn":"none"}');

    const forced = await cli(['init', '--force', '--', ...notesServer(1)], { cwd: dir });
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'mcp-compat.config.json'), 'utf8')).toContain('"servers"');
  });

  it('needs a server', async () => {
    const { code, stderr } = await cli(['init'], { cwd: workdir() });
    expect(code).toBe(2);
    expect(stderr).toContain('init needs the server to capture.');
  });
});
