// Policy and reports
export { buildReport, type BuildReportInput, type ReportPolicy, type ReportSource } from './policy/build-report.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type RenderOptions } from './report/index.js';
export { loadProjectConfig, type LoadedProjectConfig } from './commands/flags/project-config.js';
export { parseProjectConfig, type ProjectConfig, type ConfiguredServer, type Acknowledgement } from './policy/config.js';
export { changeFingerprint, fingerprint } from './policy/fingerprint.js';
export type { Report, ReportChange, ReportSummary, ReportParty, ReportLocation, AcknowledgementEntry, VersionCheck, FailOn } from './report/model.js';

// Snapshot diff, rule catalog, suggestions and semver
export { diffSnapshots, type DiffOptions } from './diff/diff-snapshots.js';
export type { Change, Suggestion, SuggestionKind, SnapshotDiff } from './diff/model.js';
export { RULES, getRule } from './rules/registry.js';
export type { RuleDefinition, Severity, EntityKind, ChangeFacts } from './rules/types.js';
export { recommendBump, checkDeclaredVersion, type Bump } from './policy/semver.js';
export { isValidToolName, versionedToolName } from './suggest/tool-name.js';

// Client profiles: known limits of model APIs and MCP clients (docs/clients.md)
export { CLIENT_PROFILES, findClientProfile } from './clients/profiles.js';
export { profileViolations } from './clients/violations.js';
export type { ClientProfile, ClientLimit, LimitCheck, Enforcement, ProfileViolation, ProfileOptions } from './clients/model.js';

// JSON Schema comparison
export { compareSchemas } from './schema/compare.js';
export type { SchemaDifference, SchemaDirection, SchemaInput } from './schema/model.js';
export { SCHEMA_ASPECTS, SCHEMA_RULES, schemaRuleId } from './rules/schema-rules.js';

// Capture and snapshot files
export { snapshotServer, type CaptureOptions } from './capture/snapshot-server.js';
export { snapshotMcpServer, type InProcessMcpServer } from './capture/in-process.js';
export type { ServerTarget } from './capture/target.js';
export { readSnapshot } from './snapshot/read.js';
export { writeSnapshotFile } from './snapshot/write.js';
export { serializeSnapshot } from './snapshot/canonical.js';
export type { Snapshot } from './snapshot/model.js';

// Lint
export { lintSnapshot } from './lint/lint-snapshot.js';
export type { LintContext, LintFacts, LintFinding, LintRule, LintSeverity } from './lint/model.js';
export { LINT_RULES, getLintRule } from './rules/lint-registry.js';
export { buildLintReport, type BuildLintReportInput, type LintFailOn, type LintPolicy, type LintReport, type LintReportFinding } from './policy/lint-report.js';
export { renderLintReport } from './report/lint/index.js';
