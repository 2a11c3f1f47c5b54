import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { findClientProfile } from '../../../src/clients/profiles.js';
import { nameFits } from '../../../src/clients/violations.js';
import type { ClientProfile } from '../../../src/clients/model.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

function fixture(file: string): Snapshot {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/clients/${file}`, import.meta.url), 'utf8')) as Snapshot;
}

function profiles(...ids: string[]): ClientProfile[] {
  return ids.map((id) => findClientProfile(id) as ClientProfile);
}

const LONG = 'summarise_every_document_changed_since_the_last_release_of_the_kb';
const base = fixture('names-base.json');
const head = fixture('names.json');

function clientChanges(clients: ClientProfile[], options: { serverKey?: string } = {}) {
  return diffSnapshots(base, head, { clients, ...options }).changes.filter((c) => c.rule === 'client-limit-violated');
}

describe('diff with client profiles', () => {
  it('reports only what the head newly violates, one change per place, naming every client it breaks', () => {
    const changes = clientChanges(profiles('openai', 'anthropic', 'cursor', 'claude-code'));
    expect(changes.map((c) => [c.name, c.pointer, c.params?.clients])).toEqual([
      ['export', '/inputSchema/type', ['anthropic']],
      ['list_recent_pages', '/name', ['cursor', 'claude-code']],
      [LONG, '/name', ['openai', 'anthropic', 'cursor', 'claude-code']],
    ]);
    for (const change of changes) expect(change.severity).toBe('breaking');
  });

  it('leaves out violations the base already had (docs.get) and ones the head fixed (pages.old)', () => {
    const names = clientChanges(profiles('openai', 'anthropic')).map((c) => c.name);
    expect(names).not.toContain('docs.get');
    expect(names).not.toContain('pages.old');
  });

  it('names the clients in the message', () => {
    const [, recent] = clientChanges(profiles('openai', 'anthropic', 'cursor', 'claude-code'));
    expect(recent?.message).toBe(
      'Tool `list_recent_pages` now breaks Cursor and Claude Code: Cursor takes at most 60 characters of server name and tool name together; `knowledge-base-for-the-whole-engineering-org` + `list_recent_pages` is 61. Claude Code calls it `mcp__knowledge-base-for-the-whole-engineering-org__list_recent_pages`, 68 characters (at most 64).',
    );
  });

  it('suggests a name that fits every chosen client for a new tool, and none for an existing one', () => {
    const chosen = profiles('openai', 'anthropic', 'cursor', 'claude-code');
    const changes = clientChanges(chosen);
    const long = changes.find((c) => c.name === LONG);
    expect(long?.suggestion?.kind).toBe('compliant-name');
    const proposed = long?.suggestion?.name as string;
    expect(nameFits(proposed, chosen, head.server.name)).toBe(true);
    // 13 characters are left after `mcp__<44-character server name>__`: cut at the last whole word.
    expect(proposed).toBe('summarise');
    expect(long?.suggestion?.snippet).toContain(`"${proposed}"`);
    expect(changes.find((c) => c.name === 'list_recent_pages')?.suggestion).toBeUndefined();
  });

  it("takes the server's name in the client's config when given (serverKey)", () => {
    expect(clientChanges(profiles('claude-code'), { serverKey: 'kb' }).map((c) => c.name)).toEqual([LONG]);
  });

  it('reports a tool count newly over the limit on the server, with the counts before and after', () => {
    const [change, ...others] = diffSnapshots(fixture('40-tools.json'), fixture('129-tools.json'), { clients: profiles('cursor', 'vscode') }).changes.filter(
      (c) => c.rule === 'client-limit-violated',
    );
    expect(others).toEqual([]);
    expect(change).toMatchObject({ entity: 'server', name: 'toolbox', pointer: '', before: 40, after: 129, params: { clients: ['cursor', 'vscode'] } });
    expect(change?.message).toMatch(/^Server `toolbox` now breaks Cursor and VS Code \/ GitHub Copilot: lists 129 tools; Cursor takes at most 40/);
  });

  it('checks nothing without clients, and keeps the other changes as they were', () => {
    const plain = diffSnapshots(base, head).changes;
    expect(plain.some((c) => c.rule === 'client-limit-violated')).toBe(false);
    const withClients = diffSnapshots(base, head, { clients: profiles('openai') }).changes.filter((c) => c.rule !== 'client-limit-violated');
    expect(withClients).toEqual(plain);
  });
});

describe('diff with client profiles: renamed tools', () => {
  it('does not report a renamed tool for a limit its old name already exceeded, and does for one it did not', () => {
    const renamed = structuredClone(base);
    // docs.get -> docs.fetch (both dotted: OpenAI already refused the old name); search -> search.all (newly dotted).
    renamed.tools = renamed.tools.map((tool) =>
      tool.name === 'docs.get' ? { ...tool, name: 'docs.fetch' } : tool.name === 'search' ? { ...tool, name: 'search.all' } : tool,
    );
    const changes = diffSnapshots(base, renamed, { clients: profiles('openai') }).changes;
    expect(changes.filter((c) => c.rule === 'tool-renamed').map((c) => [c.name, c.after])).toEqual([
      ['docs.get', 'docs.fetch'],
      ['search', 'search.all'],
    ]);
    expect(changes.filter((c) => c.rule === 'client-limit-violated').map((c) => c.name)).toEqual(['search.all']);
  });
});
