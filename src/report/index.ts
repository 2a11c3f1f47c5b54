import { renderGithub } from './github.js';
import { renderJson } from './json.js';
import { renderJunit } from './junit.js';
import { renderMarkdown } from './markdown.js';
import type { Report } from './model.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

import type { ReportFormat } from './formats.js';
import type { SnippetLanguage, SuggestionLevel } from './render-options.js';

export { REPORT_FORMATS, type ReportFormat } from './formats.js';
export { SNIPPET_LANGUAGES, SUGGESTION_LEVELS, type SnippetLanguage, type SuggestionLevel } from './render-options.js';

export interface RenderOptions {
  /** Colours for the text format. */
  color?: boolean;
  /** The mcp-compat version, recorded in SARIF. */
  toolVersion?: string;
  /** How much of the suggestions text and markdown show (default `brief`). */
  suggestions?: SuggestionLevel;
  /** The languages of suggestion code in text and markdown (default TypeScript only). */
  languages?: readonly SnippetLanguage[];
  /** The most characters the markdown report may have (default 60,000; GitHub comments take 65,536). */
  markdownBudget?: number;
}

/** Formats a report; every format reads the same Report and decides nothing. */
export function renderReport(report: Report, format: ReportFormat, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color, suggestions: options.suggestions, languages: options.languages });
    case 'json':
      return renderJson(report);
    case 'markdown':
      return renderMarkdown(report, { suggestions: options.suggestions, languages: options.languages, budget: options.markdownBudget });
    case 'github':
      return renderGithub(report);
    case 'sarif':
      return renderSarif(report, { toolVersion: options.toolVersion });
    case 'junit':
      return renderJunit(report);
  }
}
