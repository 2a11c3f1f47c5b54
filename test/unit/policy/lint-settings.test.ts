import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { parseProjectConfig } from '../../../src/policy/config.js';
import { parseRuleFlags, unknownRule } from '../../../src/policy/lint-settings.js';
import { LINT_RULES } from '../../../src/rules/lint-registry.js';

const KNOWN = new Set(LINT_RULES.map((rule) => rule.id));

function errorOf(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error');
}

describe('the lint key of the project config', () => {
  it('reads failOn and per-rule severities or off', () => {
    const config = parseProjectConfig({ lint: { failOn: 'warning', rules: { 'tool-parameter-description-missing': 'off', 'tool-description-missing': 'error' } } }, 'mcp-compat.config.json');
    expect(config.lint).toEqual({ failOn: 'warning', rules: { 'tool-parameter-description-missing': 'off', 'tool-description-missing': 'error' } });
  });

  it('is absent when the file says nothing about lint', () => {
    expect(parseProjectConfig({ failOn: 'risky' }, 'mcp-compat.config.json').lint).toBeUndefined();
  });

  it.each([
    [{ lint: [] }, '/lint', 'expected an object'],
    [{ lint: { failOn: 'breaking' } }, '/lint/failOn', 'expected one of error, warning, info, none'],
    [{ lint: { rules: { 'Tool Name': 'off' } } }, '/lint/rules/Tool Name', 'is not a rule id'],
    [{ lint: { rules: { 'tool-name-length': 'fatal' } } }, '/lint/rules/tool-name-length', 'expected one of error, warning, info, off'],
    [{ lint: { severity: {} } }, '/lint/severity', 'unknown key'],
  ])('rejects %j at %s', (raw, pointer, problem) => {
    const error = errorOf(() => parseProjectConfig(raw, 'mcp-compat.config.json'));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(`at ${pointer}:`);
    expect(error.message).toContain(problem);
  });
});

describe('rule ids of the settings', () => {
  it('names the first id that no rule has (a diff rule id is not a lint rule id)', () => {
    expect(unknownRule({ 'tool-name-length': 'off', 'tool-removed': 'off' }, KNOWN)).toBe('tool-removed');
    expect(unknownRule({ 'tool-name-length': 'off' }, KNOWN)).toBeUndefined();
  });
});

describe('--rule ID=LEVEL', () => {
  it('reads repeated and comma-separated settings, the last one winning', () => {
    expect(parseRuleFlags(['tool-name-length=warning,tool-description-missing=off', 'tool-name-length=info'], KNOWN)).toEqual({ 'tool-name-length': 'info', 'tool-description-missing': 'off' });
  });

  it.each([
    ['no-such-rule=off', 'unknown lint rule id "no-such-rule"'],
    ['tool-name-length', 'must be ID=error|warning|info|off'],
    ['tool-name-length=fatal', 'must be ID=error|warning|info|off'],
  ])('refuses %s', (value, message) => {
    const error = errorOf(() => parseRuleFlags([value], KNOWN));
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toContain(message);
  });
});
