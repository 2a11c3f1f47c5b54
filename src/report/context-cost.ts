import type { ReportContext } from './model.js';

// How every format words the context cost of a report (docs/context-cost.md).

/** `12,300 tokens`, `1 token`. */
export function tokenCount(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'token' : 'tokens'}`;
}

/** `+3,412`, `-120`, `±0`. */
export function signedCount(delta: number): string {
  if (delta === 0) return '±0';
  return `${delta > 0 ? '+' : '-'}${Math.abs(delta).toLocaleString('en-US')}`;
}

/** `+3,412 tokens per conversation (12,300 -> 15,712)`: the summary line's part. */
export function contextSummary(context: Pick<ReportContext, 'baseTokens' | 'headTokens' | 'delta'>, arrow = '->'): string {
  return `${signedCount(context.delta)} ${context.delta === 1 || context.delta === -1 ? 'token' : 'tokens'} per conversation (${context.baseTokens.toLocaleString('en-US')} ${arrow} ${context.headTokens.toLocaleString('en-US')})`;
}

/** What the entity line says about its change: added, removed, or both counts. */
export function entityChange(entity: ReportContext['entities'][number]): string {
  if (entity.baseTokens === 0) return 'new';
  if (entity.headTokens === 0) return 'removed';
  return `${entity.baseTokens.toLocaleString('en-US')} -> ${entity.headTokens.toLocaleString('en-US')}`;
}
