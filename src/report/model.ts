// The Report is built by policy (src/policy/build-report.ts); reporters only format it.
export type {
  AcknowledgementEntry,
  AppliedAcknowledgement,
  Report,
  ReportChange,
  ReportContext,
  ReportLocation,
  ReportParty,
  ReportSummary,
  VersionCheck,
} from '../policy/report-model.js';
export type { FailOn } from '../policy/fail-on.js';
