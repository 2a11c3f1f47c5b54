import { describe, expect, it } from 'vitest';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

function lint(tools: string[], prompts: string[] = []): string[] {
  const snapshot: Snapshot = {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 's', version: '1.0.0', protocolVersion: '2025-11-25', capabilities: { tools: {} } },
    tools: tools.map((name) => ({ name, description: 'A tool.', inputSchema: { type: 'object' } })),
    prompts: prompts.map((name) => ({ name, description: 'A prompt.' })),
    resources: [],
    resourceTemplates: [],
  };
  return lintSnapshot(snapshot).map((finding) => `${finding.rule} ${finding.name}: ${finding.message}`);
}

describe('tool names (MCP 2025-11-25, Tool Names)', () => {
  it('accepts the examples of the specification and the edges of its length', () => {
    expect(lint(['getUser', 'DATA_EXPORT_v2', 'admin.tools.list', 'a', 'x'.repeat(128)])).toEqual([]);
  });

  it('names each character outside the allowed set once, invisible ones by code point', () => {
    expect(lint(['café', 'a/b/c', 'zero\u200bwidth'])).toEqual([
      'tool-name-invalid-characters a/b/c: Tool `a/b/c`: the name has characters other than A-Z a-z 0-9 _ - . ("/"); clients may refuse it.',
      'tool-name-invalid-characters café: Tool `café`: the name has characters other than A-Z a-z 0-9 _ - . ("é"); clients may refuse it.',
      'tool-name-invalid-characters zero\u200bwidth: Tool `zero\u200bwidth`: the name has characters other than A-Z a-z 0-9 _ - . (U+200B); clients may refuse it.',
    ]);
  });

  it('counts the length in characters, and reports an empty name', () => {
    expect(lint(['x'.repeat(129), ''])).toEqual([
      'tool-name-length : A tool has an empty name; no client can call it.',
      `tool-name-length ${'x'.repeat(129)}: Tool \`${'x'.repeat(129)}\`: the name is 129 characters long, more than the 128 the specification allows.`,
    ]);
  });
});

describe('look-alike names', () => {
  it('reports case-only differences once per name, against the first in code-point order, and not again as separators', () => {
    expect(lint(['Search', 'SEARCH', 'search'])).toEqual([
      'tool-names-differ-only-in-case Search: Tool `Search` differs from tool `SEARCH` only in case; models and case-insensitive clients cannot tell them apart.',
      'tool-names-differ-only-in-case search: Tool `search` differs from tool `SEARCH` only in case; models and case-insensitive clients cannot tell them apart.',
    ]);
  });

  it('reads separators as rename detection does: any character that is not a letter or digit', () => {
    expect(lint(['get_user', 'getUser', 'get/user']).filter((line) => line.startsWith('tool-names-differ-only-in-separators'))).toEqual([
      'tool-names-differ-only-in-separators getUser: Tool `getUser` differs from tool `get/user` only in separators (and case); models and clients that rewrite names can confuse them.',
      'tool-names-differ-only-in-separators get_user: Tool `get_user` differs from tool `get/user` only in separators (and case); models and clients that rewrite names can confuse them.',
    ]);
  });

  it('leaves distinct names alone', () => {
    expect(lint(['get_user', 'get_users', 'list_user', 'user_get'], ['summarize', 'summary'])).toEqual([]);
  });

  it('checks prompts apart from tools', () => {
    expect(lint(['review'], ['Review', 'review'])).toEqual(['prompt-names-differ-only-in-case review: Prompt `review` differs from prompt `Review` only in case.']);
  });
});
