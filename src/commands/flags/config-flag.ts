import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { CONFIG_FILE_NAME } from '../../policy/config.js';

const PROJECT_KEYS = ['failOn', 'severity', 'acknowledged', 'lint'];

/**
 * `--config FILE` names either an MCP client config file holding the server (design §3's
 * `--config FILE --server NAME`) or this project's own config file (design §3's common
 * `--config`). The file decides: with `--server` it is a client config; otherwise it is the
 * project config when it is named mcp-compat.config.json, is a package.json, or has the project
 * config's own keys (`failOn`, `severity`, `acknowledged`, servers with a `baseline`).
 */
export async function isProjectConfigFile(path: string): Promise<boolean> {
  const name = basename(path);
  if (name === CONFIG_FILE_NAME || name === 'package.json') return true;
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    return false; // unreadable or JSONC: left to the client-config reader, which reports it
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return false;
  const record = parsed as Record<string, unknown>;
  if (PROJECT_KEYS.some((key) => key in record)) return true;
  const servers = record.servers;
  return typeof servers === 'object' && servers !== null && Object.values(servers).some((entry) => typeof entry === 'object' && entry !== null && 'baseline' in entry);
}

/** Moves `--config` to `--project-config` when it names the project config (see isProjectConfigFile). */
export async function routeConfigFlag<T extends { config?: string; server?: string; 'project-config'?: string }>(flags: T): Promise<T> {
  if (flags.config === undefined || flags.server !== undefined || flags['project-config'] !== undefined) return flags;
  if (!(await isProjectConfigFile(flags.config))) return flags;
  return { ...flags, config: undefined, 'project-config': flags.config };
}
