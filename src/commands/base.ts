import { Command, Errors, Flags } from '@oclif/core';
import { EXIT_TOOL_FAILURE, UserError } from '../errors.js';
import { cleanLine } from '../report/sanitize.js';
import { closest } from './conventions.js';
import { describeFailure } from './failure.js';

/**
 * Shared behaviour of every command: `--quiet`/`--verbose`, and the failure contract of design §3:
 * anything that stops the tool from doing its job prints one line and exits with 2; the stack
 * trace is shown only with --verbose.
 */
export abstract class BaseCommand extends Command {
  static override baseFlags = {
    quiet: Flags.boolean({ char: 'q', description: 'Print nothing but the report and errors.', helpGroup: 'GLOBAL' }),
    verbose: Flags.boolean({ char: 'v', description: 'Print progress, and stack traces on failure.', helpGroup: 'GLOBAL' }),
  };

  protected get verbose(): boolean {
    return this.argv.includes('--verbose') || this.argv.includes('-v');
  }

  private didYouMean(message: string): string {
    const ctor = this.ctor as typeof BaseCommand;
    return suggestFlag(message, { ...ctor.baseFlags, ...ctor.flags });
  }

  protected override async catch(error: Error & { exitCode?: number; oclif?: { exit?: number } }): Promise<unknown> {
    // oclif's own exits (this.exit(1)) and parse errors pass through untouched: they carry their code.
    if (error instanceof Errors.ExitError) throw error;
    if (error instanceof UserError) {
      process.stderr.write(describeFailure(error, this.verbose));
      return this.exit(EXIT_TOOL_FAILURE);
    }
    if (error.oclif?.exit !== undefined) {
      process.stderr.write(`${cleanLine(`mcp-compat: ${oneLine(error.message)}${this.didYouMean(error.message)}`)}\n`);
      return this.exit(EXIT_TOOL_FAILURE);
    }
    process.stderr.write(describeFailure(error, this.verbose));
    return this.exit(EXIT_TOOL_FAILURE);
  }
}

/** The flag a misspelt one most likely meant (`--formt`: `--format`), for oclif's "Nonexistent flag" error. */
function suggestFlag(message: string, flags: Record<string, { char?: string }>): string {
  const typed = /Nonexistent flags?: (--?[\w-]+)/.exec(message)?.[1];
  if (typed === undefined || !typed.startsWith('--')) return '';
  const guess = closest(typed.slice(2), Object.keys(flags));
  return guess === undefined ? '' : ` (did you mean --${guess}?)`;
}

/** oclif's parse errors span lines ("Missing 1 required arg:\nhead  Snapshot file..."): keep them, on one line. */
function oneLine(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('See more help'))
    .join(' ')
    .replace(/:\s+/, ': ')
    .replace(/^Parsing (--[\w-]+) Expected (.*) but received: (.*)$/s, '$1 expects $2; got $3.');
}
