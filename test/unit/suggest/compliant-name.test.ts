import { describe, expect, it } from 'vitest';
import { compliantToolName } from '../../../src/suggest/compliant-name.js';
import { findClientProfile } from '../../../src/clients/profiles.js';
import type { ClientProfile } from '../../../src/clients/model.js';

const openai = findClientProfile('openai') as ClientProfile;
const claudeCode = findClientProfile('claude-code') as ClientProfile;
const none = new Set<string>();

describe('compliantToolName', () => {
  it('replaces characters the APIs refuse', () => {
    expect(compliantToolName('docs.get', [openai], 'kb', none)).toBe('docs_get');
    expect(compliantToolName('résumé/list', [openai], 'kb', none)).toBe('r_sum__list');
  });

  it('cuts a long name at a word boundary when one is near, else at the limit', () => {
    const long = `${'search_'.repeat(10)}end`;
    expect(compliantToolName(long, [openai], 'kb', none)).toBe('search_'.repeat(9).slice(0, -1));
    expect(compliantToolName('x'.repeat(70), [openai], 'kb', none)).toBe('x'.repeat(64));
  });

  it("leaves room for the server's name in namespaced names", () => {
    const name = compliantToolName('a'.repeat(70), [claudeCode], 'github', none) as string;
    expect(`mcp__github__${name}`.length).toBe(64);
  });

  it('avoids names already taken', () => {
    expect(compliantToolName('docs.get', [openai], 'kb', new Set(['docs_get']))).toBe('docs_get_2');
  });

  it('gives up when the server name leaves no room', () => {
    expect(compliantToolName('get', [claudeCode], 'x'.repeat(60), none)).toBeUndefined();
  });
});
