import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { jsonSyntaxReason, UserError } from '../errors.js';
import { assertNoDuplicateKeys } from '../snapshot/json-scan.js';
import { plural } from '../report/plural.js';
import { expandVariables } from './expand.js';
import type { ServerTarget } from './target.js';

/**
 * A server entry of an MCP client config file the user already has, as a capture target:
 * Claude Code `.mcp.json`, Claude Desktop and Cursor (`mcpServers`), VS Code `.vscode/mcp.json`
 * (`servers`, with `type`). Variables are expanded from `env`; relative paths start at the file's folder.
 */
export async function targetFromClientConfig(file: string, serverName: string | undefined, env: Readonly<Record<string, string | undefined>> = process.env): Promise<ServerTarget> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read client config ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}.`);
  }
  return parseClientConfig(text, { file, serverName, env });
}

export interface ClientConfigSource {
  file: string;
  serverName: string | undefined;
  env: Readonly<Record<string, string | undefined>>;
}

export function parseClientConfig(text: string, source: ClientConfigSource): ServerTarget {
  const { file } = source;
  let document: unknown;
  try {
    document = JSON.parse(stripJsonComments(text));
  } catch (error) {
    throw new UserError(`Client config ${file} is not valid JSON: ${jsonSyntaxReason(error)}.`);
  }
  assertNoDuplicateKeys(text, (problem) => `Client config ${file} is not valid JSON: ${problem}.`, { comments: true });
  if (!isObject(document)) throw new UserError(`Client config ${file} is not a JSON object.`);
  const key = isObject(document.mcpServers) ? 'mcpServers' : isObject(document.servers) ? 'servers' : undefined;
  if (!key) throw new UserError(`Client config ${file} has no "mcpServers" or "servers" object.`, { hint: 'Give a Claude Code/Desktop, Cursor or VS Code MCP config file.' });
  const servers = document[key] as Record<string, unknown>;
  const names = Object.keys(servers);
  const name = source.serverName ?? (names.length === 1 ? names[0] : undefined);
  if (name === undefined) {
    throw new UserError(`Client config ${file} lists ${names.length === 0 ? 'no servers' : plural(names.length, 'server')}; choose one with --server NAME${names.length ? ` (${names.join(', ')})` : ''}.`);
  }
  // Own entries only: `--server constructor` must not find Object.prototype's member.
  const entry = Object.hasOwn(servers, name) ? servers[name] : undefined;
  if (!isObject(entry)) throw new UserError(`Client config ${file} has no server named "${name}"${names.length ? ` (it has: ${names.join(', ')})` : ''}.`);
  return entryToTarget(entry, `${file}: ${key}.${name}`, source);
}

function entryToTarget(entry: Record<string, unknown>, where: string, source: ClientConfigSource): ServerTarget {
  const configDir = dirname(resolve(source.file));
  // VS Code keeps mcp.json in .vscode/, and ${workspaceFolder} is the folder above it.
  const workspaceFolder = basename(configDir) === '.vscode' ? dirname(configDir) : configDir;
  // What a variable puts into args, url or a header may be a token: it is masked like one. (Env
  // values are secrets whole; the command and cwd are paths, and a masked $HOME would spoil messages.)
  const secrets = new Set<string>();
  const expand = (value: unknown, field: string): string => {
    if (typeof value !== 'string') throw new UserError(`${where}.${field} must be a string.`);
    const secret = /^(?:args\[|url$|headers\.)/.test(field);
    return expandVariables(value, source.env, `${where}.${field}`, { workspaceFolder, workspaceRoot: workspaceFolder }, (found) => secret && secrets.add(found));
  };
  const withSecrets = <T extends ServerTarget>(target: T): T => (secrets.size > 0 ? { ...target, secrets: [...secrets] } : target);
  const record = (value: unknown, field: string): Record<string, string> | undefined => {
    if (value === undefined) return undefined;
    if (!isObject(value)) throw new UserError(`${where}.${field} must be an object of strings.`);
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, expand(item, `${field}.${key}`)]));
  };
  const type = entry.type === undefined ? undefined : String(entry.type);
  if (typeof entry.command === 'string' && (type === undefined || type === 'stdio')) {
    if (entry.args !== undefined && !Array.isArray(entry.args)) throw new UserError(`${where}.args must be an array of strings.`);
    const args = ((entry.args as unknown[] | undefined) ?? []).map((arg, index) => expand(arg, `args[${index}]`));
    const env = record(entry.env, 'env');
    if (entry.envFile !== undefined) throw new UserError(`${where}: "envFile" is not supported.`, { hint: 'Export the variables in the environment instead; they are passed to the server.' });
    const cwd = entry.cwd === undefined ? undefined : resolve(configDir, expand(entry.cwd, 'cwd'));
    return withSecrets({ kind: 'stdio', command: expand(entry.command, 'command'), args, ...(env ? { env } : {}), cwd: cwd ?? configDir });
  }
  const rawUrl = entry.url ?? entry.serverUrl;
  if (typeof rawUrl === 'string') {
    const url = expand(rawUrl, 'url');
    const headers = record(entry.headers, 'headers');
    const kind = type === 'sse' ? 'sse' : type === undefined || type === 'http' || type === 'streamable-http' || type === 'streamableHttp' ? 'http' : undefined;
    if (!kind) throw new UserError(`${where}: unknown server type "${type}".`, { hint: 'Use "stdio", "http" or "sse".' });
    return withSecrets({ kind, url, ...(headers ? { headers } : {}) });
  }
  throw new UserError(`${where} has neither "command" nor "url"${type ? ` for type "${type}"` : ''}.`);
}

/** VS Code's mcp.json is JSONC: drop // and /* *\/ comments and trailing commas, leaving strings alone. */
export function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 1;
    } else if (char === ',' && /^\s*[}\]]/.test(stripJsonCommentsAhead(text, i + 1))) {
      // A trailing comma: JSON.parse would refuse it.
    } else {
      out += char;
    }
  }
  return out;
}

/** The text after `from` with leading comments removed, enough to see whether a comma is trailing. */
function stripJsonCommentsAhead(text: string, from: number): string {
  let i = from;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++;
    if (text.startsWith('//', i)) i = text.indexOf('\n', i) === -1 ? text.length : text.indexOf('\n', i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else return text.slice(i, i + 1);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
