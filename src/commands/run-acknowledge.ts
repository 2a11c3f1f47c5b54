import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { EXIT_OK, UserError } from '../errors.js';
import { addAcknowledgements, isExpired, type NewAcknowledgement } from '../policy/acknowledge.js';
import { REASON_PLACEHOLDER } from '../policy/acknowledge-command.js';
import { CONFIG_FILE_NAME, PACKAGE_JSON_KEY, parseConfigText, PLACEHOLDER_REASON } from '../policy/config.js';
import { type FailOn, reachesFailOn } from '../policy/fail-on.js';
import type { Severity } from '../rules/types.js';
import { type LoadedProjectConfig, loadProjectConfig } from './flags/project-config.js';
import { displayPath, sourceOf } from './flags/report-values.js';

export interface AcknowledgeRequest {
  /** The words that are not flags: fingerprints, or BASE HEAD with --all. */
  words: string[];
  flags: { reason: string; all: boolean; report?: string; expires?: string; 'fail-on'?: string; 'project-config'?: string; client?: string; quiet?: boolean };
}

/** A change as the JSON report (--format json) carries it. */
interface JsonChange {
  rule: string;
  severity: Severity;
  entity: string;
  name: string;
  pointer: string;
  fingerprint: string;
  acknowledged: boolean;
}

const FINGERPRINT = /^[0-9a-f]{12}$/;

/** `mcp-compat acknowledge`: works out the entries, adds them to the project config, and says what it did. */
export async function runAcknowledge({ words, flags }: AcknowledgeRequest): Promise<number> {
  const reason = flags.reason.trim();
  if (reason === '' || reason === REASON_PLACEHOLDER || reason === PLACEHOLDER_REASON) {
    throw new UserError('--reason must say why the changes are acceptable.', { hint: 'For example: --reason "search_v1 callers migrated, see #123".' });
  }
  if (flags.expires !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(flags.expires) || Number.isNaN(Date.parse(`${flags.expires}T00:00:00Z`)))) {
    throw new UserError(`--expires "${flags.expires}" is not a date (expected YYYY-MM-DD).`);
  }
  const config = await loadProjectConfig({ path: flags['project-config'] });
  const changes = await chosenChanges(words, flags, config);
  const today = new Date().toISOString().slice(0, 10);
  const held = new Set((config?.acknowledged ?? []).filter((ack) => ack.server === undefined && ack.fingerprint !== undefined && !isExpired(ack, today)).map((ack) => ack.fingerprint));
  const entries: NewAcknowledgement[] = [];
  for (const change of changes) {
    if (held.has(change.fingerprint)) continue;
    held.add(change.fingerprint);
    entries.push({ ...change, reason, ...(flags.expires === undefined ? {} : { expires: flags.expires }) });
  }
  const skipped = changes.length - entries.length;

  const file = config?.file ?? resolve(CONFIG_FILE_NAME);
  if (entries.length > 0) {
    const text = config ? await readFile(file, 'utf8') : '{\n}\n';
    let updated: string;
    try {
      updated = addAcknowledgements(text, file.endsWith('package.json') ? [PACKAGE_JSON_KEY] : [], entries);
    } catch (error) {
      throw new UserError(`Cannot add acknowledgements to ${displayPath(file)}: ${(error as Error).message}.`);
    }
    // The result must read back as a valid config, or nothing is written.
    parseConfigText(updated, file);
    const { writeTextAtomically } = await import('../snapshot/write.js');
    await writeTextAtomically(file, updated);
  }
  if (!flags.quiet) {
    const done = entries.length === 0 ? 'nothing new to acknowledge' : `acknowledged ${entries.length} change${entries.length === 1 ? '' : 's'} in ${displayPath(file)}`;
    process.stderr.write(`mcp-compat: ${done}${skipped > 0 ? ` (${skipped} already acknowledged)` : ''}\n`);
  }
  return EXIT_OK;
}

type Chosen = Omit<NewAcknowledgement, 'reason' | 'expires'>;

async function chosenChanges(words: string[], flags: AcknowledgeRequest['flags'], config: LoadedProjectConfig | undefined): Promise<Chosen[]> {
  if (!flags.all) {
    if (words.length === 0) throw new UserError('Nothing to acknowledge.', { hint: 'Give the fingerprints the report prints, or --all BASE HEAD, or --all --report FILE.' });
    const bad = words.find((word) => !FINGERPRINT.test(word));
    if (bad !== undefined) throw new UserError(`"${bad}" is not a fingerprint (12 hex characters, as the report prints them).`, { hint: 'To accept every failing change of a diff, use --all BASE HEAD.' });
    if (flags.report === undefined) return [...new Set(words)].map((fingerprint) => ({ fingerprint }));
    const known = new Map((await reportChanges(flags.report)).changes.map((change) => [change.fingerprint, change]));
    return [...new Set(words)].map((fingerprint) => {
      const change = known.get(fingerprint);
      if (!change) throw new UserError(`No change with fingerprint ${fingerprint} in ${flags.report}.`);
      return entryFields(change);
    });
  }
  if (flags.report !== undefined) {
    if (words.length > 0) throw new UserError(`Unexpected argument "${words[0]}": --all --report reads the changes from the report.`);
    const report = await reportChanges(flags.report);
    return report.changes.filter((change) => !change.acknowledged && reachesFailOn(change.severity, (flags['fail-on'] as FailOn | undefined) ?? report.failOn)).map(entryFields);
  }
  if (words.length !== 2) throw new UserError('--all needs the two snapshot files, BASE HEAD (or a saved JSON report with --report FILE).');
  const [basePath, headPath] = words as [string, string];
  const [{ readSnapshotSource, workingTreePath }, { makeReport }] = await Promise.all([import('../snapshot/git-source.js'), import('./reporting.js')]);
  const [base, head] = await Promise.all([readSnapshotSource(basePath), readSnapshotSource(headPath)]);
  const server = config?.servers.find((entry) => resolve(config.dir, entry.baseline) === resolve(workingTreePath(basePath)))?.name;
  const report = makeReport({
    base: base.snapshot,
    head: head.snapshot,
    sources: { base: sourceOf(basePath, base.text), head: sourceOf(headPath, head.text) },
    flags: {
      format: 'json',
      'require-bump': false,
      ...(flags['fail-on'] === undefined ? {} : { 'fail-on': flags['fail-on'] }),
      ...(flags.client === undefined ? {} : { client: flags.client }),
    },
    config,
    server,
  });
  return report.changes.filter((change) => change.failing).map(entryFields);
}

function entryFields(change: Pick<JsonChange, 'fingerprint' | 'rule' | 'entity' | 'name' | 'pointer'>): Chosen {
  return { fingerprint: change.fingerprint, rule: change.rule, entity: change.entity, name: change.name, pointer: change.pointer };
}

/** The changes of a JSON report (or of every server's report of a `check --all` array), and its fail-on level. */
async function reportChanges(path: string): Promise<{ changes: JsonChange[]; failOn: FailOn }> {
  const shown = path === '-' ? 'stdin' : path;
  let text: string;
  try {
    text = path === '-' ? await readStdin() : await readFile(path, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read the report ${shown}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UserError(`${shown} is not a JSON report.`, { hint: 'Save one with --format json.' });
  }
  // `check --all --format json` is an array of {target, report} or {target, error} entries.
  const reports = (Array.isArray(parsed) ? parsed : [parsed]).flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || !('target' in entry)) return [entry];
    return 'report' in entry ? [entry.report] : [];
  });
  const changes: JsonChange[] = [];
  let failOn: FailOn = 'breaking';
  for (const report of reports) {
    if (!isJsonReport(report)) throw new UserError(`${shown} is not a JSON report of mcp-compat (expected "summary" and "changes", as --format json writes them).`);
    failOn = report.summary.failOn;
    changes.push(...report.changes);
  }
  return { changes, failOn };
}

function isJsonReport(value: unknown): value is { summary: { failOn: FailOn }; changes: JsonChange[] } {
  if (typeof value !== 'object' || value === null) return false;
  const { summary, changes } = value as { summary?: { failOn?: unknown }; changes?: unknown };
  return (
    typeof summary?.failOn === 'string' &&
    Array.isArray(changes) &&
    changes.every((change: unknown) => {
      const c = change as Partial<JsonChange> | null;
      return typeof c === 'object' && c !== null && typeof c.fingerprint === 'string' && FINGERPRINT.test(c.fingerprint) && typeof c.rule === 'string' && typeof c.severity === 'string' && typeof c.entity === 'string' && typeof c.name === 'string' && typeof c.pointer === 'string';
    })
  );
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
