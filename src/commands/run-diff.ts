import { resolve } from 'node:path';
import { EXIT_CHANGES_FOUND, EXIT_OK } from '../errors.js';
import { loadProjectConfig } from './flags/project-config.js';
import { assertNextVersion, type ReportFlagValues, shellQuote, sourceOf } from './flags/report-values.js';

export interface DiffRequest {
  base: string;
  head: string;
  flags: ReportFlagValues & { config?: string };
}

/**
 * `mcp-compat diff BASE HEAD`: reads both files, classifies every change, prints the report and
 * returns the exit code. No oclif: the `diff` command and the start-up path of `diff` both run it.
 */
export async function runDiff(request: DiffRequest, toolVersion: string): Promise<number> {
  const { base: basePath, head: headPath, flags } = request;
  assertNextVersion(flags['next-version']);
  const [{ readSnapshotPair }, { makeReport, render }] = await Promise.all([import('../snapshot/read.js'), import('./reporting.js')]);
  const config = await loadProjectConfig({ path: flags['project-config'] ?? flags.config });
  const [base, head] = await readSnapshotPair(basePath, headPath);
  const server = config?.servers.find((entry) => resolve(config.dir, entry.baseline) === resolve(basePath))?.name;
  const report = makeReport({
    base: base.snapshot,
    head: head.snapshot,
    sources: { base: sourceOf(basePath, base.text), head: sourceOf(headPath, head.text) },
    flags,
    config,
    server,
    refreshCommand: `cp ${shellQuote([headPath, basePath])}`,
  });
  process.stdout.write(render([report], flags.format, toolVersion));
  return report.summary.failed ? EXIT_CHANGES_FOUND : EXIT_OK;
}
