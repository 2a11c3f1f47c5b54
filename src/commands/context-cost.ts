import { type ContextLimits, parseGrowthLimit, parseTokenLimit } from '../context/limits.js';
import type { ContextCost } from '../context/measure.js';
import { UserError } from '../errors.js';
import type { Snapshot } from '../snapshot/model.js';
import type { ReportFlagValues } from './flags/report-values.js';
import type { LoadedProjectConfig } from './flags/project-config.js';

/** What to hold the context cost to, once counting is asked for. */
export interface ContextPlan {
  limits: ContextLimits;
}

/**
 * Whether this run counts context cost, and with which limits: a flag wins over the project config's
 * `context` section, limit by limit. Undefined when nothing asks for counting. Throws a UserError for
 * a malformed limit, before anything is read.
 */
export function contextPlan(flags: Pick<ReportFlagValues, 'context' | 'max-context-tokens' | 'max-context-growth'>, config: LoadedProjectConfig | undefined): ContextPlan | undefined {
  const fromConfig = config?.context;
  const limits: ContextLimits = { ...fromConfig?.limits };
  const tokens = flags['max-context-tokens'];
  if (tokens !== undefined) {
    const parsed = parseTokenLimit(tokens);
    if (parsed === undefined) throw new UserError(`--max-context-tokens "${tokens}" is not a whole number of tokens (expected N, e.g. 20000).`);
    limits.maxTokens = parsed;
  }
  const growth = flags['max-context-growth'];
  if (growth !== undefined) {
    const parsed = parseGrowthLimit(growth);
    if (parsed === undefined) throw new UserError(`--max-context-growth "${growth}" is neither a number of tokens nor a percentage (expected N or P%, e.g. 500 or 10%).`);
    limits.maxGrowth = parsed;
  }
  const asked = flags.context === true || fromConfig?.report === true || limits.maxTokens !== undefined || limits.maxGrowth !== undefined;
  return asked ? { limits } : undefined;
}

/** Counts both snapshots with the tokenizer, which is loaded here and only here (2.4 MB of ranks). */
export async function measureContextCost(plan: ContextPlan | undefined, base: Snapshot, head: Snapshot): Promise<{ cost: ContextCost; limits: ContextLimits } | undefined> {
  if (!plan) return undefined;
  const [{ countTokens, ENCODING }, { measureContext }] = await Promise.all([import('../context/tokenizer.js'), import('../context/measure.js')]);
  return { cost: measureContext(base, head, countTokens, ENCODING), limits: plan.limits };
}
