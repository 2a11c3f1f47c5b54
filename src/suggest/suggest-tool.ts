import type { Snapshot, ToolSnapshot } from '../snapshot/model.js';
import type { Change, Suggestion } from '../diff/model.js';
import { compareStrings } from '../diff/json.js';
import { lazyProperty } from '../diff/lazy-property.js';
import { pythonSnippet, typescriptSnippet, type Registration } from './snippets.js';
import { versionedToolName } from './tool-name.js';

function code(text: string): string {
  return `\`${text}\``;
}

/** The code of a suggestion is written when a report shows it: most outputs show one language, or none. */
function suggestion(kind: Suggestion['kind'], registration: Registration, text: string): Suggestion {
  const result = { kind, name: registration.name, text } as Suggestion;
  lazyProperty(result, 'snippet', () => typescriptSnippet(registration));
  lazyProperty(result, 'pythonSnippet', () => pythonSnippet(registration));
  return result;
}

/** Keep the old name, deprecated, forwarding to the new tool. */
function aliasSuggestion(old: ToolSnapshot, replacement: string, adaptArguments: boolean): Suggestion {
  const description = `DEPRECATED: use ${replacement}.${old.description ? ` ${old.description}` : ''}`;
  return suggestion(
    'deprecated-alias',
    {
      name: old.name,
      tool: old,
      description,
      meta: { ...(old._meta ?? {}), deprecated: true, replacement },
      implementation: replacement,
      comment: `Keep the old name as a deprecated alias of ${replacement} until the next major release.`,
    },
    `Keep ${code(old.name)} registered as a deprecated alias that forwards to ${code(replacement)} (description prefixed "DEPRECATED: use ${replacement}", _meta.deprecated true), and remove it in a later major release; its removal is then reported as risky, not breaking.${
      adaptArguments ? ` The input schema changed with the name and rejects some calls the old one accepted, so the alias must translate the old arguments before forwarding.` : ''
    }`,
  );
}

/** A removed tool: keep it one more release, marked deprecated, then remove it. */
function keepDeprecatedSuggestion(old: ToolSnapshot): Suggestion {
  return suggestion(
    'deprecated-alias',
    {
      name: old.name,
      tool: old,
      description: `DEPRECATED: will be removed in the next major release.${old.description ? ` ${old.description}` : ''}`,
      meta: { ...(old._meta ?? {}), deprecated: true },
      implementation: old.name,
      comment: 'Keep the tool, marked deprecated, for one more release before removing it.',
    },
    `Keep ${code(old.name)} for one more release with its description prefixed "DEPRECATED" and _meta.deprecated true, so clients can migrate; remove it in a later major release, when the removal is reported as risky rather than breaking.`,
  );
}

/** Restore the old contract under the old name; publish the new one beside it. */
function versionedSuggestion(old: ToolSnapshot, current: ToolSnapshot, name: string): Suggestion {
  return suggestion(
    'versioned-tool',
    {
      name,
      tool: current,
      description: current.description,
      meta: current._meta,
      implementation: name,
      comment: `Publish the changed tool as ${name}; keep ${old.name} with its previous definition.`,
    },
    `Restore ${code(old.name)} to its previous definition (the baseline snapshot has it) and publish the changed tool as ${code(name)}, so existing callers keep working while new ones migrate; deprecate ${code(old.name)} and remove it in a later major release.`,
  );
}

/**
 * Attaches a suggestion to every breaking tool change. All breaking changes of one tool share one
 * suggestion; versioned names are unique among both snapshots' tools and each other.
 */
export function attachToolSuggestions(changes: readonly Change[], base: Snapshot, head: Snapshot): Change[] {
  const breakingTools = [...new Set(changes.filter((c) => c.entity === 'tool' && c.severity === 'breaking').map((c) => c.name))];
  if (breakingTools.length === 0) return [...changes];
  breakingTools.sort(compareStrings);
  const baseTools = new Map(base.tools.map((t) => [t.name, t]));
  const headTools = new Map(head.tools.map((t) => [t.name, t]));
  const taken = new Set([...baseTools.keys(), ...headTools.keys()]);
  const byTool = new Map<string, Suggestion>();

  for (const name of breakingTools) {
    const old = baseTools.get(name);
    if (!old) continue;
    const rename = changes.find((c) => c.name === name && c.rule === 'tool-renamed');
    const current = headTools.get(name);
    if (rename && typeof rename.after === 'string') {
      byTool.set(name, aliasSuggestion(old, rename.after, rename.params?.inputSchemaNarrowed === true));
    } else if (!current) {
      byTool.set(name, keepDeprecatedSuggestion(old));
    } else {
      const versioned = versionedToolName(name, taken);
      taken.add(versioned);
      byTool.set(name, versionedSuggestion(old, current, versioned));
    }
  }
  return changes.map((c) => {
    const found = c.entity === 'tool' && c.severity === 'breaking' ? byTool.get(c.name) : undefined;
    return found ? { ...c, suggestion: found } : c;
  });
}
