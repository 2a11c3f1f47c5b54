import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { configCandidates, parseConfigText, type ProjectConfig } from '../../policy/config.js';

export interface LoadedProjectConfig extends ProjectConfig {
  /** Absolute folder of the config file: relative paths in it (baselines, cwd, client configs) start here. */
  dir: string;
}

/**
 * Finds and validates the project config: the file given, or the nearest `mcp-compat.config.json`
 * or package.json with a `"mcp-compat"` key, walking up from `cwd`. Undefined when there is none.
 */
export async function loadProjectConfig(options: { cwd?: string; path?: string } = {}): Promise<LoadedProjectConfig | undefined> {
  const cwd = options.cwd ?? process.cwd();
  if (options.path !== undefined) {
    const file = resolve(cwd, options.path);
    const text = await readText(file);
    if (text === undefined) throw new UserError(`Project config ${options.path} not found.`);
    const config = parseConfigText(text, file);
    if (!config) throw new UserError(`${options.path} has no "mcp-compat" key.`, { hint: 'Add one, or point --project-config at mcp-compat.config.json.' });
    return { ...config, dir: dirname(file) };
  }
  for (const file of configCandidates(resolve(cwd))) {
    const text = await readText(file);
    if (text === undefined) continue;
    const config = parseConfigText(text, file);
    if (config) return { ...config, dir: dirname(file) };
  }
  return undefined;
}

/**
 * Read synchronously: a config file is small, the search tries several names in every folder up to
 * the root, and node:fs/promises costs a `diff` a few ms of start-up to load.
 */
async function readText(file: string): Promise<string | undefined> {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UserError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}
