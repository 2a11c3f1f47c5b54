import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { Masker, urlSecrets } from '../../capture/secrets.js';
import type { ServerTarget } from '../../capture/target.js';
import { UserError } from '../../errors.js';

/** How to reach the server (design §3), shared by snapshot, check and init. `-- COMMAND ARGS` comes after these. */
export const serverTargetFlags = {
  url: Flags.string({ description: 'URL of a Streamable HTTP (or, with --transport sse, legacy SSE) server.', helpGroup: 'SERVER' }),
  transport: Flags.string({ description: 'Transport for --url [default: http].', options: ['http', 'sse'], helpGroup: 'SERVER' }),
  header: Flags.string({ description: 'HTTP header for --url, "Name: value" (repeatable). Never written to a snapshot.', multiple: true, helpGroup: 'SERVER' }),
  env: Flags.string({ description: 'Environment variable for a stdio server, KEY=VALUE (repeatable). Never written to a snapshot.', multiple: true, helpGroup: 'SERVER' }),
  cwd: Flags.string({ description: 'Working directory of a stdio server.', helpGroup: 'SERVER' }),
  config: Flags.string({ description: 'MCP client config file holding the server (.mcp.json, Claude Desktop, Cursor, .vscode/mcp.json); in check, a project config file (mcp-compat.config.json) is recognised too.', helpGroup: 'SERVER' }),
  server: Flags.string({ description: 'Name of the server entry in --config (optional when it lists one).', helpGroup: 'SERVER', dependsOn: ['config'] }),
  timeout: Flags.integer({ description: 'Time limit in milliseconds for the whole capture [default: 30000].', min: 1, helpGroup: 'SERVER' }),
  'client-capabilities': Flags.string({
    description: 'Client capabilities to declare, comma-separated from roots,sampling,elicitation, or "none" [default: all three].',
    helpGroup: 'SERVER',
  }),
  'log-format': Flags.string({
    description: 'The capture\'s log on stderr: "json" writes one JSON event per line (every MCP request, with its latency); "text" is shown with --verbose. Secrets are masked.',
    options: ['text', 'json'],
    default: 'text',
    helpGroup: 'GLOBAL',
  }),
};

export interface ServerTargetFlagValues {
  url?: string;
  transport?: string;
  header?: string[];
  env?: string[];
  cwd?: string;
  config?: string;
  server?: string;
}

/** The capture target named by the flags and by the command after `--` (exactly one of the three ways). */
export async function targetFromFlags(flags: ServerTargetFlagValues, argvAfterDoubleDash: string[]): Promise<ServerTarget> {
  const given = [argvAfterDoubleDash.length > 0 && '-- COMMAND', flags.url !== undefined && '--url', flags.config !== undefined && '--config'].filter(Boolean);
  if (given.length === 0) throw new UserError('No server given.', { hint: 'Give one: -- COMMAND ARGS, --url URL, or --config FILE --server NAME.' });
  if (given.length > 1) throw new UserError(`Give the server one way only, not ${given.join(' and ')}.`);
  const env = parseEnv(flags.env ?? []);
  const headers = parseHeaders(flags.header ?? []);
  const stdioOnly = () => {
    if (headers) throw new UserError('--header applies to --url servers only.');
    if (flags.transport !== undefined) throw new UserError('--transport applies to --url servers only.');
  };
  const httpOnly = () => {
    if (env) throw new UserError('--env applies to stdio servers only (-- COMMAND ARGS).');
    if (flags.cwd !== undefined) throw new UserError('--cwd applies to stdio servers only (-- COMMAND ARGS).');
  };

  if (argvAfterDoubleDash.length > 0) {
    stdioOnly();
    const [command, ...args] = argvAfterDoubleDash as [string, ...string[]];
    return { kind: 'stdio', command, args, ...(env ? { env } : {}), ...(flags.cwd !== undefined ? { cwd: resolve(flags.cwd) } : {}) };
  }
  if (flags.url !== undefined) {
    httpOnly();
    let url: URL;
    try {
      url = new URL(flags.url);
    } catch {
      // What looks like credentials or a query may be a token even in a URL that does not parse.
      throw new UserError(`--url ${JSON.stringify(new Masker(urlSecrets(flags.url)).mask(flags.url))} is not a URL.`, { hint: 'Write it in full, e.g. http://127.0.0.1:3000/mcp.' });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`--url must be http: or https:, not ${url.protocol}`);
    return { kind: flags.transport === 'sse' ? 'sse' : 'http', url: flags.url, ...(headers ? { headers } : {}) };
  }
  const { targetFromClientConfig } = await import('../../capture/client-config.js');
  const target = await targetFromClientConfig(resolve(flags.config as string), flags.server);
  // Flags given with --config add to (and override) the entry's own env and headers.
  if (target.kind === 'stdio') {
    stdioOnly();
    return { ...target, ...(env ? { env: { ...target.env, ...env } } : {}), ...(flags.cwd !== undefined ? { cwd: resolve(flags.cwd) } : {}) };
  }
  httpOnly();
  return headers ? { ...target, headers: { ...target.headers, ...headers } } : target;
}

export function parseEnv(entries: readonly string[]): Record<string, string> | undefined {
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map((entry) => {
      const index = entry.indexOf('=');
      if (index <= 0) throw new UserError(`--env ${JSON.stringify(entry.split('=')[0])} must be KEY=VALUE.`);
      return [entry.slice(0, index), entry.slice(index + 1)];
    }),
  );
}

export function parseHeaders(entries: readonly string[]): Record<string, string> | undefined {
  if (entries.length === 0) return undefined;
  return Object.fromEntries(
    entries.map((entry) => {
      const index = entry.indexOf(':');
      const name = index > 0 ? entry.slice(0, index).trim() : '';
      // The value may be a secret: the message names the header only.
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) throw new UserError(`--header must be "Name: value" (got a header${name ? ` named ${JSON.stringify(name)}` : ' without a name'}).`);
      return [name, entry.slice(index + 1).trim()];
    }),
  );
}

/** --client-capabilities as a list (undefined = the default, all three). */
export function parseClientCapabilities(value: string | string[] | undefined): ('roots' | 'sampling' | 'elicitation')[] | undefined {
  if (value === undefined) return undefined;
  const items = (Array.isArray(value) ? value : value.split(',')).map((item) => item.trim()).filter((item) => item !== '' && item !== 'none');
  for (const item of items) {
    if (item !== 'roots' && item !== 'sampling' && item !== 'elicitation') throw new UserError(`--client-capabilities: unknown capability "${item}".`, { hint: 'Choose from roots, sampling, elicitation, or none.' });
  }
  return items as ('roots' | 'sampling' | 'elicitation')[];
}
