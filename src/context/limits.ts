import type { ContextCost } from './measure.js';

// The context gates: a ceiling on the head's tokens, and on their growth since the base. Pure.

/** Growth allowed since the base: a number of tokens, or a percentage of the base's tokens. */
export type GrowthLimit = { tokens: number } | { percent: number };

export interface ContextLimits {
  /** The head may add at most this many tokens in all (`--max-context-tokens`, `context.maxTokens`). */
  maxTokens?: number;
  /** `--max-context-growth`, `context.maxGrowth`. */
  maxGrowth?: GrowthLimit;
}

/** A limit the head goes over: which one, and one line saying by how much. */
export interface ContextLimitBreach {
  limit: 'max-context-tokens' | 'max-context-growth';
  message: string;
}

const INTEGER = /^\d{1,15}$/;
const PERCENT = /^(\d{1,9}(?:\.\d{1,6})?)%$/;

/** A token count limit: a whole number from 0. Undefined when the text is not one. */
export function parseTokenLimit(text: string): number | undefined {
  const trimmed = text.trim();
  return INTEGER.test(trimmed) ? Number(trimmed) : undefined;
}

/** `N` (tokens) or `P%` (of the base's tokens; decimals allowed). Undefined when the text is neither. */
export function parseGrowthLimit(text: string): GrowthLimit | undefined {
  const trimmed = text.trim();
  if (INTEGER.test(trimmed)) return { tokens: Number(trimmed) };
  const percent = PERCENT.exec(trimmed);
  return percent ? { percent: Number(percent[1]) } : undefined;
}

/**
 * The limits the head goes over. A limit is reached only when exceeded: a head of exactly
 * `maxTokens`, or growth of exactly the allowed amount, passes. Shrinking never fails a growth
 * limit; growth from an empty base fails any percentage (there is nothing to be a percentage of).
 */
export function checkContextLimits(cost: Pick<ContextCost, 'baseTokens' | 'headTokens' | 'delta'>, limits: ContextLimits): ContextLimitBreach[] {
  const breaches: ContextLimitBreach[] = [];
  if (limits.maxTokens !== undefined && cost.headTokens > limits.maxTokens) {
    breaches.push({
      limit: 'max-context-tokens',
      message: `The head adds ${tokens(cost.headTokens)} to a model's context, over the limit of ${tokens(limits.maxTokens)} (max-context-tokens).`,
    });
  }
  const growth = limits.maxGrowth;
  if (growth !== undefined && cost.delta > 0) {
    const allowed = 'percent' in growth ? (cost.baseTokens * growth.percent) / 100 : growth.tokens;
    if (cost.delta > allowed) {
      const share = cost.baseTokens > 0 ? ` (+${formatPercent((cost.delta * 100) / cost.baseTokens)})` : '';
      breaches.push({
        limit: 'max-context-growth',
        message: `Context grows by ${tokens(cost.delta)}${share}, over the limit of ${'percent' in growth ? `${growth.percent}% of ${tokens(cost.baseTokens)}` : tokens(growth.tokens)} (max-context-growth).`,
      });
    }
  }
  return breaches;
}

function tokens(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'token' : 'tokens'}`;
}

function formatPercent(value: number): string {
  return `${value >= 10 ? value.toFixed(0) : value.toFixed(1)}%`;
}
