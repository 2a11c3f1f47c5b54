import { checkContextLimits, type ContextLimits } from '../context/limits.js';
import type { ContextCost } from '../context/measure.js';
import type { SnapshotDiff } from '../diff/model.js';
import { changeDetail } from '../rules/detail.js';
import type { EntityKind, Severity } from '../rules/types.js';
import type { Snapshot } from '../snapshot/model.js';
import { acknowledgementMatches, isExpired } from './acknowledge.js';
import { type Acknowledgement, CONFIG_FILE_NAME, PLACEHOLDER_REASON } from './config.js';
import { type FailOn, reachesFailOn, severityRank } from './fail-on.js';
import { changeFingerprint } from './fingerprint.js';
import { entityKey, locateEntities } from './locate.js';
import { lazyProperty } from '../diff/lazy-property.js';
import type { Report, ReportChange, ReportContext, ReportLocation, VersionCheck } from './report-model.js';
import { checkDeclaredVersion, recommendBump } from './semver.js';
import { acknowledgeCommand } from './acknowledge-command.js';
import { swappedVersionsNote } from './version-order.js';

/** A snapshot file the report can point into (SARIF locations); `text` is its content if read. */
export interface ReportSource {
  path: string;
  text?: string;
}

export interface ReportPolicy {
  failOn: FailOn;
  /** Severity per rule id, replacing the catalog's. */
  severity?: Record<string, Severity>;
  acknowledged?: readonly Acknowledgement[];
  /** The configured server being checked, for acknowledgements scoped with `server`. */
  server?: string;
  /** Today as YYYY-MM-DD (UTC), to expire acknowledgements; passed in so this stays pure. */
  today: string;
  /** Check the declared version against the recommended bump. */
  requireBump?: boolean;
  /** The version about to be released; defaults to the head snapshot's server version. */
  nextVersion?: string;
  /** Where acknowledgement entries go (shown in next steps). */
  configFile?: string;
  /** The command that refreshes the baseline, shown when changes fail the run. */
  refreshCommand?: string;
  /**
   * The command that acknowledges every failing change of this run (`mcp-compat acknowledge --all
   * ...`), shown instead of the fingerprints when there are many of them.
   */
  acknowledgeAllCommand?: string;
}

export interface BuildReportInput {
  diff: SnapshotDiff;
  base: Snapshot;
  head: Snapshot;
  sources?: { base?: ReportSource; head?: ReportSource };
  policy: ReportPolicy;
  /** The counted context cost and the limits it is held to, when counting was asked for. */
  context?: { cost: ContextCost; limits: ContextLimits };
}

const ENTITY_ORDER: Record<EntityKind, number> = { server: 0, tool: 1, prompt: 2, resource: 3, resourceTemplate: 4 };

/** Applies the policy to a diff and computes everything the reporters show. Pure. */
export function buildReport({ diff, base, head, sources, policy, context }: BuildReportInput): Report {
  const notes = [...diff.notes];
  const swapped = swappedVersionsNote(base.server.version, head.server.version);
  if (swapped) notes.unshift(swapped);
  const acknowledged = policy.acknowledged ?? [];
  const used = new Set<Acknowledgement>();
  const locate = locator(sources);

  const changes: ReportChange[] = diff.changes.map((change) => {
    const print = changeFingerprint(change);
    const override = policy.severity?.[change.rule];
    const severity = override ?? change.severity;
    // A valid acknowledgement wins over an expired one for the same change (a renewed entry).
    const matches = acknowledged.filter((entry) => acknowledgementMatches(entry, change, print, policy.server));
    for (const entry of matches) used.add(entry);
    const ack = matches.find((entry) => !isExpired(entry, policy.today)) ?? matches[0];
    const result: ReportChange = { ...change, severity, fingerprint: print, acknowledged: false, failing: false, detail: '' };
    // Only text and markdown show it, for changes repeated across entities: worded when read.
    lazyProperty(result, 'detail', () => changeDetail(change));
    if (override !== undefined && override !== change.severity) result.defaultSeverity = change.severity;
    if (ack) {
      const expired = isExpired(ack, policy.today);
      result.acknowledgement = { reason: ack.reason, expired, ...(ack.expires === undefined ? {} : { expires: ack.expires }) };
      result.acknowledged = !expired;
      if (expired) {
        notes.push(`The acknowledgement at ${ack.source} expired on ${ack.expires}: ${change.rule} on ${change.entity} \`${change.name}\` counts again.`);
      }
    }
    result.failing = !result.acknowledged && reachesFailOn(severity, policy.failOn);
    // Only SARIF and GitHub annotations show locations: finding them scans the files, so it waits for a reader.
    if (locate) lazyProperty(result, 'location', () => locate(change.entity, change.name));
    return result;
  });
  changes.sort(compareChanges);

  for (const ack of acknowledged) {
    const inScope = policy.server === undefined || ack.server === policy.server;
    if (inScope && !used.has(ack)) notes.push(`The acknowledgement at ${ack.source} matches no change any more; it can be removed.`);
  }

  const recommendedBump = recommendBump(changes);
  let versionCheck: VersionCheck | undefined;
  if (policy.requireBump || policy.nextVersion !== undefined) {
    const nextVersion = policy.nextVersion ?? head.server.version;
    const check = checkDeclaredVersion(base.server.version, nextVersion, recommendedBump);
    versionCheck = { baseVersion: base.server.version, nextVersion, required: recommendedBump, ...check };
  }

  const count = (severity: Severity): number => changes.filter((change) => change.severity === severity).length;
  const failing = changes.filter((change) => change.failing);
  const reportContext: ReportContext | undefined = context ? { ...context.cost, limits: context.limits, exceeded: checkContextLimits(context.cost, context.limits) } : undefined;
  const failed = failing.length > 0 || versionCheck?.ok === false || (reportContext?.exceeded.length ?? 0) > 0;

  return {
    formatVersion: 1,
    base: party(base, sources?.base),
    head: party(head, sources?.head),
    summary: {
      breaking: count('breaking'),
      risky: count('risky'),
      compatible: count('compatible'),
      acknowledged: changes.filter((change) => change.acknowledged).length,
      failing: failing.length,
      recommendedBump,
      failOn: policy.failOn,
      failed,
    },
    changes,
    tools: [...new Set([...base.tools, ...head.tools].map((tool) => tool.name))].sort(),
    notes,
    ...(versionCheck ? { versionCheck } : {}),
    ...(reportContext ? { context: reportContext } : {}),
    nextSteps: {
      acknowledgements: failing.map((change) => ({
        fingerprint: change.fingerprint,
        rule: change.rule,
        entity: change.entity,
        name: change.name,
        pointer: change.pointer,
        reason: PLACEHOLDER_REASON,
      })),
      configFile: policy.configFile ?? CONFIG_FILE_NAME,
      ...(failing.length > 0 ? { acknowledgeCommand: acknowledgeCommand(failing.map((change) => change.fingerprint), policy.acknowledgeAllCommand) } : {}),
      // Refreshing the baseline accepts changes; it does nothing for a version that is too low.
      ...(failing.length > 0 && policy.refreshCommand ? { refreshCommand: policy.refreshCommand } : {}),
      ...(versionCheck?.ok === false && versionCheck.minimumVersion !== undefined ? { declareVersion: versionCheck.minimumVersion } : {}),
    },
  };
}

function party(snapshot: Snapshot, source: ReportSource | undefined): Report['base'] {
  return { name: snapshot.server.name, version: snapshot.server.version, ...(source ? { file: source.path } : {}) };
}

function compareChanges(a: ReportChange, b: ReportChange): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    ENTITY_ORDER[a.entity] - ENTITY_ORDER[b.entity] ||
    compareText(a.name, b.name) ||
    compareText(a.pointer, b.pointer) ||
    compareText(a.rule, b.rule)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Finds where an entity is written: in the baseline file when it is there (removed and changed
 * entities), else in the head file (added ones), else at the top of the baseline.
 */
function locator(sources: BuildReportInput['sources']): ((entity: EntityKind, name: string) => ReportLocation) | undefined {
  // Each file is scanned the first time a change needs it: most reports never look at the head's.
  const files = [sources?.base, sources?.head]
    .filter((source): source is ReportSource => source !== undefined)
    .map((source) => {
      let lines: Map<string, number> | undefined;
      const scan = (text: string | undefined) => (text === undefined ? new Map<string, number>() : locateEntities(text));
      return { path: source.path, lines: () => (lines ??= scan(source.text)) };
    });
  const first = files[0];
  if (first === undefined) return undefined;
  return (entity, name) => {
    const key = entity === 'server' ? entityKey('server', '') : entityKey(entity, name);
    for (const file of files) {
      const line = file.lines().get(key);
      if (line !== undefined) return { path: file.path, line };
    }
    return { path: first.path, line: 1 };
  };
}
