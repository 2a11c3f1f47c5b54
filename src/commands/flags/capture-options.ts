import type { CaptureOptions } from '../../capture/snapshot-server.js';
import { cleanLine, escapeJsonText } from '../../report/sanitize.js';
import { parseClientCapabilities } from './server-target-values.js';
import { ProgressLine, wantsProgressLine } from '../progress-line.js';

/**
 * How a command captures: its time limit and client capabilities, and where the capture's log goes
 * (docs/logging.md): `--log-format json` writes every event as a JSON line on stderr, `--verbose`
 * (with the default text format) the same events as human lines. Both come masked from the capture.
 * Otherwise, on a terminal and without --quiet, a progress line (src/commands/progress-line.ts).
 */
export function captureOptions(
  flags: { timeout?: number; 'client-capabilities'?: string; 'log-format'?: string; quiet?: boolean },
  timeoutMs: number | undefined,
  verbose: boolean,
): CaptureOptions {
  const clientCapabilities = parseClientCapabilities(flags['client-capabilities']);
  const timeout = timeoutMs ?? flags.timeout;
  const json = flags['log-format'] === 'json';
  return {
    ...(timeout === undefined ? {} : { timeoutMs: timeout }),
    ...(clientCapabilities ? { clientCapabilities } : {}),
    ...(json ? { onEvent: (event) => process.stderr.write(`${escapeJsonText(JSON.stringify(event))}\n`) } : {}),
    ...(wantsProgressLine(process.stderr, { quiet: flags.quiet === true, verbose, json }) ? { onEvent: new ProgressLine(process.stderr).onEvent } : {}),
    ...(verbose && !json ? { onLog: (line: string) => process.stderr.write(`${cleanLine(line)}\n`) } : {}),
  };
}
