import type { ContextCost } from '../context/measure.js';
import type { ContextLimitBreach, ContextLimits } from '../context/limits.js';
import type { Change } from '../diff/model.js';
import type { EntityKind, Severity } from '../rules/types.js';
import type { FailOn } from './fail-on.js';
import type { Bump } from './semver.js';

// The Report is what policy produces and every reporter reads (re-exported by src/report/model.ts);
// it lives here so that policy never imports report/.

/** One side of the comparison: the server as it described itself, and the file it came from if any. */
export interface ReportParty {
  name: string;
  version: string;
  /** Path of the snapshot file (relative to the working directory), absent for a live capture. */
  file?: string;
}

/** Where a change can be pointed at in a committed file (SARIF, annotations). 1-based line. */
export interface ReportLocation {
  path: string;
  line: number;
}

export interface AppliedAcknowledgement {
  reason: string;
  /** YYYY-MM-DD; the acknowledgement holds through this day (UTC). */
  expires?: string;
  /** True when the expiry date has passed: the change counts again and the report says so. */
  expired: boolean;
}

/** A change after policy: its effective severity, fingerprint and acknowledgement state. */
export interface ReportChange extends Change {
  fingerprint: string;
  /** True when a valid (unexpired) acknowledgement covers the change. */
  acknowledged: boolean;
  /** The matching acknowledgement, expired or not. */
  acknowledgement?: AppliedAcknowledgement;
  /** The catalog severity when a severity override changed it. */
  defaultSeverity?: Severity;
  /** At or above fail-on and not acknowledged: this change alone fails the run. */
  failing: boolean;
  location?: ReportLocation;
  /**
   * What changed, in the rule's words, without the entity (`` `pageId` is now required``): what
   * tells apart the changes of one rule at one pointer that text and markdown list together. Not
   * part of the JSON report (its `message` says the same with the entity).
   */
  detail: string;
}

/** An entry to paste into the `acknowledged` list of the project config file. */
export interface AcknowledgementEntry {
  fingerprint: string;
  rule: string;
  entity: EntityKind;
  name: string;
  pointer: string;
  reason: string;
}

export interface VersionCheck {
  baseVersion: string;
  nextVersion: string;
  required: Bump;
  declared: Bump;
  ok: boolean;
  message: string;
  /** When the check fails on a valid version: the lowest version that passes. */
  minimumVersion?: string;
}

export interface ReportSummary {
  breaking: number;
  risky: number;
  compatible: number;
  /** Changes covered by a valid acknowledgement (they are still counted above). */
  acknowledged: number;
  /** Changes that fail the run on their own (at or above fail-on, not acknowledged). */
  failing: number;
  recommendedBump: Bump;
  failOn: FailOn;
  /** Failing changes, a declared version below the recommended bump, or a context limit exceeded. */
  failed: boolean;
}

/** Tokens the tools, prompts and instructions add to a model's context, when they were counted. */
export interface ReportContext extends ContextCost {
  limits: ContextLimits;
  /** The limits the head goes over (each fails the run). */
  exceeded: ContextLimitBreach[];
}

/**
 * Everything a reporter prints, computed once by `buildReport`: reporters format, they never
 * classify, count or decide.
 */
export interface Report {
  formatVersion: 1;
  base: ReportParty;
  head: ReportParty;
  summary: ReportSummary;
  /** Ordered by severity (breaking first), then entity kind, name and pointer. */
  changes: ReportChange[];
  /** Every tool name in base or head, sorted: one JUnit test case each. */
  tools: string[];
  /** Things to say before the changes (differing client capabilities, expired acknowledgements, ...). */
  notes: string[];
  versionCheck?: VersionCheck;
  /** Present when context cost was counted (`--context`, a context limit, or `context` in the project config). */
  context?: ReportContext;
  /** What to do when the run failed; empty when it passed. */
  nextSteps: {
    /** Entries for the failing changes, to paste into `acknowledged` if they are intended. */
    acknowledgements: AcknowledgementEntry[];
    /** The project config file to paste them into (or where to create one). */
    configFile: string;
    /** The command that writes acknowledgements for the failing changes (`mcp-compat acknowledge ...`). */
    acknowledgeCommand?: string;
    /** The command that refreshes the baseline once the change is accepted (only when changes fail the run). */
    refreshCommand?: string;
    /** When the version check failed: the lowest version to declare (`--next-version`, or the server's version). */
    declareVersion?: string;
  };
}
