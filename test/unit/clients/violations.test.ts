import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_PROFILES, findClientProfile } from '../../../src/clients/profiles.js';
import { nameBudget, nameFits, profileViolations } from '../../../src/clients/violations.js';
import type { ClientProfile } from '../../../src/clients/model.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

function fixture(file: string): Snapshot {
  return JSON.parse(readFileSync(new URL(`../../../fixtures/clients/${file}`, import.meta.url), 'utf8')) as Snapshot;
}

function profile(id: string): ClientProfile {
  const found = findClientProfile(id);
  if (!found) throw new Error(`no profile ${id}`);
  return found;
}

/** `limit name pointer` of every violation of one profile. */
function found(file: string, id: string, options = {}): string[] {
  return profileViolations(fixture(file), [profile(id)], options).map((v) => `${v.limit} ${v.name} ${v.pointer}`);
}

const LONG = 'summarise_every_document_changed_since_the_last_release_of_the_kb';

describe('client profiles (data)', () => {
  it('give every limit an id, a description, an enforcement and an https source', () => {
    const ids = CLIENT_PROFILES.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of CLIENT_PROFILES) {
      expect(p.id).toMatch(/^[a-z][a-z0-9-]*$/);
      expect(p.limits.length, p.id).toBeGreaterThan(0);
      const limitIds = p.limits.map((l) => l.id);
      expect(new Set(limitIds).size, p.id).toBe(limitIds.length);
      for (const limit of p.limits) {
        expect(limit.description.length, `${p.id}/${limit.id}`).toBeGreaterThan(10);
        expect(['api-error', 'client-behaviour']).toContain(limit.enforcement);
        expect(limit.source, `${p.id}/${limit.id}`).toMatch(/^https:\/\/\S+$/);
      }
    }
  });

  it('are each cited in docs/clients.md with their source', () => {
    const doc = readFileSync(new URL('../../../docs/clients.md', import.meta.url), 'utf8');
    for (const p of CLIENT_PROFILES) {
      for (const limit of p.limits) {
        expect(doc, `${p.id}/${limit.id}`).toContain(`\`${p.id}\` / \`${limit.id}\``);
        expect(doc, `${p.id}/${limit.id}`).toContain(limit.source);
      }
    }
  });
});

describe('profileViolations, per limit', () => {
  it('openai tool-name: a dot, and more than 64 characters', () => {
    expect(found('names.json', 'openai')).toEqual(['tool-name docs.get /name', `tool-name ${LONG} /name`]);
    const [dot, long] = profileViolations(fixture('names.json'), [profile('openai')]);
    expect(dot?.message).toBe('Tool `docs.get`: OpenAI function calling rejects the name: it contains "." (allowed: letters, digits, `_` and `-`).');
    expect(long?.reason).toBe('OpenAI function calling rejects the name: it is 65 characters (at most 64).');
    expect(long).toMatchObject({ client: 'openai', entity: 'tool', enforcement: 'api-error', source: 'https://platform.openai.com/docs/api-reference/chat/create' });
  });

  it('openai, vscode and cursor tool-count: server-wide, with an empty pointer', () => {
    expect(found('129-tools.json', 'openai')).toEqual(['tool-count toolbox ']);
    expect(found('129-tools.json', 'vscode')).toEqual(['tool-count toolbox ']);
    expect(found('129-tools.json', 'cursor')).toEqual(['tool-count toolbox ']);
    const [count] = profileViolations(fixture('129-tools.json'), [profile('vscode')]);
    expect(count).toMatchObject({ entity: 'server', name: 'toolbox', pointer: '', enforcement: 'client-behaviour' });
    expect(count?.message).toBe("Server `toolbox`: lists 129 tools; VS Code / GitHub Copilot takes at most 128 per request, counting every server's tools.");
  });

  it('tool-count holds at the limit itself (40 tools for cursor)', () => {
    expect(found('40-tools.json', 'cursor')).toEqual([]);
    expect(found('40-tools.json', 'openai')).toEqual([]);
  });

  it('anthropic: the name pattern, and an input schema that does not say type object', () => {
    expect(found('names.json', 'anthropic')).toEqual(['tool-name docs.get /name', `tool-name ${LONG} /name`, 'input-schema-object export /inputSchema/type']);
    const schema = profileViolations(fixture('names.json'), [profile('anthropic')]).find((v) => v.limit === 'input-schema-object');
    expect(schema?.reason).toBe('Anthropic Messages API requires an input schema of `type: "object"`; this one has no `type`.');
  });

  it('gemini tool-name allows dots and colons but not more than 64 characters', () => {
    expect(found('names.json', 'gemini')).toEqual([`tool-name ${LONG} /name`]);
  });

  it("cursor: server name and tool name together, with the server's own name by default", () => {
    expect(found('names.json', 'cursor')).toEqual(['server-tool-name-length list_recent_pages /name', `server-tool-name-length ${LONG} /name`]);
    const [short] = profileViolations(fixture('names.json'), [profile('cursor')]);
    expect(short?.reason).toBe(
      'Cursor takes at most 60 characters of server name and tool name together; `knowledge-base-for-the-whole-engineering-org` + `list_recent_pages` is 61.',
    );
  });

  it('claude-code: the mcp__server__tool name, and a shorter server key given by the caller', () => {
    expect(found('names.json', 'claude-code')).toEqual(['namespaced-tool-name list_recent_pages /name', `namespaced-tool-name ${LONG} /name`]);
    const [short] = profileViolations(fixture('names.json'), [profile('claude-code')]);
    expect(short?.reason).toBe('Claude Code calls it `mcp__knowledge-base-for-the-whole-engineering-org__list_recent_pages`, 68 characters (at most 64).');
    expect(found('names.json', 'claude-code', { serverKey: 'kb' })).toEqual([`namespaced-tool-name ${LONG} /name`]);
  });

  it('finds nothing for vscode on a server with few tools, and nothing without profiles', () => {
    expect(found('names.json', 'vscode')).toEqual([]);
    expect(profileViolations(fixture('names.json'), [])).toEqual([]);
  });

  it('does not modify the snapshot', () => {
    const snapshot = fixture('names.json');
    const copy = structuredClone(snapshot);
    profileViolations(snapshot, CLIENT_PROFILES);
    expect(snapshot).toEqual(copy);
  });
});

describe('nameBudget and nameFits', () => {
  it('take the tightest name limit of the chosen profiles, server prefix included', () => {
    const chosen = [profile('openai'), profile('claude-code')];
    expect(nameBudget(chosen, 'kb')).toBe(64 - 'mcp__kb__'.length);
    expect(nameBudget([profile('vscode')], 'kb')).toBe(Number.POSITIVE_INFINITY);
    expect(nameFits('a'.repeat(55), chosen, 'kb')).toBe(true);
    expect(nameFits('a'.repeat(56), chosen, 'kb')).toBe(false);
    expect(nameFits('docs.get', [profile('gemini')], 'kb')).toBe(true);
    expect(nameFits('docs.get', [profile('openai')], 'kb')).toBe(false);
  });
});
