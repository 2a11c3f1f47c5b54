import type { RuleDefinition } from './types.js';
import { code, show } from './format.js';

/**
 * Behaviour hints (`annotations.*Hint`). Absent hints take the spec's defaults (readOnly false,
 * destructive true, idempotent false, openWorld true), and destructive/idempotent only mean
 * something for a tool that is not read-only, so the diff compares effective values; where
 * readOnlyHint changes, destructive/idempotent are reported only if their own values changed too.
 * Moving towards less safety is risky: clients auto-approve or retry based on these hints.
 */
function hintRule(
  id: string,
  severity: 'risky' | 'compatible',
  hint: string,
  title: string,
  rationale: string,
  example: { before: string; after: string },
  meaning: string,
): RuleDefinition {
  return {
    id,
    severity,
    bump: 'patch',
    title,
    rationale,
    example,
    message: (f) =>
      `Tool ${code(f.name)} ${meaning} (annotations.${hint} ${show(f.before)} -> ${show(f.after)}${
        f.params?.effective === undefined ? '' : `, effective ${show(f.params.effective)}`
      }).`,
  };
}

export const TOOL_ANNOTATION_RULES: readonly RuleDefinition[] = [
  hintRule(
    'tool-read-only-hint-removed',
    'risky',
    'readOnlyHint',
    'Tool is no longer read-only',
    'Clients auto-approve or run read-only tools without asking; a tool that may now modify its environment needs the user to be asked again. From now on its destructiveHint and idempotentHint apply (absent: destructive, not idempotent); they are reported on their own only where their values changed too.',
    { before: 'annotations: {readOnlyHint: true}', after: 'annotations: {readOnlyHint: false}' },
    'is no longer read-only',
  ),
  hintRule(
    'tool-read-only-hint-added',
    'compatible',
    'readOnlyHint',
    'Tool is now read-only',
    'Declaring fewer side effects makes the tool safer to call; nothing a caller did is affected.',
    { before: '(no annotations)', after: 'annotations: {readOnlyHint: true}' },
    'is now read-only',
  ),
  hintRule(
    'tool-destructive-hint-added',
    'risky',
    'destructiveHint',
    'Tool may now perform destructive updates',
    'A tool that was declared non-destructive may now delete or overwrite data; clients that relied on the hint to skip confirmation are exposed. An absent destructiveHint means true. A tool that stops being read-only is reported by `tool-read-only-hint-removed`, and by this rule too only where its destructiveHint changed.',
    { before: 'annotations: {destructiveHint: false}', after: 'annotations: {}' },
    'may now perform destructive updates',
  ),
  hintRule(
    'tool-destructive-hint-removed',
    'compatible',
    'destructiveHint',
    'Tool is no longer destructive',
    'Declaring that updates are additive only is a safer promise than before.',
    { before: 'annotations: {}', after: 'annotations: {destructiveHint: false}' },
    'no longer performs destructive updates',
  ),
  hintRule(
    'tool-idempotent-hint-removed',
    'risky',
    'idempotentHint',
    'Tool is no longer idempotent',
    'Clients retry idempotent tools on timeouts; retrying a tool that is not idempotent can repeat its effect.',
    { before: 'annotations: {idempotentHint: true}', after: 'annotations: {idempotentHint: false}' },
    'is no longer idempotent',
  ),
  hintRule(
    'tool-idempotent-hint-added',
    'compatible',
    'idempotentHint',
    'Tool is now idempotent',
    'Repeated calls are now declared harmless; nothing a caller did is affected.',
    { before: 'annotations: {}', after: 'annotations: {idempotentHint: true}' },
    'is now idempotent',
  ),
  hintRule(
    'tool-open-world-hint-added',
    'risky',
    'openWorldHint',
    'Tool now reaches an open world',
    'A tool that worked on a closed domain (local data) may now reach external systems such as the web; data may leave the machine. An absent openWorldHint means true.',
    { before: 'annotations: {openWorldHint: false}', after: 'annotations: {openWorldHint: true}' },
    'may now interact with external entities (open world)',
  ),
  hintRule(
    'tool-open-world-hint-removed',
    'compatible',
    'openWorldHint',
    'Tool no longer reaches an open world',
    'A narrower reach is a safer promise than before.',
    { before: 'annotations: {}', after: 'annotations: {openWorldHint: false}' },
    'no longer interacts with external entities',
  ),
  {
    id: 'tool-annotation-changed',
    severity: 'compatible',
    bump: 'patch',
    title: 'Tool annotation changed',
    rationale: 'Other annotations (such as `title`) are display hints; calls are unaffected.',
    example: { before: 'annotations: {title: "Search"}', after: 'annotations: {title: "Find"}' },
    message: (f) =>
      `Tool ${code(f.name)}: ${f.pointer.slice(1).replace(/\//g, '.')} changed from ${show(f.before)} to ${show(f.after)}.`,
  },
];
