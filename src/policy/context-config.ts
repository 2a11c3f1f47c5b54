import { type ContextLimits, parseGrowthLimit } from '../context/limits.js';
import type { ConfigReader } from './config-reader.js';

/** The `context` section of the project config: count context cost on every run, and the limits to hold it to. */
export interface ContextSettings {
  /** Count and report context cost even with no limit set (`"report": true`). */
  report: boolean;
  limits: ContextLimits;
}

/** `{ "report"?: boolean, "maxTokens"?: integer >= 0, "maxGrowth"?: integer >= 0 | "N" | "P%" }`, read with the config's reader. */
export function parseContextSettings(r: ConfigReader, value: unknown): ContextSettings {
  const entry = r.object(value, '/context');
  r.only(entry, '/context', ['report', 'maxTokens', 'maxGrowth']);
  if (entry.report !== undefined && typeof entry.report !== 'boolean') r.fail('/context/report', 'expected true or false');
  const limits: ContextLimits = {};
  if (entry.maxTokens !== undefined) {
    if (!isCount(entry.maxTokens)) r.fail('/context/maxTokens', 'expected a whole number of tokens from 0');
    limits.maxTokens = entry.maxTokens;
  }
  if (entry.maxGrowth !== undefined) {
    const growth = isCount(entry.maxGrowth) ? { tokens: entry.maxGrowth } : typeof entry.maxGrowth === 'string' ? parseGrowthLimit(entry.maxGrowth) : undefined;
    if (!growth) r.fail('/context/maxGrowth', 'expected a whole number of tokens from 0, or a percentage such as "10%"');
    limits.maxGrowth = growth;
  }
  return { report: entry.report === true, limits };
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
