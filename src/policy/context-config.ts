import { type ContextLimits, parseGrowthLimit } from '../context/limits.js';

/** The `context` section of the project config: count context cost on every run, and the limits to hold it to. */
export interface ContextSettings {
  /** Count and report context cost even with no limit set (`"report": true`). */
  report: boolean;
  limits: ContextLimits;
}

type Fail = (pointer: string, problem: string) => never;

/**
 * `{ "report"?: boolean, "maxTokens"?: integer >= 0, "maxGrowth"?: integer >= 0 | "N" | "P%" }`.
 * `fail` reports a problem at a JSON Pointer inside the section's parent and never returns.
 */
export function parseContextSettings(value: unknown, fail: Fail): ContextSettings {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('/context', 'expected an object');
  const entry = value as Record<string, unknown>;
  for (const key of Object.keys(entry)) {
    if (!['report', 'maxTokens', 'maxGrowth'].includes(key)) fail(`/context/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, `unknown key "${key}" (expected one of: report, maxTokens, maxGrowth)`);
  }
  if (entry.report !== undefined && typeof entry.report !== 'boolean') fail('/context/report', 'expected true or false');
  const limits: ContextLimits = {};
  if (entry.maxTokens !== undefined) {
    if (!isCount(entry.maxTokens)) fail('/context/maxTokens', 'expected a whole number of tokens from 0');
    limits.maxTokens = entry.maxTokens;
  }
  if (entry.maxGrowth !== undefined) {
    const growth = isCount(entry.maxGrowth) ? { tokens: entry.maxGrowth } : typeof entry.maxGrowth === 'string' ? parseGrowthLimit(entry.maxGrowth) : undefined;
    if (!growth) fail('/context/maxGrowth', 'expected a whole number of tokens from 0, or a percentage such as "10%"');
    limits.maxGrowth = growth;
  }
  return { report: entry.report === true, limits };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
