// Policy and reports
export { buildReport, type BuildReportInput, type ReportPolicy, type ReportSource } from './policy/build-report.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type RenderOptions } from './report/index.js';
export { loadProjectConfig, type LoadedProjectConfig } from './commands/flags/project-config.js';
export { parseProjectConfig, type ProjectConfig, type ConfiguredServer, type Acknowledgement } from './policy/config.js';
export { fingerprint } from './policy/fingerprint.js';
export type { Report, ReportChange, ReportSummary, ReportParty, ReportLocation, AcknowledgementEntry, VersionCheck, FailOn } from './report/model.js';

// Snapshot diff, rule catalog, suggestions and semver
export { diffSnapshots } from './diff/diff-snapshots.js';
export type { Change, Suggestion, SuggestionKind, SnapshotDiff } from './diff/model.js';
export { RULES, getRule } from './rules/registry.js';
export type { RuleDefinition, Severity, EntityKind, ChangeFacts } from './rules/types.js';
export { recommendBump, checkDeclaredVersion, type Bump } from './policy/semver.js';
export { isValidToolName, versionedToolName } from './suggest/tool-name.js';
