import { REASON_PLACEHOLDER } from '../../policy/acknowledge-command.js';
import { type ReportFlagValues, shellQuote } from './report-values.js';

// The `mcp-compat acknowledge --all` command lines that reports suggest when a run fails with many
// changes: they accept every failing change of the same run, read from the same inputs.

const ACKNOWLEDGE = `mcp-compat acknowledge --reason "${REASON_PLACEHOLDER}" --all`;

/** For `diff BASE HEAD`: the same two files, the same fail-on and project config. */
export function acknowledgeAllOfDiff(base: string, head: string, flags: ReportFlagValues & { config?: string }): string {
  const options: string[] = [];
  if (flags['fail-on'] !== undefined) options.push('--fail-on', flags['fail-on']);
  const projectConfig = flags['project-config'] ?? flags.config;
  if (projectConfig !== undefined) options.push('--project-config', projectConfig);
  if (flags.client !== undefined) options.push('--client', flags.client);
  return `${ACKNOWLEDGE} ${shellQuote([...options, base, head])}`;
}

/**
 * For `check`: the same check (its words before `--`, without --update and --format, then the
 * server command), printing JSON into `acknowledge --report -`. `mask` hides secrets of the target.
 */
export function acknowledgeAllOfCheck(argv: readonly string[], mask: (text: string) => string): string {
  const dash = argv.indexOf('--');
  const own = dash === -1 ? [...argv] : argv.slice(0, dash);
  const kept: string[] = [];
  for (let i = 0; i < own.length; i += 1) {
    const word = own[i] as string;
    if (word === '--update' || word.startsWith('--format=')) continue;
    if (word === '--format') {
      i += 1;
      continue;
    }
    kept.push(word);
  }
  const rest = dash === -1 ? [] : argv.slice(dash);
  return `mcp-compat check ${shellQuote([...kept, '--format', 'json', ...rest].map(mask))} | ${ACKNOWLEDGE} --report -`;
}
