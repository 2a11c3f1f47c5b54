import { EXIT_OK } from './errors.js';
import { exitCodeOf } from './commands/failure.js';
import { parseSnapshotArgv } from './commands/flags/snapshot-argv.js';
import { runSnapshot } from './commands/run-snapshot.js';

/**
 * The start-up path of `mcp-compat snapshot` for a stdio server (`snapshot [-o FILE] [--env K=V]
 * [--cwd DIR] [--timeout MS] [--log-format F] -- COMMAND ARGS`): it runs without loading oclif, so
 * a capture costs about what a bare SDK client costs (docs/performance.md). Returns false, having
 * done nothing, for any other command line; bin/run.js then hands it to oclif.
 * MCP_COMPAT_FAST_PATH=0 turns this path off.
 */
export async function fastSnapshot(words: readonly string[]): Promise<boolean> {
  const parsed = parseSnapshotArgv(words);
  if (!parsed) return false;
  process.exitCode = await exitCodeOf(parsed.verbose, async () => {
    await runSnapshot(parsed.request);
    return EXIT_OK;
  });
  return true;
}
