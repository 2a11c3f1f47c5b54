import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { Snapshot } from './model.js';
import { isStdio, readStdinText, STDIN_NAME } from './stdin-source.js';

/**
 * A snapshot read from git instead of the working tree: `git:REF:PATH`, the way buf and
 * graphql-inspector compare against a branch. REF has no colon (a branch, tag, commit or
 * `origin/main`); everything after the second colon is PATH, relative to the current directory
 * like a file argument. Read with `git show REF:./PATH`: no checkout, nothing written.
 */
export interface GitSnapshotSource {
  ref: string;
  path: string;
}

const PREFIX = 'git:';

/** The ref and path of a `git:REF:PATH` argument; undefined for a file path. A malformed one is a UserError. */
export function parseGitSource(spec: string): GitSnapshotSource | undefined {
  if (!spec.startsWith(PREFIX)) return undefined;
  const rest = spec.slice(PREFIX.length);
  const colon = rest.indexOf(':');
  const ref = colon === -1 ? '' : rest.slice(0, colon);
  const path = colon === -1 ? '' : rest.slice(colon + 1);
  if (ref === '' || path === '') {
    throw new UserError(`"${spec}" is not a git snapshot: expected git:REF:PATH, e.g. git:main:mcp-snapshot.json.`, {
      hint: 'To read a file whose name starts with "git:", write it as ./git:...',
    });
  }
  // git would read a REF starting with "-" as an option of its own (`--output=FILE` writes a file).
  if (ref.startsWith('-')) throw new UserError(`"${spec}": the git ref "${ref}" may not start with "-".`);
  return { ref, path };
}

/** A snapshot argument as the commands keep it: a git source and `-` (stdin) unchanged, a file path made absolute. */
export function resolveSnapshotArgument(spec: string, dir?: string): string {
  if (parseGitSource(spec) || isStdio(spec)) return spec;
  return dir === undefined ? resolve(spec) : resolve(dir, spec);
}

interface SnapshotText {
  snapshot: Snapshot;
  text: string;
}

/** Reads and validates a snapshot from a file, from `git:REF:PATH` or from stdin (`-`); problems are UserErrors naming it. */
export async function readSnapshotSource(spec: string): Promise<SnapshotText> {
  const git = parseGitSource(spec);
  const { MAX_SNAPSHOT_BYTES, parseSnapshot, readSnapshotFile } = await import('./read.js');
  if (isStdio(spec)) {
    const text = await readStdinText(MAX_SNAPSHOT_BYTES);
    return { snapshot: await parseSnapshot(text, STDIN_NAME), text };
  }
  if (!git) return readSnapshotFile(spec);
  const text = await gitShow(git, spec, MAX_SNAPSHOT_BYTES);
  return { snapshot: await parseSnapshot(text, spec), text };
}

/** Reads BASE and HEAD of a diff; two files are read together, so the head reuses the base's unchanged tools. */
export async function readSnapshotSourcePair(base: string, head: string): Promise<[SnapshotText, SnapshotText]> {
  if (isStdio(base) && isStdio(head)) {
    throw new UserError('BASE and HEAD cannot both be "-": stdin holds one snapshot.', { hint: 'Give one of them as a file or as git:REF:PATH.' });
  }
  if (parseGitSource(base) || parseGitSource(head) || isStdio(base) || isStdio(head)) return Promise.all([readSnapshotSource(base), readSnapshotSource(head)]);
  const { readSnapshotPair } = await import('./read.js');
  return readSnapshotPair(base, head);
}

/** The working-tree file a snapshot argument stands for: PATH for `git:REF:PATH`. */
export function workingTreePath(spec: string): string {
  return parseGitSource(spec)?.path ?? spec;
}

/**
 * The command that makes the baseline equal to the head: a copy of the files. A baseline read from
 * git is refreshed in the working tree, and when the head is that very file, by committing it.
 * None when either was read from stdin.
 */
export function refreshByCopy(head: string, base: string, quote: (args: readonly string[]) => string): string | undefined {
  // A snapshot piped in is gone once read: there is no file to copy, nor one to refresh.
  if (isStdio(head) || isStdio(base)) return undefined;
  const git = parseGitSource(head);
  const target = workingTreePath(base);
  if (!git && parseGitSource(base) && resolve(head) === resolve(target)) return `git commit -m 'Accept the MCP server changes' -- ${quote([target])}`;
  if (!git) return `cp ${quote([head, target])}`;
  return `git show ${quote([`${git.ref}:${relativeToCwd(git.path)}`])} > ${quote([target])}`;
}

async function gitShow(source: GitSnapshotSource, spec: string, maxBytes: number): Promise<string> {
  const object = `${source.ref}:${relativeToCwd(source.path)}`;
  // Loaded here: a diff of two files never starts a process, and node:child_process takes a few ms to load.
  const { execFile } = await import('node:child_process');
  return new Promise((resolvePromise, reject) => {
    execFile(
      'git',
      ['--no-pager', 'show', '--no-textconv', object],
      { encoding: 'utf8', maxBuffer: maxBytes, windowsHide: true, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (error) {
          reject(gitProblem(error, stderr, source, spec, maxBytes));
          return;
        }
        // `git show REF:DIR` lists the tree instead of failing.
        if (stdout.startsWith(`tree ${object}\n`)) {
          reject(new UserError(`Cannot read snapshot ${spec}: ${source.path} is a directory at ${source.ref}.`));
          return;
        }
        resolvePromise(stdout);
      },
    );
  });
}

/** git reads `REF:./PATH` relative to the current directory, `REF:PATH` relative to the repository's root. */
function relativeToCwd(path: string): string {
  return path.startsWith('./') || path.startsWith('../') || path.startsWith('/') ? path : `./${path}`;
}

function gitProblem(error: Error & { code?: unknown }, stderr: string, source: GitSnapshotSource, spec: string, maxBytes: number): UserError {
  const fail = (reason: string, hint?: string) => new UserError(`Cannot read snapshot ${spec}: ${reason}.`, { ...(hint ? { hint } : {}), cause: error });
  if (error.code === 'ENOENT') return fail('git is not installed (or not on PATH)', 'Install git, or give the snapshot as a file.');
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
    return fail(`it is over ${maxBytes / (1024 * 1024)} MiB, and a snapshot file may have at most that`);
  }
  if (/not a git repository/i.test(stderr)) return fail(`${process.cwd()} is not inside a git repository`, 'Run it from the repository, or give the snapshot as a file.');
  if (/does not exist in|exists on disk, but not in/.test(stderr)) {
    return fail(`there is no file ${source.path} at ${source.ref}`, 'PATH is relative to the current directory; check it with `git ls-tree REF PATH`.');
  }
  if (/invalid object name|unknown revision|bad revision|ambiguous argument|not a valid object name/i.test(stderr)) {
    return fail(`unknown git ref "${source.ref}"`, 'Check the spelling, or fetch it first (in GitHub Actions: actions/checkout with fetch-depth: 0).');
  }
  const said = stderr.trim().split(/\r?\n/).pop() ?? '';
  return fail(`git show ${source.ref}:${source.path} failed${said ? `: ${said.replace(/^fatal:\s*/, '')}` : ''}`);
}
