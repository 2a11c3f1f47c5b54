import { EXIT_TOOL_FAILURE, UserError } from '../errors.js';
import { cleanBlock, cleanLine } from '../report/sanitize.js';

/**
 * What a failed command prints to stderr (design §3): a UserError as one line (with its hint, and
 * its detail after it), anything else as one line naming an internal error. The stack trace only
 * with --verbose. Shared by the oclif commands and the start-up paths of `diff` and `snapshot`.
 * Messages may quote what a server sent: the line is cleaned of controls, bidi and invisible characters.
 */
export function describeFailure(error: Error, verbose: boolean): string {
  if (error instanceof UserError) {
    const lines = [cleanLine(`mcp-compat: ${error.message}${error.hint ? ` ${error.hint}` : ''}`)];
    if (error.detail) lines.push(cleanBlock(error.detail));
    if (verbose && error.stack) lines.push(cleanBlock(error.stack));
    return `${lines.join('\n')}\n`;
  }
  return `${cleanLine(`mcp-compat: internal error: ${firstLine(error.message)}`)}${verbose ? `\n${cleanBlock(error.stack ?? '')}` : ' (run again with --verbose for details)'}\n`;
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text;
}

/** Runs a start-up path's command: its exit code, or on failure the one line above and exit code 2. */
export async function exitCodeOf(verbose: boolean, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    process.stderr.write(describeFailure(error instanceof Error ? error : new Error(String(error)), verbose));
    return EXIT_TOOL_FAILURE;
  }
}
