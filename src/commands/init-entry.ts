import { isAbsolute, relative, resolve } from 'node:path';
import { argvSecrets } from '../capture/secrets.js';
import { safeUrl, type ServerTarget } from '../capture/target.js';
import { CONFIG_FILE_NAME } from '../policy/config.js';
import type { JsonObject } from '../snapshot/model.js';

/** Where the entry is written from: the folder of the project config, and the folder init runs in. */
export interface EntryPlace {
  /** Absolute folder of mcp-compat.config.json: the entry's paths are relative to it. */
  projectDir: string;
  /** Absolute working directory of `init`, where the paths the user typed start. */
  cwd: string;
}

/**
 * The server's entry in mcp-compat.config.json, with no absolute path of this machine that lies
 * inside the project: the baseline, the cwd and the client config file become relative to the
 * project, and the command's file arguments (`/abs/file` or `--opt=/abs/file`) relative to the
 * folder the server is started in. Secrets (env and header values, the URL's credentials and
 * query) are left out, each with a note saying so.
 */
export function serverEntry(target: ServerTarget, flags: { config?: string; server?: string }, baseline: string, place: EntryPlace, notes: string[]): JsonObject {
  const entry: JsonObject = { baseline: projectPath(resolve(place.cwd, baseline), place.projectDir) };
  if (flags.config !== undefined && flags.server !== undefined) {
    return { ...entry, clientConfig: { file: projectPath(resolve(place.cwd, flags.config), place.projectDir), server: flags.server } };
  }
  if (target.kind === 'stdio') {
    // A configured server starts in the project folder (or its "cwd"), not where init ran.
    const serverDir = resolve(place.cwd, target.cwd ?? '.');
    const command = [target.command, ...target.args].map((arg) => portableArgument(arg, serverDir, place.projectDir));
    const withCommand: JsonObject = { ...entry, command };
    const cwd = projectPath(serverDir, place.projectDir);
    if (cwd !== '.') withCommand.cwd = cwd;
    if (target.env && Object.keys(target.env).length > 0) {
      notes.push(`--env values are not written to ${CONFIG_FILE_NAME} (they may be secrets); add them under "env" if the server needs them.`);
    }
    return withCommand;
  }
  if (target.headers && Object.keys(target.headers).length > 0) {
    notes.push(`--header values are not written to ${CONFIG_FILE_NAME} (they may be secrets); add them under "headers" if the server needs them.`);
  }
  // Like header values, the URL's credentials, query and fragment may be a token: they are left out.
  const parsed = new URL(target.url);
  const secretParts = parsed.username !== '' || parsed.password !== '' || parsed.search !== '' || parsed.hash !== '';
  const url = secretParts ? safeUrl(target.url) : target.url;
  if (secretParts) {
    notes.push(`the URL's credentials and query are not written to ${CONFIG_FILE_NAME} (they may be secrets); add them to "url", or a token under "headers", if the server needs them.`);
  }
  return { ...entry, url, ...(target.kind === 'sse' ? { transport: 'sse' } : {}) };
}

/**
 * The server's own options whose value looks like a secret (`--api-key=...`, `--token ...`) are
 * written as typed (the server needs them), but the file is meant to be committed: one warning per
 * option, naming it, never its value, with what to do instead.
 */
export function secretArgumentWarnings(entry: JsonObject): string[] {
  const command = entry.command;
  if (!Array.isArray(command)) return [];
  const options = [...new Set(argvSecrets(command.slice(1).map(String)).map((found) => found.option))];
  return options.map(
    (option) =>
      `${CONFIG_FILE_NAME} keeps the value of ${option} as typed in "command", and it looks like a secret that would be committed with the file. ` +
      'Have the server read it from its environment instead (--env here, a CI secret in the workflow), or keep the server in .mcp.json with ${VAR} and run init --config .mcp.json --server NAME.',
  );
}

/**
 * An absolute path of a file the config names, as the config writes it: relative to `projectDir`,
 * with `/` (`../shared/api.json` for a sibling folder of a monorepo). Only a path on another drive
 * (Windows), which no relative path reaches, stays absolute.
 */
export function projectPath(path: string, projectDir: string): string {
  const rel = relative(projectDir, path);
  return isAbsolute(rel) ? path : posix(rel) || '.';
}

/**
 * A command-line argument with any absolute path inside the project made relative to the folder
 * the server starts in, whole (`/p/data.db`) or as an option's value (`--db=/p/data.db`).
 * Everything else, paths outside the project included, is kept as typed.
 */
export function portableArgument(arg: string, serverDir: string, projectDir: string): string {
  const option = /^(-{1,2}[\w.-]+=)(.+)$/.exec(arg);
  const [prefix, value] = option ? [option[1] as string, option[2] as string] : ['', arg];
  if (!isAbsolute(value) || !inside(value, projectDir)) return arg;
  return prefix + (posix(relative(serverDir, value)) || '.');
}

function inside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return !rel.startsWith('..') && !isAbsolute(rel);
}

function posix(path: string): string {
  return path.split('\\').join('/');
}
