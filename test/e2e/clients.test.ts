import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, type RunResult, workdir } from './cli.js';

const CLIENTS = join(ROOT, 'fixtures', 'clients');
const validateReport = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8')) as object);

interface JsonChange {
  rule: string;
  name: string;
  pointer: string;
  message: string;
  suggestion?: { kind: string; name: string };
}

describe('--client and the clients config key (built CLI)', () => {
  let byFlag: RunResult;
  let byConfig: RunResult;
  let flagOverConfig: RunResult;
  let unknown: RunResult;
  let unknownOnCheck: RunResult;
  let acknowledged: RunResult;
  let ackDir: string;

  beforeAll(async () => {
    const dir = workdir();
    for (const file of ['names-base.json', 'names.json', '40-tools.json', '129-tools.json']) copyFileSync(join(CLIENTS, file), join(dir, file));
    writeFileSync(join(dir, 'mcp-compat.config.json'), `${JSON.stringify({ clients: ['cursor'] })}\n`);
    ackDir = workdir();
    for (const file of ['names-base.json', 'names.json']) copyFileSync(join(CLIENTS, file), join(ackDir, file));
    [byFlag, byConfig, flagOverConfig, unknown, unknownOnCheck, acknowledged] = await Promise.all([
      cli(['diff', 'names-base.json', 'names.json', '--client', 'openai,claude-code', '--format', 'json'], { cwd: dir }),
      cli(['diff', '40-tools.json', '129-tools.json'], { cwd: dir }),
      cli(['diff', '40-tools.json', '129-tools.json', '--client', 'anthropic'], { cwd: dir }),
      cli(['diff', 'names-base.json', 'names.json', '--client', 'openai,cursr'], { cwd: dir }),
      // Refused before the server is started: the command does not exist.
      cli(['check', '--baseline', 'names.json', '--client', 'copilot', '--', 'no-such-server-command'], { cwd: dir }),
      cli(['acknowledge', '--reason', 'tools renamed before release', '--all', '--client', 'claude-code', 'names-base.json', 'names.json'], { cwd: ackDir }),
    ]);
  }, 60_000);

  it('--client: exit 1, a breaking change per place that names the clients, and a compliant name in the JSON report', () => {
    expect(byFlag.stderr).toBe('');
    expect(byFlag.code).toBe(1);
    const report = JSON.parse(byFlag.stdout) as { changes: JsonChange[] };
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    const client = report.changes.filter((c) => c.rule === 'client-limit-violated');
    expect(client.map((c) => c.name)).toEqual(['list_recent_pages', 'summarise_every_document_changed_since_the_last_release_of_the_kb']);
    expect(client[0]?.message).toMatch(/^Tool `list_recent_pages` now breaks Claude Code: /);
    expect(client[1]?.message).toMatch(/^Tool `summarise_every_document_changed_since_the_last_release_of_the_kb` now breaks OpenAI function calling and Claude Code: /);
    expect(client[1]?.suggestion).toMatchObject({ kind: 'compliant-name', name: 'summarise' });
  });

  it('the clients key of the project config turns the profiles on, and --client replaces it', () => {
    expect(byConfig.code).toBe(1);
    expect(byConfig.stdout).toContain('Server `toolbox` now breaks Cursor: lists 129 tools; Cursor takes at most 40');
    expect(flagOverConfig.code).toBe(0);
    expect(flagOverConfig.stdout).not.toContain('client-limit-violated');
  });

  it('an unknown name: exit 2, one line that lists the known clients, nothing on stdout', () => {
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(
      'mcp-compat: Unknown client "cursr" in --client (did you mean "cursor"?); known clients: openai, anthropic, gemini, cursor, vscode, claude-code. docs/clients.md lists their limits.\n',
    );
    expect(unknownOnCheck.code).toBe(2);
    expect(unknownOnCheck.stderr).toMatch(/^mcp-compat: Unknown client "copilot" in --client; known clients: openai, /);
    expect(unknownOnCheck.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('acknowledge --all BASE HEAD --client: the client-limit changes are among those accepted', () => {
    expect(acknowledged.code).toBe(0);
    const config = JSON.parse(readFileSync(join(ackDir, 'mcp-compat.config.json'), 'utf8')) as { acknowledged: { rule: string; name: string }[] };
    const client = config.acknowledged.filter((entry) => entry.rule === 'client-limit-violated').map((entry) => entry.name);
    expect(client).toEqual(['list_recent_pages', 'summarise_every_document_changed_since_the_last_release_of_the_kb']);
  });
});
