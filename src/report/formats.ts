export const REPORT_FORMATS = ['text', 'json', 'markdown', 'github', 'sarif', 'junit'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
