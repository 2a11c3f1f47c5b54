import { Flags } from '@oclif/core';
import { FAIL_ON_LEVELS } from '../../policy/fail-on.js';
import { REPORT_FORMATS } from '../../report/formats.js';
import { SUGGESTION_LEVELS } from '../../report/render-options.js';
import { CLIENT_IDS } from '../../clients/profiles.js';
import { contextFlags } from './context.js';

/**
 * Flags of every command that prints a report. `--project-config` always names the project
 * config; `--config` names it too when the file is one (see config-flag.ts), and otherwise an
 * MCP client config file holding the server to capture. What the flags do is in ../reporting.ts,
 * which commands import when they run: start-up and --help never load the engine.
 */
export const reportFlags = {
  format: Flags.string({ description: 'Report format.', options: [...REPORT_FORMATS], default: 'text', helpGroup: 'REPORT' }),
  'fail-on': Flags.string({
    description: 'Exit with 1 when a change at or above this level is found (default: failOn from the project config, else breaking).',
    options: [...FAIL_ON_LEVELS],
    helpGroup: 'REPORT',
  }),
  'project-config': Flags.string({
    description: 'Project config file (default: nearest mcp-compat.config.json or package.json "mcp-compat", walking up).',
    helpGroup: 'REPORT',
  }),
  'require-bump': Flags.boolean({
    description: "Fail when the declared version (--next-version, else the head snapshot's) is a smaller bump than the changes require.",
    helpGroup: 'REPORT',
  }),
  'next-version': Flags.string({ description: 'The version about to be released (X.Y.Z); checked against the recommended bump.', helpGroup: 'REPORT' }),
  client: Flags.string({
    description: `Also check the known limits of these clients (${CLIENT_IDS.join(', ')}; comma-separated): a change that newly exceeds one is breaking. Default: clients from the project config. See docs/clients.md.`,
    helpGroup: 'REPORT',
  }),
  suggestions: Flags.string({
    description: 'How to ship breaking changes safely, in text and markdown: none, brief (what to do, once per tool; the default) or full (with code, in the languages of suggestions.languages in the project config).',
    options: [...SUGGESTION_LEVELS],
    helpGroup: 'REPORT',
  }),
  ...contextFlags,
};

export { assertNextVersion, displayPath, type ReportFlagValues, shellQuote, sourceOf } from './report-values.js';
