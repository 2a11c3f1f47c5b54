// How much of the suggestions the human formats show, and in which languages (no oclif, no I/O).

/** `none`: no suggestions; `brief`: what to do, once per tool; `full`: also the code, in every chosen language. */
export const SUGGESTION_LEVELS = ['none', 'brief', 'full'] as const;
export type SuggestionLevel = (typeof SUGGESTION_LEVELS)[number];

export { DEFAULT_SNIPPET_LANGUAGES, SNIPPET_LANGUAGES, type SnippetLanguage, snippetIn } from '../suggest/snippets.js';

export function isSuggestionLevel(value: unknown): value is SuggestionLevel {
  return typeof value === 'string' && (SUGGESTION_LEVELS as readonly string[]).includes(value);
}
