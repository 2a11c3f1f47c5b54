import { UserError } from '../../errors.js';

/**
 * Words before `--` that no flag took are an error, never ignored (design §3): `check server.js`
 * is not `check -- server.js`. `parsed` is oclif's argv (every word no flag took, those after `--`
 * included), `command` the words after `--`.
 */
export function assertNoStrayWords(commandName: string, parsed: readonly string[], command: readonly string[]): void {
  const stray = parsed.slice(0, Math.max(0, parsed.length - command.length));
  if (stray.length > 0) {
    throw new UserError(`Unexpected argument ${JSON.stringify(stray[0])}.`, { hint: `Put the server command after --, e.g. mcp-compat ${commandName} -- node server.js.` });
  }
}
