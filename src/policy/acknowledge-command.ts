/** Up to this many fingerprints are spelled out in the suggested command; beyond, its `--all` form is shown when there is one. */
export const MAX_LISTED_FINGERPRINTS = 5;

/** The placeholder for the reason in a suggested command; `mcp-compat acknowledge` refuses it. */
export const REASON_PLACEHOLDER = '...';

/** The `mcp-compat acknowledge` command line that accepts the given failing changes. */
export function acknowledgeCommand(fingerprints: readonly string[], allCommand?: string): string {
  if (fingerprints.length > MAX_LISTED_FINGERPRINTS && allCommand !== undefined) return allCommand;
  return `mcp-compat acknowledge --reason "${REASON_PLACEHOLDER}" ${fingerprints.join(' ')}`;
}
