import type { ToolSnapshot } from '../snapshot/model.js';

export interface Deprecation {
  /** Where the mark was found. */
  via: '_meta' | 'description';
  replacement?: string;
}

const DEPRECATED_PREFIX = /^\s*\[?\s*deprecated\b/i;
const REPLACEMENT_IN_TEXT = /\b(?:use|replaced by|see)\s+[`'"]?([A-Za-z0-9_.\-/]+?)[`'"]?(?=[\s.,;:)]|$)/i;

/** A tool the server announced as going away: `_meta.deprecated` (truthy) or a description starting with DEPRECATED. */
export function toolDeprecation(tool: ToolSnapshot): Deprecation | undefined {
  const meta = tool._meta;
  const metaFlag = meta?.deprecated;
  const metaReplacement = typeof meta?.replacement === 'string' ? meta.replacement : undefined;
  if (metaFlag !== undefined && metaFlag !== false && metaFlag !== null) {
    return metaReplacement === undefined ? { via: '_meta' } : { via: '_meta', replacement: metaReplacement };
  }
  const description = tool.description ?? '';
  if (DEPRECATED_PREFIX.test(description)) {
    const replacement = metaReplacement ?? REPLACEMENT_IN_TEXT.exec(description)?.[1];
    return replacement === undefined ? { via: 'description' } : { via: 'description', replacement };
  }
  return undefined;
}
