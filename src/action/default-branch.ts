import { execFile } from 'node:child_process';

/**
 * The branch pull requests target, as the generated workflow names it: the remote's default
 * (`origin/HEAD`), else git's `init.defaultBranch`, else the current branch, else `main`. git is
 * spawned with argv (no shell); a folder outside a repository, or no git at all, gives `main`.
 */
export async function defaultBranch(dir: string): Promise<string> {
  const remote = await git(dir, ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD']);
  const fromRemote = remote === undefined ? undefined : branchOfRemoteHead(remote);
  return fromRemote ?? usable(await git(dir, ['config', '--get', 'init.defaultBranch'])) ?? usable(await git(dir, ['symbolic-ref', '--quiet', '--short', 'HEAD'])) ?? 'main';
}

/** `origin/main` -> `main`. */
export function branchOfRemoteHead(shortRef: string): string | undefined {
  const name = shortRef.trim();
  return name.startsWith('origin/') ? usable(name.slice('origin/'.length)) : undefined;
}

/** A branch name fit to write into the workflow: one line, no spaces or control characters. */
function usable(name: string | undefined): string | undefined {
  const trimmed = name?.trim();
  return trimmed !== undefined && trimmed !== '' && !/[\s\p{Cc}]/u.test(trimmed) ? trimmed : undefined;
}

function git(cwd: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: 10_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}
