import { describe, expect, it } from 'vitest';
import { checkContextLimits, parseGrowthLimit, parseTokenLimit } from '../../../src/context/limits.js';

describe('parseTokenLimit / parseGrowthLimit', () => {
  it.each([
    ['0', 0],
    ['20000', 20000],
    [' 7 ', 7],
  ])('token limit %j is %i', (text, value) => expect(parseTokenLimit(text)).toBe(value));

  it.each(['', '-1', '1.5', '10%', '1e3', '20k', 'abc', '1234567890123456'])('token limit %j is refused', (text) => expect(parseTokenLimit(text)).toBeUndefined());

  it.each([
    ['500', { tokens: 500 }],
    ['0', { tokens: 0 }],
    ['10%', { percent: 10 }],
    ['2.5%', { percent: 2.5 }],
    ['0%', { percent: 0 }],
    ['150%', { percent: 150 }],
  ])('growth limit %j is %j', (text, value) => expect(parseGrowthLimit(text)).toEqual(value));

  it.each(['', '-5', '-5%', '%', '10 %', '.5%', '5%%', 'ten', '1e2%', '10%5'])('growth limit %j is refused', (text) => expect(parseGrowthLimit(text)).toBeUndefined());
});

describe('checkContextLimits', () => {
  const cost = (baseTokens: number, headTokens: number) => ({ baseTokens, headTokens, delta: headTokens - baseTokens });

  it('passes a head of exactly max-context-tokens and fails one token more', () => {
    expect(checkContextLimits(cost(0, 1000), { maxTokens: 1000 })).toEqual([]);
    expect(checkContextLimits(cost(0, 1001), { maxTokens: 1000 })).toEqual([
      { limit: 'max-context-tokens', message: "The head adds 1,001 tokens to a model's context, over the limit of 1,000 tokens (max-context-tokens)." },
    ]);
    expect(checkContextLimits(cost(5000, 1), { maxTokens: 0 })).toEqual([
      { limit: 'max-context-tokens', message: "The head adds 1 token to a model's context, over the limit of 0 tokens (max-context-tokens)." },
    ]);
  });

  it('holds growth to a number of tokens, exactly at the boundary', () => {
    expect(checkContextLimits(cost(1000, 1500), { maxGrowth: { tokens: 500 } })).toEqual([]);
    expect(checkContextLimits(cost(1000, 1501), { maxGrowth: { tokens: 500 } })).toEqual([
      { limit: 'max-context-growth', message: 'Context grows by 501 tokens (+50%), over the limit of 500 tokens (max-context-growth).' },
    ]);
  });

  it('holds growth to a percentage of the base, exactly at the boundary', () => {
    expect(checkContextLimits(cost(2000, 2200), { maxGrowth: { percent: 10 } })).toEqual([]);
    expect(checkContextLimits(cost(2000, 2201), { maxGrowth: { percent: 10 } })).toEqual([
      { limit: 'max-context-growth', message: 'Context grows by 201 tokens (+10%), over the limit of 10% of 2,000 tokens (max-context-growth).' },
    ]);
    expect(checkContextLimits(cost(1000, 1026), { maxGrowth: { percent: 2.5 } })[0]?.message).toBe(
      'Context grows by 26 tokens (+2.6%), over the limit of 2.5% of 1,000 tokens (max-context-growth).',
    );
  });

  it('never fails a growth limit when the context shrinks or stays the same, even at 0', () => {
    for (const maxGrowth of [{ tokens: 0 }, { percent: 0 }]) {
      expect(checkContextLimits(cost(1000, 400), { maxGrowth })).toEqual([]);
      expect(checkContextLimits(cost(1000, 1000), { maxGrowth })).toEqual([]);
    }
  });

  it('fails any percentage when a server with no context grows (nothing to be a percentage of)', () => {
    expect(checkContextLimits(cost(0, 10), { maxGrowth: { percent: 1000 } })).toEqual([
      { limit: 'max-context-growth', message: 'Context grows by 10 tokens, over the limit of 1000% of 0 tokens (max-context-growth).' },
    ]);
  });

  it('reports both limits when both are exceeded, and none without limits', () => {
    expect(checkContextLimits(cost(100, 300), { maxTokens: 200, maxGrowth: { tokens: 100 } }).map((breach) => breach.limit)).toEqual(['max-context-tokens', 'max-context-growth']);
    expect(checkContextLimits(cost(100, 1_000_000), {})).toEqual([]);
  });
});
