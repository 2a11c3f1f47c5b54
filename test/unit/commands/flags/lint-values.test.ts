import { describe, expect, it } from 'vitest';
import { contextPlan } from '../../../../src/commands/context-cost.js';
import { chosenClients } from '../../../../src/commands/flags/client-values.js';
import { lintRunSettings } from '../../../../src/commands/flags/lint-values.js';
import type { LoadedProjectConfig } from '../../../../src/commands/flags/project-config.js';
import { UserError } from '../../../../src/errors.js';
import { parseProjectConfig } from '../../../../src/policy/config.js';
import { LINT_RULES } from '../../../../src/rules/lint-registry.js';

const KNOWN = new Set(LINT_RULES.map((rule) => rule.id));

function config(raw: unknown): LoadedProjectConfig {
  return { ...parseProjectConfig(raw, '/project/mcp-compat.config.json'), dir: '/project' };
}

const CONFIGURED = config({ clients: ['openai', 'vscode'], lint: { failOn: 'warning', rules: { 'client-behaviour-limit-exceeded': 'error', 'tool-description-missing': 'off' } } });

describe('lintRunSettings (lint flags over the project config)', () => {
  it('takes clients, fail-on and rule settings from the project config when no flag is given', () => {
    const { policy, context } = lintRunSettings({}, CONFIGURED, KNOWN);
    expect(context.clients.map((profile) => profile.id)).toEqual(['openai', 'vscode']);
    expect(policy).toEqual({ failOn: 'warning', rules: { 'client-behaviour-limit-exceeded': 'error', 'tool-description-missing': 'off' } });
  });

  it('lets --client, --fail-on and --rule win over the config, rule by rule', () => {
    const { policy, context } = lintRunSettings({ client: 'claude-code,cursor', 'fail-on': 'error', rule: ['client-behaviour-limit-exceeded=info'] }, CONFIGURED, KNOWN);
    expect(context.clients.map((profile) => profile.id)).toEqual(['claude-code', 'cursor']);
    expect(policy).toEqual({ failOn: 'error', rules: { 'client-behaviour-limit-exceeded': 'info', 'tool-description-missing': 'off' } });
  });

  it('checks no client and fails on errors without flags or config', () => {
    expect(lintRunSettings({}, undefined, KNOWN)).toEqual({ policy: { failOn: 'error', rules: {} }, context: { clients: [] } });
  });

  it('applies clients, context and lint of one config, each where it belongs', () => {
    const all = config({ clients: ['cursor'], context: { maxTokens: 5000 }, lint: { failOn: 'info' } });
    const { policy, context } = lintRunSettings({}, all, KNOWN);
    expect([policy.failOn, context.clients.map((profile) => profile.id)]).toEqual(['info', ['cursor']]);
    expect(chosenClients(undefined, all.clients).map((profile) => profile.id)).toEqual(['cursor']);
    expect(contextPlan({}, all)).toEqual({ limits: { maxTokens: 5000 } });
  });

  it('refuses an unknown client with the same one-line error as diff', () => {
    expect(() => lintRunSettings({ client: 'openai,cursr' }, CONFIGURED, KNOWN)).toThrow(UserError);
    expect(() => lintRunSettings({ client: 'openai,cursr' }, CONFIGURED, KNOWN)).toThrow(
      'Unknown client "cursr" in --client (did you mean "cursor"?); known clients: openai, anthropic, gemini, cursor, vscode, claude-code.',
    );
  });

  it('refuses a rule id that no lint rule has, from the flag or the config', () => {
    expect(() => lintRunSettings({ rule: ['tool-removed=off'] }, undefined, KNOWN)).toThrow('--rule "tool-removed=off": unknown lint rule id "tool-removed".');
    expect(() => lintRunSettings({}, config({ lint: { rules: { 'client-limit-violated': 'off' } } }), KNOWN)).toThrow(/"lint\.rules" names an unknown lint rule id "client-limit-violated"/);
  });
});

describe('the flags of lint', () => {
  it('take --client, and none of the flags that only mean something for a diff', async () => {
    const { default: Lint } = await import('../../../../src/commands/lint.js');
    const names = Object.keys(Lint.flags);
    expect(names).toContain('client');
    for (const diffOnly of ['context', 'max-context-tokens', 'max-context-growth', 'require-bump', 'next-version', 'suggestions']) expect(names, diffOnly).not.toContain(diffOnly);
  });
});
