import { Flags } from '@oclif/core';

/**
 * The context-cost flags of `diff` and `check` (docs/context-cost.md). Counting loads a tokenizer,
 * so it happens only when asked for: by --context, by a limit, or by `context` in the project config.
 * Values are checked by ../context-cost.ts, which both start-up paths share, so a bad value gets the same one line.
 */
export const contextFlags = {
  context: Flags.boolean({ description: 'Count the tokens the tools, prompts and instructions add to a model\'s context, before and after.', helpGroup: 'CONTEXT' }),
  'max-context-tokens': Flags.string({ description: 'Fail when the head adds more than N tokens to the context (implies --context).', helpValue: 'N', helpGroup: 'CONTEXT' }),
  'max-context-growth': Flags.string({
    description: 'Fail when the context grows by more than N tokens, or by more than P% of the base\'s (implies --context).',
    helpValue: 'N|P%',
    helpGroup: 'CONTEXT',
  }),
};
