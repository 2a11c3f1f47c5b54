// The tokenizer, in a module of its own: its ranks are 2.4 MB of JavaScript, so the commands import
// it only when context cost is counted (src/commands/context-cost.ts), and the build gives it a file
// of its own (scripts/build.mjs).
import { countTokens as countO200k } from 'gpt-tokenizer/encoding/o200k_base';

/** The encoding of OpenAI's current models (GPT-4o, GPT-4.1, GPT-5, o-series). */
export const ENCODING = 'o200k_base';

/**
 * Tokens of a text. Special-token spellings such as `<|endoftext|>` in a server's text are counted
 * as the ordinary text they are (the library's default would throw on them).
 */
export function countTokens(text: string): number {
  return countO200k(text, PLAIN_TEXT);
}

const PLAIN_TEXT = { disallowedSpecial: new Set<string>() };
