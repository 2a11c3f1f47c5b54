import { isAbsolute, relative, resolve } from 'node:path';
import { countsOf, entityCounts } from '../report/plural.js';
import { cleanLine } from '../report/sanitize.js';
import { isStdio } from '../snapshot/stdin-source.js';
import { captureOptions } from './flags/capture-options.js';
import { assertWritableFile } from './flags/output-path.js';
import { parseClientCapabilities, type ServerTargetFlagValues, targetFromFlags } from './flags/server-target-values.js';

export interface SnapshotRequest {
  flags: ServerTargetFlagValues & { output?: string; quiet?: boolean; verbose?: boolean; timeout?: number; 'client-capabilities'?: string; 'log-format'?: string };
  /** The server's command line, from after `--` (stdio). */
  command: string[];
}

/**
 * `mcp-compat snapshot`: captures the server and writes its canonical snapshot (stdout without
 * --output or with `-o -`). No oclif: the `snapshot` command and the start-up path of `snapshot` both run it.
 */
export async function runSnapshot({ flags: given, command }: SnapshotRequest): Promise<void> {
  // `-o -` is stdout, as with no -o.
  const { output, ...rest } = given;
  const flags: SnapshotRequest['flags'] = output === undefined || isStdio(output) ? rest : given;
  parseClientCapabilities(flags['client-capabilities']);
  if (flags.output !== undefined) await assertWritableFile(flags.output, '-o');
  const target = await targetFromFlags(flags, command);
  const [{ snapshotServer }, { serializeSnapshot }, { writeSnapshotFile }] = await Promise.all([
    import('../capture/snapshot-server.js'),
    import('../snapshot/canonical.js'),
    import('../snapshot/write.js'),
  ]);
  const snapshot = await snapshotServer(target, captureOptions(flags, undefined, flags.verbose === true));
  if (flags.output === undefined) {
    process.stdout.write(serializeSnapshot(snapshot));
    return;
  }
  await writeSnapshotFile(flags.output, snapshot);
  if (!flags.quiet) {
    const counts = entityCounts(countsOf(snapshot));
    process.stderr.write(`${cleanLine(`mcp-compat: wrote ${shownPath(flags.output)} (${snapshot.server.name} ${snapshot.server.version}: ${counts})`)}\n`);
    for (const note of snapshot.notes ?? []) process.stderr.write(`${cleanLine(`mcp-compat: note: ${note}`)}\n`);
  }
}

/** The path as the user would write it: relative to the working directory when it is inside it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : resolve(path);
}
