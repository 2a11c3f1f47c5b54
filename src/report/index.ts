import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './model.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

import type { ReportFormat } from './formats.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';

export interface RenderOptions {
  /** Colours for the text format. */
  color?: boolean;
  /** The mcp-compat version, recorded in SARIF. */
  toolVersion?: string;
}

/** Formats a report; every format reads the same Report and decides nothing. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color });
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report);
    case 'github':
      return renderGithub(report);
    case 'sarif':
      return renderSarif(report, { toolVersion: options.toolVersion });
    case 'junit':
      return renderJunit(report);
  }
}
