import { describe, expect, it } from 'vitest';
import { chosenClients } from '../../../../src/commands/flags/client-values.js';
import { UserError } from '../../../../src/errors.js';

const ids = (flag: string | undefined, configured?: string[]) => chosenClients(flag, configured).map((p) => p.id);

describe('chosenClients (--client and the clients config key)', () => {
  it('reads a comma-separated list, trimming spaces and dropping repeats', () => {
    expect(ids('openai, claude-code,openai')).toEqual(['openai', 'claude-code']);
  });

  it('lets the flag win over the config, and falls back to the config, then to none', () => {
    expect(ids('cursor', ['openai', 'vscode'])).toEqual(['cursor']);
    expect(ids(undefined, ['openai', 'vscode'])).toEqual(['openai', 'vscode']);
    expect(ids(undefined)).toEqual([]);
  });

  it('refuses an unknown name with one line listing the known ones, and a did-you-mean when one is near', () => {
    expect(() => chosenClients('cursr', undefined)).toThrow(UserError);
    expect(() => chosenClients('cursr', undefined)).toThrow(
      'Unknown client "cursr" in --client (did you mean "cursor"?); known clients: openai, anthropic, gemini, cursor, vscode, claude-code.',
    );
    expect(() => chosenClients('openai,windsurf', undefined)).toThrow(/^Unknown client "windsurf" in --client; known clients: openai, /);
    expect(() => chosenClients('', undefined)).toThrow(/^Unknown client "" in --client; known clients/);
  });
});
