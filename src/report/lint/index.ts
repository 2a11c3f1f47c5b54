import type { ReportFormat } from '../formats.js';
import { renderLintGithub } from './github.js';
import { renderLintJson } from './json.js';
import { renderLintJunit } from './junit.js';
import { renderLintMarkdown } from './markdown.js';
import type { LintReport } from './model.js';
import { renderLintSarif } from './sarif.js';
import { renderLintText } from './text.js';

export interface LintRenderOptions {
  color?: boolean;
  /** The mcp-compat version, recorded in SARIF. */
  toolVersion?: string;
  markdownBudget?: number;
}

/** Formats a lint report; every format reads the same LintReport and decides nothing. */
export function renderLintReport(report: LintReport, format: ReportFormat, options: LintRenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderLintText(report, { color: options.color });
    case 'json':
      return renderLintJson(report);
    case 'markdown':
      return renderLintMarkdown(report, { budget: options.markdownBudget });
    case 'github':
      return renderLintGithub(report);
    case 'sarif':
      return renderLintSarif(report, { toolVersion: options.toolVersion });
    case 'junit':
      return renderLintJunit(report);
  }
}
