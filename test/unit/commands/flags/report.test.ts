import { describe, expect, it } from 'vitest';
import { shellQuote } from '../../../../src/commands/flags/report.js';

describe('shellQuote', () => {
  it('leaves plain words alone and single-quotes the rest', () => {
    expect(shellQuote(['mcp-compat', 'check', '--baseline', 'a b.json', '--', 'node', "it's.js", '$HOME'])).toBe(
      `mcp-compat check --baseline 'a b.json' -- node 'it'\\''s.js' '$HOME'`,
    );
  });
});
