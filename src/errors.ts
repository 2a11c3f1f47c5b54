/**
 * An error the user can act on: bad arguments, an unreadable or invalid file, a server that failed
 * to start, timed out or broke the protocol. Commands print `message` as one line and exit with 2.
 * `hint` says what to do about it; `detail` (e.g. the tail of a server's stderr) is shown after it.
 */
export class UserError extends Error {
  readonly hint?: string;
  readonly detail?: string;

  constructor(message: string, options: { hint?: string; detail?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'UserError';
    this.hint = options.hint;
    this.detail = options.detail;
  }
}

export const EXIT_OK = 0;
export const EXIT_CHANGES_FOUND = 1;
export const EXIT_TOOL_FAILURE = 2;

/**
 * Why JSON.parse refused a text, without the excerpt of the text V8 quotes (`Unexpected token 'x',
 * "{"env": {"KEY": "..."... is not valid JSON`): a config file's text may hold secrets.
 */
export function jsonSyntaxReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/,\s*"[\s\S]* is not valid JSON$/, '');
}
