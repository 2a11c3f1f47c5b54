// Policy and reports
export { buildReport, type BuildReportInput, type ReportPolicy, type ReportSource } from './policy/build-report.js';
export { renderReport, REPORT_FORMATS, type ReportFormat, type RenderOptions } from './report/index.js';
export { loadProjectConfig, type LoadedProjectConfig } from './commands/flags/project-config.js';
export { parseProjectConfig, type ProjectConfig, type ConfiguredServer, type Acknowledgement } from './policy/config.js';
export { fingerprint } from './policy/fingerprint.js';
export type { Report, ReportChange, ReportSummary, ReportParty, ReportLocation, AcknowledgementEntry, VersionCheck, FailOn } from './report/model.js';
