import type { Suggestion } from '../diff/model.js';
import type { JsonObject, ToolSnapshot } from '../snapshot/model.js';
import { pyIdentifier, pyString, pyValue, tsIdentifier, tsString, tsValue } from './literals.js';
import { zodShape } from './zod-shape.js';
import { pythonParameters } from './python-signature.js';

/** What a snippet registers: a tool definition under a (possibly new) name. */
export interface Registration {
  name: string;
  tool: ToolSnapshot;
  description?: string;
  meta?: JsonObject;
  /** The tool whose implementation the handler calls (the alias target, or the tool itself). */
  implementation: string;
  /** One line saying what the snippet is for. */
  comment: string;
}

/** The languages a suggestion's code comes in: the TypeScript SDK and Python FastMCP. */
export const SNIPPET_LANGUAGES = ['typescript', 'python'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

/** What the project config's `suggestions.languages` defaults to. */
export const DEFAULT_SNIPPET_LANGUAGES: readonly SnippetLanguage[] = ['typescript'];

/** A suggestion's code in one language, with the tag a markdown fence uses for it. */
export function snippetIn(suggestion: Suggestion, language: SnippetLanguage): { code: string; fence: string } {
  return language === 'python' ? { code: suggestion.pythonSnippet, fence: 'python' } : { code: suggestion.snippet, fence: 'ts' };
}

const HINT_KEYS = ['title', 'readOnlyHint', 'destructiveHint', 'idempotentHint', 'openWorldHint'];

/** A comment must stay one plain line whatever the server's names contain: every control character (tabs too) becomes a space. */
function commentText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}

export function typescriptSnippet(r: Registration): string {
  const config: string[] = [];
  if (r.tool.title !== undefined) config.push(`    title: ${tsString(r.tool.title)},`);
  if (r.description !== undefined) config.push(`    description: ${tsString(r.description)},`);
  config.push(`    inputSchema: ${zodShape(r.tool.inputSchema, 0, 4)},`);
  if (r.tool.outputSchema !== undefined) config.push(`    outputSchema: ${zodShape(r.tool.outputSchema, 0, 4)},`);
  if (r.tool.annotations !== undefined) config.push(`    annotations: ${tsValue(r.tool.annotations, 4)},`);
  if (r.meta !== undefined) config.push(`    _meta: ${tsValue(r.meta, 4)},`);
  return [
    'import { z } from "zod";',
    '',
    `// ${commentText(r.comment)}`,
    '// The zod shape is derived from the snapshot\'s JSON Schema: check bounds, patterns and formats by hand.',
    'server.registerTool(',
    `  ${tsString(r.name)},`,
    '  {',
    ...config,
    '  },',
    `  async (args) => ${tsIdentifier('handle', r.implementation)}(args),`,
    ');',
    '',
  ].join('\n');
}

export function pythonSnippet(r: Registration): string {
  const decorator: string[] = [`    name=${pyString(r.name)},`];
  if (r.tool.title !== undefined) decorator.push(`    title=${pyString(r.tool.title)},`);
  if (r.description !== undefined) decorator.push(`    description=${pyString(r.description)},`);
  const annotations = r.tool.annotations ?? {};
  const hints = HINT_KEYS.filter((key) => annotations[key] !== undefined).map(
    (key) => `${key}=${pyValue(annotations[key]!)}`,
  );
  if (hints.length > 0) decorator.push(`    annotations=ToolAnnotations(${hints.join(', ')}),`);
  if (r.meta !== undefined) decorator.push(`    meta=${pyValue(r.meta, 4)},`);
  const parameters = pythonParameters(r.tool.inputSchema);
  const renamed = parameters.filter((p) => p.original !== undefined);
  const call = parameters.map((p) => `${p.identifier}=${p.identifier}`).join(', ');
  return [
    'from typing import Any',
    '',
    'from mcp.types import ToolAnnotations',
    '',
    '',
    `# ${commentText(r.comment)}`,
    ...renamed.map((p) => `# Parameter ${p.identifier} stands for the property ${commentText(JSON.stringify(p.original))}.`),
    '@mcp.tool(',
    ...decorator,
    ')',
    `async def ${pyIdentifier(r.name)}(${parameters.map((p) => p.declaration).join(', ')}) -> Any:`,
    `    return await ${pyIdentifier(`handle_${r.implementation}`)}(${call})`,
    '',
  ].join('\n');
}
