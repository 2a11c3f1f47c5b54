/** MCP tool-name rules: 1-128 characters of A-Z a-z 0-9 _ - . (case-sensitive). */
export const TOOL_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
export const TOOL_NAME_MAX_LENGTH = 128;

export function isValidToolName(name: string): boolean {
  return TOOL_NAME_PATTERN.test(name);
}

/**
 * The next free versioned name for a tool: `search` -> `search_v2`, `search_v2` -> `search_v3`,
 * skipping names in `taken`. Characters outside the allowed set become `_`, and the stem is cut so
 * the suffix always fits in 128 characters.
 */
export function versionedToolName(name: string, taken: ReadonlySet<string>): string {
  const sanitized = name.replace(/[^A-Za-z0-9_.-]/g, '_');
  const versioned = /^(.*)_v(\d{1,6})$/.exec(sanitized);
  const stem = (versioned ? versioned[1] : sanitized) || 'tool';
  let version = versioned ? Number(versioned[2]) + 1 : 2;
  for (;;) {
    const suffix = `_v${version}`;
    const candidate = stem.slice(0, TOOL_NAME_MAX_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) return candidate;
    version++;
  }
}
