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
