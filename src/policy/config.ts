import { dirname, join } from 'node:path';
import { jsonSyntaxReason, UserError } from '../errors.js';
import { assertNoDuplicateKeys } from '../snapshot/json-scan.js';
import type { EntityKind, Severity } from '../rules/types.js';
import { SEVERITIES } from '../rules/types.js';
import { getRule } from '../rules/registry.js';
import { FAIL_ON_LEVELS, type FailOn, isFailOn } from './fail-on.js';
import { SNIPPET_LANGUAGES, type SnippetLanguage } from '../suggest/snippets.js';
import { CLIENT_IDS } from '../clients/profiles.js';
import { type ContextSettings, parseContextSettings } from './context-config.js';
import { type LintSettings, parseLintSettings } from './lint-settings.js';
import { ConfigReader } from './config-reader.js';
import { escapePointerToken } from '../diff/json.js';

/**
 * The project config file: `mcp-compat.config.json`, or the `"mcp-compat"` key of package.json.
 * This module only parses and validates; finding and reading the file is the caller's job.
 */
export const CONFIG_FILE_NAME = 'mcp-compat.config.json';
export const PACKAGE_JSON_KEY = 'mcp-compat';
/** The reason put in generated acknowledgement entries; a config file must replace it. */
export const PLACEHOLDER_REASON = 'TODO: say why this change is acceptable';

/** How to reach a configured server. Paths are as written (relative to the config file's folder). */
export type ConfiguredTarget =
  | { kind: 'stdio'; command: string; args: string[]; env?: Record<string, string>; cwd?: string }
  | { kind: 'http' | 'sse'; url: string; headers?: Record<string, string> }
  | { kind: 'client-config'; file: string; server: string };

export interface ConfiguredServer {
  name: string;
  /** Snapshot file, relative to the config file's folder. */
  baseline: string;
  target: ConfiguredTarget;
  timeoutMs?: number;
}

export interface Acknowledgement {
  fingerprint?: string;
  rule?: string;
  entity?: EntityKind;
  name?: string;
  pointer?: string;
  reason: string;
  /** YYYY-MM-DD. */
  expires?: string;
  /** Only for this configured server. */
  server?: string;
  /** JSON Pointer of the entry in the config file, for messages. */
  source: string;
}

export interface ProjectConfig {
  /** The file it was read from (as given to the parser). */
  file: string;
  failOn?: FailOn;
  severity: Record<string, Severity>;
  acknowledged: Acknowledgement[];
  servers: ConfiguredServer[];
  /** How reports show suggestions; absent when the file says nothing. */
  suggestions?: { languages: SnippetLanguage[] };
  /** Client profile ids whose limits are checked (docs/clients.md); `--client` wins. */
  clients?: string[];
  /** Context cost: whether to count it on every run and its limits; absent when the file says nothing. */
  context?: ContextSettings;
  /** `mcp-compat lint` settings; absent when the file says nothing. */
  lint?: LintSettings;
}

const ENTITIES: readonly EntityKind[] = ['server', 'tool', 'prompt', 'resource', 'resourceTemplate'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Validates a parsed config. `file` names the file in messages; `basePointer` is where the config
 * sits inside it (`/mcp-compat` for package.json).
 */
export function parseProjectConfig(raw: unknown, file: string, basePointer = ''): ProjectConfig {
  const r: ConfigReader = new ConfigReader(file, basePointer);
  const root = r.object(raw, '');
  r.only(root, '', ['$schema', 'failOn', 'severity', 'acknowledged', 'servers', 'suggestions', 'clients', 'context', 'lint']);

  let failOn: FailOn | undefined;
  if (root.failOn !== undefined) {
    if (!isFailOn(root.failOn)) r.fail('/failOn', `expected one of ${FAIL_ON_LEVELS.join(', ')}`);
    failOn = root.failOn;
  }

  const severity = Object.create(null) as Record<string, Severity>;
  if (root.severity !== undefined) {
    for (const [rule, level] of Object.entries(r.object(root.severity, '/severity'))) {
      const pointer = `/severity/${escapePointerToken(rule)}`;
      if (!isKnownRule(rule)) r.fail(pointer, `unknown rule id "${rule}" (docs/rules.md lists them)`);
      if (typeof level !== 'string' || !(SEVERITIES as readonly string[]).includes(level)) {
        r.fail(pointer, `expected one of ${SEVERITIES.join(', ')}`);
      }
      severity[rule] = level as Severity;
    }
  }

  const acknowledged: Acknowledgement[] = [];
  if (root.acknowledged !== undefined) {
    if (!Array.isArray(root.acknowledged)) r.fail('/acknowledged', 'expected an array');
    root.acknowledged.forEach((entry, index) => acknowledged.push(parseAcknowledgement(r, entry, `/acknowledged/${index}`)));
  }

  const servers: ConfiguredServer[] = [];
  if (root.servers !== undefined) {
    for (const [name, entry] of Object.entries(r.object(root.servers, '/servers'))) {
      servers.push(parseServer(r, name, entry, `/servers/${escapePointerToken(name)}`));
    }
  }
  for (const ack of acknowledged) {
    if (ack.server !== undefined && !servers.some((server) => server.name === ack.server)) {
      r.fail(`${ack.source}/server`, `no server named "${ack.server}" under /servers`);
    }
  }

  const suggestions = root.suggestions === undefined ? undefined : parseSuggestions(r, root.suggestions);
  const clients = root.clients === undefined ? undefined : parseClients(r, root.clients);
  const lint = root.lint === undefined ? undefined : parseLintSettings(r, root.lint);
  const context = root.context === undefined ? undefined : parseContextSettings(r, root.context);
  return {
    file,
    failOn,
    severity,
    acknowledged,
    servers,
    ...(suggestions ? { suggestions } : {}),
    ...(clients ? { clients } : {}),
    ...(context ? { context } : {}),
    ...(lint ? { lint } : {}),
  };
}

function parseClients(r: ConfigReader, value: unknown): string[] {
  if (!Array.isArray(value)) r.fail('/clients', `expected an array of client names (${CLIENT_IDS.join(', ')})`);
  value.forEach((id, index) => {
    if (typeof id !== 'string' || !CLIENT_IDS.includes(id)) r.fail(`/clients/${index}`, `unknown client ${JSON.stringify(id)} (expected one of: ${CLIENT_IDS.join(', ')})`);
  });
  return [...new Set(value as string[])];
}

function parseSuggestions(r: ConfigReader, value: unknown): { languages: SnippetLanguage[] } {
  const entry = r.object(value, '/suggestions');
  r.only(entry, '/suggestions', ['languages']);
  const languages = entry.languages ?? ['typescript'];
  if (!Array.isArray(languages) || languages.length === 0) r.fail('/suggestions/languages', `expected a non-empty array of ${SNIPPET_LANGUAGES.join(', ')}`);
  languages.forEach((language, index) => {
    if (!(SNIPPET_LANGUAGES as readonly unknown[]).includes(language)) r.fail(`/suggestions/languages/${index}`, `expected one of ${SNIPPET_LANGUAGES.join(', ')}`);
  });
  return { languages: [...new Set(languages as SnippetLanguage[])] };
}

function isKnownRule(id: string): boolean {
  try {
    getRule(id);
    return true;
  } catch {
    return false;
  }
}

function parseAcknowledgement(r: ConfigReader, value: unknown, pointer: string): Acknowledgement {
  const entry = r.object(value, pointer);
  r.only(entry, pointer, ['fingerprint', 'rule', 'entity', 'name', 'pointer', 'reason', 'expires', 'server']);
  const reason = typeof entry.reason === 'string' ? entry.reason.trim() : '';
  if (reason === '') r.fail(`${pointer}/reason`, 'every acknowledgement needs a "reason" saying why the change is acceptable');
  if (reason === PLACEHOLDER_REASON) r.fail(`${pointer}/reason`, 'replace the placeholder with the actual reason');

  const ack: Acknowledgement = { reason, source: pointer };
  if (entry.fingerprint !== undefined) {
    if (typeof entry.fingerprint !== 'string' || !/^[0-9a-f]{12}$/.test(entry.fingerprint)) {
      r.fail(`${pointer}/fingerprint`, 'expected the 12 hex characters printed in the report');
    }
    ack.fingerprint = entry.fingerprint;
  }
  const fields = ['rule', 'entity', 'name', 'pointer'] as const;
  const present = fields.filter((field) => entry[field] !== undefined);
  if (present.length > 0 && present.length < fields.length) {
    const missing = fields.filter((field) => entry[field] === undefined);
    r.fail(pointer, `an acknowledgement by fields needs all of rule, entity, name and pointer (missing: ${missing.join(', ')})`);
  }
  if (present.length === 0 && ack.fingerprint === undefined) {
    r.fail(pointer, 'an acknowledgement needs a "fingerprint", or "rule", "entity", "name" and "pointer"');
  }
  if (present.length === fields.length) {
    ack.rule = r.string(entry.rule, `${pointer}/rule`);
    if (!isKnownRule(ack.rule)) r.fail(`${pointer}/rule`, `unknown rule id "${ack.rule}"`);
    if (typeof entry.entity !== 'string' || !(ENTITIES as readonly string[]).includes(entry.entity)) {
      r.fail(`${pointer}/entity`, `expected one of ${ENTITIES.join(', ')}`);
    }
    ack.entity = entry.entity as EntityKind;
    ack.name = r.string(entry.name, `${pointer}/name`);
    if (typeof entry.pointer !== 'string' || (entry.pointer !== '' && !entry.pointer.startsWith('/'))) {
      r.fail(`${pointer}/pointer`, 'expected a JSON Pointer ("" or starting with "/")');
    }
    ack.pointer = entry.pointer;
  }
  if (entry.expires !== undefined) {
    if (typeof entry.expires !== 'string' || !ISO_DATE.test(entry.expires) || Number.isNaN(Date.parse(`${entry.expires}T00:00:00Z`))) {
      r.fail(`${pointer}/expires`, 'expected a date as YYYY-MM-DD');
    }
    ack.expires = entry.expires;
  }
  ack.server = r.optionalString(entry.server, `${pointer}/server`);
  return ack;
}

function parseServer(r: ConfigReader, name: string, value: unknown, pointer: string): ConfiguredServer {
  const entry = r.object(value, pointer);
  r.only(entry, pointer, ['baseline', 'command', 'env', 'cwd', 'url', 'transport', 'headers', 'clientConfig', 'timeoutMs']);
  const baseline = r.string(entry.baseline, `${pointer}/baseline`);
  const ways = ['command', 'url', 'clientConfig'].filter((key) => entry[key] !== undefined);
  if (ways.length !== 1) {
    r.fail(pointer, `a server needs exactly one of "command" (argv array), "url", or "clientConfig" (found ${ways.length === 0 ? 'none' : ways.join(', ')})`);
  }
  let timeoutMs: number | undefined;
  if (entry.timeoutMs !== undefined) {
    // 2^31-1: the longest delay a Node timer holds (as --timeout).
    if (typeof entry.timeoutMs !== 'number' || !Number.isInteger(entry.timeoutMs) || entry.timeoutMs <= 0 || entry.timeoutMs > 2 ** 31 - 1) {
      r.fail(`${pointer}/timeoutMs`, 'expected an integer from 1 to 2147483647 (milliseconds)');
    }
    timeoutMs = entry.timeoutMs;
  }
  const misplaced = (keys: string[], way: string): void => {
    for (const key of keys) if (entry[key] !== undefined) r.fail(`${pointer}/${key}`, `"${key}" does not apply to a server given by "${way}"`);
  };

  let target: ConfiguredTarget;
  if (entry.command !== undefined) {
    misplaced(['transport', 'headers'], 'command');
    const argv = entry.command;
    if (!Array.isArray(argv) || argv.length === 0) r.fail(`${pointer}/command`, 'expected a non-empty array: the program and its arguments (no shell)');
    const strings = argv.map((item, index) => r.string(item, `${pointer}/command/${index}`));
    target = { kind: 'stdio', command: strings[0] as string, args: strings.slice(1) };
    const env = r.stringMap(entry.env, `${pointer}/env`);
    if (env) target.env = env;
    const cwd = r.optionalString(entry.cwd, `${pointer}/cwd`);
    if (cwd) target.cwd = cwd;
  } else if (entry.url !== undefined) {
    misplaced(['env', 'cwd'], 'url');
    const url = r.string(entry.url, `${pointer}/url`);
    if (!/^https?:\/\//.test(url)) r.fail(`${pointer}/url`, 'expected an http:// or https:// URL');
    const transport = entry.transport ?? 'http';
    if (transport !== 'http' && transport !== 'sse') r.fail(`${pointer}/transport`, 'expected "http" or "sse"');
    target = { kind: transport, url };
    const headers = r.stringMap(entry.headers, `${pointer}/headers`);
    if (headers) target.headers = headers;
  } else {
    misplaced(['env', 'cwd', 'transport', 'headers'], 'clientConfig');
    const client = r.object(entry.clientConfig, `${pointer}/clientConfig`);
    r.only(client, `${pointer}/clientConfig`, ['file', 'server']);
    target = {
      kind: 'client-config',
      file: r.string(client.file, `${pointer}/clientConfig/file`),
      server: r.string(client.server, `${pointer}/clientConfig/server`),
    };
  }
  return { name, baseline, target, ...(timeoutMs === undefined ? {} : { timeoutMs }) };
}

/**
 * Where to look for a project config, nearest first: for each folder from `cwd` up to the root,
 * `mcp-compat.config.json`, then package.json (used only if it has a `"mcp-compat"` key).
 */
export function configCandidates(cwd: string): string[] {
  const candidates: string[] = [];
  let dir = cwd;
  for (;;) {
    candidates.push(join(dir, CONFIG_FILE_NAME), join(dir, 'package.json'));
    const parent = dirname(dir);
    if (parent === dir) return candidates;
    dir = parent;
  }
}

/**
 * Parses the text of a candidate file. Returns undefined for a package.json without the key.
 */
export function parseConfigText(text: string, file: string): ProjectConfig | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    // V8 quotes short texts whole in the message, and a config may hold env and header values.
    throw new UserError(`${file}: not valid JSON (${jsonSyntaxReason(error)}).`);
  }
  const packageJson = file.endsWith('package.json');
  if (packageJson && (typeof raw !== 'object' || raw === null || !(PACKAGE_JSON_KEY in raw))) return undefined;
  assertNoDuplicateKeys(text, (problem) => `${file}: ${problem}.`);
  return packageJson ? parseProjectConfig((raw as Record<string, unknown>)[PACKAGE_JSON_KEY], file, `/${PACKAGE_JSON_KEY}`) : parseProjectConfig(raw, file);
}
