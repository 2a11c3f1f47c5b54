import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { parseProjectConfig } from '../../../src/policy/config.js';

function problemOf(context: unknown): string {
  try {
    parseProjectConfig({ context }, 'mcp-compat.config.json');
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as UserError).message;
  }
  throw new Error('expected a UserError');
}

describe('the "context" section of the project config', () => {
  it('reads report, maxTokens and maxGrowth (a number of tokens, or "N" / "P%")', () => {
    expect(parseProjectConfig({ context: { report: true } }, 'f').context).toEqual({ report: true, limits: {} });
    expect(parseProjectConfig({ context: { maxTokens: 20000, maxGrowth: '10%' } }, 'f').context).toEqual({ report: false, limits: { maxTokens: 20000, maxGrowth: { percent: 10 } } });
    expect(parseProjectConfig({ context: { maxGrowth: 500 } }, 'f').context?.limits).toEqual({ maxGrowth: { tokens: 500 } });
    expect(parseProjectConfig({ context: { maxGrowth: '500', maxTokens: 0 } }, 'f').context?.limits).toEqual({ maxGrowth: { tokens: 500 }, maxTokens: 0 });
    expect(parseProjectConfig({}, 'f').context).toBeUndefined();
  });

  it.each([
    ['an array', [], '/context: expected an object'],
    ['an unknown key', { maxToken: 5 }, '/context/maxToken: unknown key "maxToken"'],
    ['a negative maxTokens', { maxTokens: -1 }, '/context/maxTokens: expected a whole number of tokens from 0'],
    ['a fractional maxTokens', { maxTokens: 1.5 }, '/context/maxTokens: expected a whole number'],
    ['maxTokens as a string', { maxTokens: '100' }, '/context/maxTokens: expected a whole number'],
    ['a malformed maxGrowth', { maxGrowth: '10 percent' }, '/context/maxGrowth: expected a whole number of tokens from 0, or a percentage such as "10%"'],
    ['a negative maxGrowth', { maxGrowth: -3 }, '/context/maxGrowth'],
    ['report as a string', { report: 'yes' }, '/context/report: expected true or false'],
  ])('names the place of %s', (_, context, problem) => {
    expect(problemOf(context)).toContain(`invalid project config at ${problem}`);
  });
});
