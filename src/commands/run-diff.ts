import { resolve } from 'node:path';
import { EXIT_CHANGES_FOUND, EXIT_OK } from '../errors.js';
import { isStdio } from '../snapshot/stdin-source.js';
import { loadProjectConfig } from './flags/project-config.js';
import { acknowledgeAllOfDiff } from './flags/acknowledge-values.js';
import { chosenClients } from './flags/client-values.js';
import { contextPlan, measureContextCost } from './context-cost.js';
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
export async function runDiff(request: DiffRequest, toolVersion: string | (() => string)): Promise<number> {
  const { base: basePath, head: headPath, flags } = request;
  assertNextVersion(flags['next-version']);
  const [{ readSnapshotSourcePair, refreshByCopy, workingTreePath }, { makeReport, render, viewOptions }] = await Promise.all([import('../snapshot/git-source.js'), import('./reporting.js')]);
  const config = await loadProjectConfig({ path: flags['project-config'] ?? flags.config });
  chosenClients(flags.client, config?.clients);
  const plan = contextPlan(flags, config);
  const [base, head] = await readSnapshotSourcePair(basePath, headPath);
  const context = await measureContextCost(plan, base.snapshot, head.snapshot);
  const server = config?.servers.find((entry) => resolve(config.dir, entry.baseline) === resolve(workingTreePath(basePath)))?.name;
  const report = makeReport({
    base: base.snapshot,
    head: head.snapshot,
    // A snapshot piped in has no file for reports to point at (SARIF, annotations): it gets no source.
    sources: { ...(isStdio(basePath) ? {} : { base: sourceOf(basePath, base.text) }), ...(isStdio(headPath) ? {} : { head: sourceOf(headPath, head.text) }) },
    flags,
    config,
    server,
    refreshCommand: refreshByCopy(headPath, basePath, shellQuote),
    acknowledgeAllCommand: acknowledgeAllOfDiff(basePath, headPath, flags),
    context,
  });
  // Only SARIF names the tool's version: the start-up path reads it from package.json for SARIF alone.
  const version = typeof toolVersion === 'string' ? toolVersion : flags.format === 'sarif' ? toolVersion() : '';
  process.stdout.write(render(report, flags.format, version, viewOptions(flags, config)));
  return report.summary.failed ? EXIT_CHANGES_FOUND : EXIT_OK;
}
