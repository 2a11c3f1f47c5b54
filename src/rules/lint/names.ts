import type { LintFacts, LintRule } from '../../lint/model.js';
import type { EntityKind } from '../types.js';
import { code, str } from '../format.js';
import { TOOL_NAME_MAX_LENGTH } from '../../suggest/tool-name.js';
import { compareStrings } from '../../diff/json.js';
// The same reading of "one name in another case style" as rename detection's.
import { nameWordsKey } from '../../diff/renames.js';

const SPEC = 'MCP specification 2025-11-25, Server Features › Tools › Tool Names (SEP-986)';
const ALLOWED = /[A-Za-z0-9_.-]/u;

/** Tool and prompt names: the specification's tool-name rules, and names that only look different. */
export const NAME_LINT_RULES: readonly LintRule[] = [
  {
    id: 'tool-name-invalid-characters',
    severity: 'error',
    title: 'Tool name has characters outside A-Z a-z 0-9 _ - .',
    rationale: `${SPEC}: "The following SHOULD be the only allowed characters: uppercase and lowercase ASCII letters (A-Z, a-z), digits (0-9), underscore (_), hyphen (-), and dot (.)", and names "SHOULD NOT contain spaces, commas, or other special characters". Clients and the model APIs they forward tools to validate names against such patterns and refuse the tool (or every tool of the server) when one does not match.`,
    example: { bad: 'name: "search docs"', good: 'name: "search_docs"' },
    check: (snapshot) =>
      snapshot.tools.flatMap((tool) => {
        const outside = [...new Set([...tool.name].filter((char) => !ALLOWED.test(char)))];
        return outside.length === 0 ? [] : [{ entity: 'tool', name: tool.name, pointer: '/name', params: { characters: outside.map(shownCharacter).join(' ') } }];
      }),
    message: (f) => `Tool ${code(f.name)}: the name has characters other than A-Z a-z 0-9 _ - . (${str(f.params?.characters)}); clients may refuse it.`,
  },
  {
    id: 'tool-name-length',
    severity: 'error',
    title: 'Tool name empty or longer than 128 characters',
    rationale: `${SPEC}: "Tool names SHOULD be between 1 and 128 characters in length (inclusive)." A client cannot call a tool with an empty name, and longer names are refused by clients that check the length.`,
    example: { bad: `name: "" or a name of 129 characters`, good: 'name: "search"' },
    check: (snapshot) =>
      snapshot.tools.flatMap((tool) => {
        const length = [...tool.name].length;
        return length >= 1 && length <= TOOL_NAME_MAX_LENGTH ? [] : [{ entity: 'tool', name: tool.name, pointer: '/name', params: { length } }];
      }),
    message: (f) =>
      f.params?.length === 0 ? 'A tool has an empty name; no client can call it.' : `Tool ${code(f.name)}: the name is ${str(f.params?.length)} characters long, more than the ${TOOL_NAME_MAX_LENGTH} the specification allows.`,
  },
  {
    id: 'tool-names-differ-only-in-case',
    severity: 'warning',
    title: 'Tool names that differ only in case',
    rationale: `${SPEC} makes names case-sensitive, so \`Search\` and \`search\` are two tools; but a model choosing between them, and clients or gateways that compare names case-insensitively, cannot tell them apart and may call the wrong one.`,
    example: { bad: 'tools: [search, Search]', good: 'tools: [search, search_archive]' },
    check: (snapshot) => lookAlikes(snapshot.tools, 'tool', caseKey),
    message: (f) => `Tool ${code(f.name)} differs from tool ${code(str(f.params?.other))} only in case; models and case-insensitive clients cannot tell them apart.`,
  },
  {
    id: 'tool-names-differ-only-in-separators',
    severity: 'warning',
    title: 'Tool names that differ only in separators or case',
    rationale:
      'Names such as `get_user`, `get-user`, `get.user` and `getUser` read the same to a model, and clients that rewrite names for model APIs (dots to underscores, say, or a server prefix with a length cut) can turn two of them into one.',
    example: { bad: 'tools: [get_user, get-user]', good: 'tools: [get_user, get_user_profile]' },
    check: (snapshot) => lookAlikes(snapshot.tools, 'tool', nameWordsKey, caseKey),
    message: (f) => `Tool ${code(f.name)} differs from tool ${code(str(f.params?.other))} only in separators (and case); models and clients that rewrite names can confuse them.`,
  },
  {
    id: 'prompt-names-differ-only-in-case',
    severity: 'warning',
    title: 'Prompt names that differ only in case',
    rationale: 'Prompts are picked by name, often by a person from a slash-command menu; two names that differ only in case look like one entry twice, and clients that compare case-insensitively reach only one of them.',
    example: { bad: 'prompts: [summarize, Summarize]', good: 'prompts: [summarize, summarize_thread]' },
    check: (snapshot) => lookAlikes(snapshot.prompts, 'prompt', caseKey),
    message: (f) => `Prompt ${code(f.name)} differs from prompt ${code(str(f.params?.other))} only in case.`,
  },
];

/** The first name of each group of names equal under `key`, in order. */
function firstOfEach(names: readonly string[], key: (name: string) => string): string[] {
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(key(name)) && seen.add(key(name)) !== undefined);
}

function caseKey(name: string): string {
  return name.toLowerCase();
}

/**
 * Names that share `key` but are distinct, each reported against the first (in name order) of its
 * group. With `finer`, names equal under `finer` count as one: those are another rule's findings.
 */
function lookAlikes(items: readonly { name: string }[], entity: EntityKind, key: (name: string) => string, finer?: (name: string) => string): LintFacts[] {
  const groups = new Map<string, string[]>();
  for (const name of items.map((item) => item.name).sort(compareStrings)) {
    const group = groups.get(key(name)) ?? [];
    group.push(name);
    groups.set(key(name), group);
  }
  const facts: LintFacts[] = [];
  for (const names of groups.values()) {
    const representatives = finer ? firstOfEach(names, finer) : names;
    const first = representatives[0];
    if (first === undefined) continue;
    for (const name of representatives.slice(1)) facts.push({ entity, name, pointer: '/name', params: { other: first } });
  }
  return facts;
}

/** A character as a message shows it: printable ones quoted, others (space, controls, invisible) by code point. */
function shownCharacter(char: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(char) && char !== '`' ? `"${char}"` : `U+${(char.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

