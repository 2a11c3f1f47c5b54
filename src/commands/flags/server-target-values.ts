import { resolve } from 'node:path';
import { Masker, urlSecrets } from '../../capture/secrets.js';
import type { ServerTarget } from '../../capture/target.js';
import { UserError } from '../../errors.js';

// What the server-target flags hold once parsed, and how they become a capture target. No oclif
// here: the start-up path of `snapshot` (src/fast-path.ts) uses them without loading oclif.

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
