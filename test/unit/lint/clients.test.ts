import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ClientProfile } from '../../../src/clients/model.js';
import { CLIENT_IDS, findClientProfile } from '../../../src/clients/profiles.js';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import { buildLintReport } from '../../../src/policy/lint-report.js';
import { LINT_RULES } from '../../../src/rules/lint-registry.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

function fixture(file: string): Snapshot {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/clients/${file}`, import.meta.url), 'utf8')) as Snapshot;
}

function profiles(...ids: string[]): ClientProfile[] {
  return ids.map((id) => findClientProfile(id) as ClientProfile);
}

const CLIENT_RULES = new Set(['client-api-limit-exceeded', 'client-behaviour-limit-exceeded']);
const LONG = 'summarise_every_document_changed_since_the_last_release_of_the_kb';

function clientFindings(snapshot: Snapshot, clients: ClientProfile[], serverKey?: string) {
  return lintSnapshot(snapshot, LINT_RULES, { clients, ...(serverKey === undefined ? {} : { serverKey }) }).filter((finding) => CLIENT_RULES.has(finding.rule));
}

describe('lint with client profiles', () => {
  const names = fixture('names.json');

  it('reports every violation, not only new ones: an error where the API rejects the request, a warning where the client drops the tool', () => {
    const findings = clientFindings(names, profiles(...CLIENT_IDS));
    expect(findings.map((f) => [f.severity, f.rule, f.name, f.pointer, f.params?.clients])).toEqual([
      ['error', 'client-api-limit-exceeded', 'docs.get', '/name', ['openai', 'anthropic']],
      ['error', 'client-api-limit-exceeded', 'export', '/inputSchema/type', ['anthropic']],
      ['error', 'client-api-limit-exceeded', 'list_recent_pages', '/name', ['claude-code']],
      ['error', 'client-api-limit-exceeded', LONG, '/name', ['openai', 'anthropic', 'gemini', 'claude-code']],
      ['warning', 'client-behaviour-limit-exceeded', 'list_recent_pages', '/name', ['cursor']],
      ['warning', 'client-behaviour-limit-exceeded', LONG, '/name', ['cursor']],
    ]);
  });

  it('names the client, the limit and its source in the message', () => {
    const [docs] = clientFindings(names, profiles('openai', 'anthropic'));
    expect(docs?.message).toBe(
      'Tool `docs.get` breaks OpenAI function calling and Anthropic Messages API: ' +
        'OpenAI function calling rejects the name: it contains "." (allowed: letters, digits, `_` and `-`) (openai/tool-name; source: https://platform.openai.com/docs/api-reference/chat/create). ' +
        'Anthropic Messages API rejects the name: it contains "." (allowed: letters, digits, `_` and `-`) (anthropic/tool-name; source: https://platform.claude.com/docs/en/agents-and-tools/tool-use/define-tools).',
    );
    const [cursor] = clientFindings(names, profiles('cursor'));
    expect(cursor?.message).toBe(
      'Tool `list_recent_pages` breaks Cursor: Cursor takes at most 60 characters of server name and tool name together; `knowledge-base-for-the-whole-engineering-org` + `list_recent_pages` is 61 (cursor/server-tool-name-length; source: https://easymanage.com/res/docs/tutorials/ai-solutions/chapter-3-mcp-advanced).',
    );
  });

  it('reports a tool count over a limit on the server, split by enforcement', () => {
    const findings = clientFindings(fixture('129-tools.json'), profiles('openai', 'cursor', 'vscode'));
    expect(findings.map((f) => [f.rule, f.entity, f.name, f.pointer, f.params?.clients])).toEqual([
      ['client-api-limit-exceeded', 'server', 'toolbox', '', ['openai']],
      ['client-behaviour-limit-exceeded', 'server', 'toolbox', '', ['cursor', 'vscode']],
    ]);
    expect(findings[1]?.message).toMatch(/^Server `toolbox` breaks Cursor and VS Code \/ GitHub Copilot: lists 129 tools; Cursor takes at most 40 .*\(cursor\/tool-count; source: https:\/\/forum\.cursor\.com\//);
  });

  it("takes the server's name in the client's config when given (serverKey)", () => {
    expect(clientFindings(names, profiles('claude-code'), 'kb').map((f) => f.name)).toEqual([LONG]);
  });

  it('finds nothing without chosen clients, and leaves the other findings as they were', () => {
    expect(clientFindings(names, [])).toEqual([]);
    const withClients = lintSnapshot(names, LINT_RULES, { clients: profiles(...CLIENT_IDS) }).filter((f) => !CLIENT_RULES.has(f.rule));
    expect(withClients).toEqual(lintSnapshot(names));
  });

  it('gives each finding of the report its own fingerprint, and --rule settings apply to the client rules', () => {
    const report = buildLintReport({
      snapshot: names,
      rules: LINT_RULES,
      policy: { failOn: 'error', rules: { 'client-behaviour-limit-exceeded': 'error', 'client-api-limit-exceeded': 'off' } },
      context: { clients: profiles(...CLIENT_IDS) },
    });
    const client = report.findings.filter((f) => CLIENT_RULES.has(f.rule));
    expect(client.map((f) => [f.rule, f.severity, f.defaultSeverity, f.name])).toEqual([
      ['client-behaviour-limit-exceeded', 'error', 'warning', 'list_recent_pages'],
      ['client-behaviour-limit-exceeded', 'error', 'warning', LONG],
    ]);
    expect(report.disabled).toContain('client-api-limit-exceeded');
    const all = buildLintReport({ snapshot: names, rules: LINT_RULES, policy: { failOn: 'error' }, context: { clients: profiles(...CLIENT_IDS) } }).findings;
    expect(new Set(all.map((f) => f.fingerprint)).size).toBe(all.length);
  });
});
