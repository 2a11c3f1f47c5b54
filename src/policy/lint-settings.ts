import { escapePointerToken } from '../diff/json.js';
import { UserError } from '../errors.js';
import type { ConfigReader } from './config-reader.js';
import { isLintFailOn, LINT_FAIL_ON_LEVELS, LINT_RULE_SETTINGS, type LintFailOn, type LintRuleSetting } from './lint-fail-on.js';

/** The `lint` key of the project config: the default fail-on level, and per rule a severity or `off`. */
export interface LintSettings {
  failOn?: LintFailOn;
  rules: Record<string, LintRuleSetting>;
}

const RULE_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/**
 * Validates the `lint` key of a project config, reporting a problem at its JSON Pointer the way the
 * rest of the config is reported. Whether a rule id exists is checked by `lint` itself
 * (`unknownRule`), against the rules it runs: the config reader stays apart from the lint rules,
 * which diff, check and the GitHub Action never load.
 */
export function parseLintSettings(r: ConfigReader, value: unknown): LintSettings {
  const entry = r.object(value, '/lint');
  r.only(entry, '/lint', ['failOn', 'rules']);
  const settings: LintSettings = { rules: Object.create(null) as Record<string, LintRuleSetting> };
  if (entry.failOn !== undefined) {
    if (!isLintFailOn(entry.failOn)) r.fail('/lint/failOn', `expected one of ${LINT_FAIL_ON_LEVELS.join(', ')}`);
    settings.failOn = entry.failOn;
  }
  if (entry.rules !== undefined) {
    if (typeof entry.rules !== 'object' || entry.rules === null || Array.isArray(entry.rules)) r.fail('/lint/rules', 'expected an object of rule id -> error, warning, info or off');
    for (const [rule, level] of Object.entries(entry.rules as Record<string, unknown>)) {
      const pointer = `/lint/rules/${escapePointerToken(rule)}`;
      if (!RULE_ID.test(rule)) r.fail(pointer, `"${rule}" is not a rule id (kebab-case; docs/rules.md lists them)`);
      if (!(LINT_RULE_SETTINGS as readonly unknown[]).includes(level)) r.fail(pointer, `expected one of ${LINT_RULE_SETTINGS.join(', ')}`);
      settings.rules[rule] = level as LintRuleSetting;
    }
  }
  return settings;
}

/** The first rule id of the settings that is not among `known`, if any. */
export function unknownRule(rules: Readonly<Record<string, LintRuleSetting>>, known: ReadonlySet<string>): string | undefined {
  return Object.keys(rules).find((id) => !known.has(id));
}

/** `--rule ID=LEVEL` values (repeatable, or comma-separated) as settings per rule id, for the rules in `known`. */
export function parseRuleFlags(values: readonly string[], known: ReadonlySet<string>): Record<string, LintRuleSetting> {
  const rules = Object.create(null) as Record<string, LintRuleSetting>;
  for (const item of values.flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== '')) {
    const [id = '', level = ''] = item.split('=').map((part) => part.trim());
    if (!known.has(id)) throw new UserError(`--rule ${JSON.stringify(item)}: unknown lint rule id "${id}".`, { hint: 'docs/rules.md lists the lint rules.' });
    if (!(LINT_RULE_SETTINGS as readonly string[]).includes(level)) throw new UserError(`--rule ${JSON.stringify(item)} must be ID=${LINT_RULE_SETTINGS.join('|')}.`);
    rules[id] = level as LintRuleSetting;
  }
  return rules;
}
