import { readFileSync } from 'node:fs';
import { exitCodeOf } from './commands/failure.js';
import { parseDiffArgv } from './commands/flags/diff-argv.js';
import { runDiff } from './commands/run-diff.js';

/**
 * The start-up path of `mcp-compat diff`, the command pre-commit hooks and CI run most: a
 * well-formed `diff BASE HEAD [flags]` runs without loading oclif, whose own start-up costs about
 * as much as Node's (docs/performance.md). Returns false, having done nothing, for any command line
 * it does not read plainly; bin/run.js then hands it to oclif, which runs it or explains what is
 * wrong. MCP_COMPAT_FAST_PATH=0 turns this path off.
 */
export async function fastDiff(words: readonly string[]): Promise<boolean> {
  const parsed = parseDiffArgv(words);
  if (!parsed) return false;
  process.exitCode = await exitCodeOf(parsed.verbose, () => runDiff(parsed.request, packageVersion));
  return true;
}

/** This package's version, as oclif reads it for `config.version` (SARIF names the tool's version). */
function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
