import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, workdir } from './cli.js';
import { notesServer } from './servers.js';
import { snapshotText } from './proto-snapshot.js';

// Snapshot and config files are JSON text, where `__proto__`, `constructor` and `prototype` are
// ordinary keys. Written here as text, so the keys are exactly what a file on disk holds.

const PROTO_TOOL = `{ "description": "Named like the prototype.", "inputSchema": { "type": "object" }, "name": "__proto__" }`;
const searchTool = (meta: string, readOnly: string) =>
  `{ "_meta": { "__proto__": { "owner": "${meta}" }, "prototype": 1 }, "annotations": { "constructor": ${readOnly} }, "description": "Search.", "inputSchema": { "type": "object" }, "name": "search" }`;

interface JsonReport {
  summary: { breaking: number; failed: boolean };
  changes: { rule: string; severity: string; name: string; pointer: string; acknowledged: boolean }[];
}

function writePair(dir: string): void {
  writeFileSync(join(dir, 'base.json'), snapshotText(`${PROTO_TOOL}, ${searchTool('a', 'true')}`));
  writeFileSync(join(dir, 'head.json'), snapshotText(searchTool('b', 'false')));
}

describe('keys named __proto__, constructor, prototype (built CLI)', () => {
  it('diff: a removed tool named __proto__ and changed _meta/annotation keys are reported, exit 1', async () => {
    const dir = workdir();
    writePair(dir);
    const text = await cli(['diff', 'base.json', 'head.json'], { cwd: dir });
    expect(text.stderr).toBe('');
    expect(text.code).toBe(1);
    expect(text.stdout).not.toContain('No changes');
    expect(text.stdout).toContain('Tool `__proto__` was removed');

    const { code, stdout } = await cli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir });
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.changes.map((c) => [c.rule, c.severity, c.name, c.pointer])).toEqual([
      ['tool-removed', 'breaking', '__proto__', ''],
      ['tool-metadata-changed', 'compatible', 'search', '/_meta/__proto__'],
      ['tool-annotation-changed', 'compatible', 'search', '/annotations/constructor'],
    ]);
  }, 60_000);

  it('a project config whose acknowledgement names the tool __proto__ (for a server named constructor) accepts exactly that change', async () => {
    const dir = workdir();
    writePair(dir);
    writeFileSync(
      join(dir, 'mcp-compat.config.json'),
      `{"servers": {"constructor": {"baseline": "base.json", "command": ["node", "server.js"], "env": {"__proto__": "x"}}},
        "acknowledged": [{"rule": "tool-removed", "entity": "tool", "name": "__proto__", "pointer": "", "reason": "retired in 2.0", "server": "constructor"}]}`,
    );
    const { code, stdout, stderr } = await cli(['diff', 'base.json', 'head.json', '--format', 'json'], { cwd: dir });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as JsonReport;
    expect(report.changes.find((c) => c.name === '__proto__')).toMatchObject({ rule: 'tool-removed', acknowledged: true });
    expect(report.summary.failed).toBe(false);
  }, 60_000);

  it('check --all runs servers configured as "__proto__" and "constructor", each under its own name', async () => {
    const dir = workdir();
    const baseline = await cli(['snapshot', '-o', 'base.json', '--', ...notesServer(1)], { cwd: dir });
    expect(baseline.code, baseline.stderr).toBe(0);
    const command = JSON.stringify(notesServer(1));
    writeFileSync(
      join(dir, 'mcp-compat.config.json'),
      `{"servers": {
        "__proto__": {"baseline": "base.json", "command": ${command}, "env": {"__proto__": "x", "constructor": "y"}},
        "constructor": {"baseline": "base.json", "command": ${command}}
      }}`,
    );
    const { code, stdout, stderr } = await cli(['check', '--all'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stdout.split('\n').filter((line) => line.startsWith('=='))).toEqual(['== server __proto__ ==', '== server constructor ==']);
  }, 120_000);

  it('a client config entry named __proto__ is the server --server __proto__ starts', async () => {
    const dir = workdir();
    writeFileSync(
      join(dir, '.mcp.json'),
      `{"mcpServers": {"__proto__": {"command": ${JSON.stringify(notesServer(1)[0])}, "args": ${JSON.stringify(notesServer(1).slice(1))}, "env": {"__proto__": "x"}}, "other": {"command": "false"}}}`,
    );
    const { code, stderr } = await cli(['snapshot', '-o', 'snap.json', '--config', '.mcp.json', '--server', '__proto__'], { cwd: dir });
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('mcp-compat: wrote snap.json (notes 1.0.0:');
    const missing = await cli(['snapshot', '--config', '.mcp.json', '--server', 'constructor'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('has no server named "constructor"');
  }, 60_000);

  it('capture keeps them as keys, and check reports what changed under them (a real SDK server)', async () => {
    const server = [process.execPath, join(ROOT, 'fixtures', 'servers', 'proto-keys', 'server.js')];
    const dir = workdir();
    const snapshot = await cli(['snapshot', '-o', 'base.json', '--', ...server, '--version', '1'], { cwd: dir });
    expect(snapshot.code, snapshot.stderr).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'base.json'), 'utf8')) as { tools: { name: string; inputSchema: { properties?: object }; _meta?: object; annotations?: object }[]; server: { capabilities: { tools: object } } };
    expect(written.tools.map((tool) => tool.name)).toEqual(['__proto__', 'search']);
    const search = written.tools[1]!;
    for (const container of [search.inputSchema.properties!, search._meta!, search.annotations!, written.server.capabilities.tools]) {
      expect(Object.hasOwn(container, '__proto__')).toBe(true);
    }

    const { code, stdout, stderr } = await cli(['check', '--baseline', 'base.json', '--format', 'json', '--', ...server, '--version', '2'], { cwd: dir });
    expect(code, stderr).toBe(1);
    const changes = (JSON.parse(stdout) as JsonReport).changes.map((c) => `${c.severity} ${c.rule} ${c.name}${c.pointer}`);
    expect(changes).toContain('breaking tool-removed __proto__');
    // (The narrowed `__proto__` property itself is the schema comparator's: proto-keys-schema.test.ts.)
    expect(changes).toContain('compatible tool-metadata-changed search/_meta/__proto__');
    expect(changes.some((c) => c.includes('search/annotations/__proto__'))).toBe(true);
  }, 120_000);
});
