import { UserError } from '../../errors.js';
import type { LintContext } from '../../lint/model.js';
import { DEFAULT_LINT_FAIL_ON, type LintPolicy } from '../../policy/lint-report.js';
import type { LintFailOn } from '../../policy/lint-fail-on.js';
import { parseRuleFlags, unknownRule } from '../../policy/lint-settings.js';
import { chosenClients } from './client-values.js';
import type { LoadedProjectConfig } from './project-config.js';
import { displayPath } from './report-values.js';

export interface LintFlagValues {
  'fail-on'?: string;
  rule?: string[];
  client?: string;
}

/**
 * What a lint run applies: fail-on, rule settings and client profiles, each from its flag when
 * given, else from the project config (`lint.failOn`, `lint.rules` under `--rule`, `clients`).
 * Rule ids are checked against `known`, the rules the run has; an unknown one is a UserError.
 */
export function lintRunSettings(flags: LintFlagValues, config: LoadedProjectConfig | undefined, known: ReadonlySet<string>): { policy: LintPolicy; context: LintContext } {
  const rules = parseRuleFlags(flags.rule ?? [], known);
  const unknown = unknownRule(config?.lint?.rules ?? {}, known);
  if (config && unknown !== undefined) {
    throw new UserError(`${displayPath(config.file)}: "lint.rules" names an unknown lint rule id "${unknown}".`, { hint: 'docs/rules.md lists the lint rules.' });
  }
  return {
    policy: { failOn: (flags['fail-on'] as LintFailOn | undefined) ?? config?.lint?.failOn ?? DEFAULT_LINT_FAIL_ON, rules: { ...config?.lint?.rules, ...rules } },
    context: { clients: chosenClients(flags.client, config?.clients) },
  };
}
