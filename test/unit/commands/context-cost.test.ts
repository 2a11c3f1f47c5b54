import { describe, expect, it } from 'vitest';
import { contextPlan, measureContextCost } from '../../../src/commands/context-cost.js';
import type { LoadedProjectConfig } from '../../../src/commands/flags/project-config.js';
import { UserError } from '../../../src/errors.js';
import { parseProjectConfig } from '../../../src/policy/config.js';
import type { Snapshot } from '../../../src/snapshot/model.js';

function configWith(context: unknown): LoadedProjectConfig {
  return { ...parseProjectConfig({ context }, '/p/mcp-compat.config.json'), dir: '/p' };
}

describe('contextPlan', () => {
  it('counts nothing unless asked', () => {
    expect(contextPlan({}, undefined)).toBeUndefined();
    expect(contextPlan({ context: false }, configWith({ report: false }))).toBeUndefined();
  });

  it('is asked for by --context, by a limit flag, or by the config', () => {
    expect(contextPlan({ context: true }, undefined)).toEqual({ limits: {} });
    expect(contextPlan({ 'max-context-tokens': '20000' }, undefined)).toEqual({ limits: { maxTokens: 20000 } });
    expect(contextPlan({ 'max-context-growth': '5%' }, undefined)).toEqual({ limits: { maxGrowth: { percent: 5 } } });
    expect(contextPlan({}, configWith({ report: true }))).toEqual({ limits: {} });
    expect(contextPlan({}, configWith({ maxGrowth: 300 }))).toEqual({ limits: { maxGrowth: { tokens: 300 } } });
  });

  it('takes each limit from the flag before the config', () => {
    const config = configWith({ maxTokens: 1000, maxGrowth: '10%' });
    expect(contextPlan({ 'max-context-tokens': '5000' }, config)).toEqual({ limits: { maxTokens: 5000, maxGrowth: { percent: 10 } } });
    expect(contextPlan({ 'max-context-growth': '50' }, config)).toEqual({ limits: { maxTokens: 1000, maxGrowth: { tokens: 50 } } });
  });

  it('refuses a malformed limit with one line naming the flag and the value', () => {
    expect(() => contextPlan({ 'max-context-tokens': '20k' }, undefined)).toThrow(new UserError('--max-context-tokens "20k" is not a whole number of tokens (expected N, e.g. 20000).'));
    expect(() => contextPlan({ 'max-context-growth': '-5%' }, undefined)).toThrow(
      new UserError('--max-context-growth "-5%" is neither a number of tokens nor a percentage (expected N or P%, e.g. 500 or 10%).'),
    );
  });
});

describe('measureContextCost', () => {
  const snapshot: Snapshot = {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'notes', version: '1.0.0', protocolVersion: '2025-06-18', capabilities: {} },
    tools: [{ name: 'search', inputSchema: { type: 'object' } }],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };

  it('loads the tokenizer and counts when there is a plan, and does nothing without one', async () => {
    expect(await measureContextCost(undefined, snapshot, snapshot)).toBeUndefined();
    const measured = await measureContextCost({ limits: { maxTokens: 10 } }, snapshot, snapshot);
    expect(measured).toEqual({ cost: { encoding: 'o200k_base', baseTokens: 13, headTokens: 13, delta: 0, entities: [] }, limits: { maxTokens: 10 } });
  });
});
