/**
 * The steps that install a Node project's dependencies in the generated workflow, chosen from the
 * files in the project folder. `npm ci` needs a lockfile (it fails without one), so a project
 * without any gets `npm install`; pnpm and yarn lockfiles get their own frozen install, with
 * corepack enabled where the runner does not ship the package manager. Undefined when there is no
 * package.json (nothing to install or build).
 */
export function installCommands(files: ReadonlySet<string>): string[] | undefined {
  if (!files.has('package.json')) return undefined;
  if (files.has('package-lock.json') || files.has('npm-shrinkwrap.json')) return ['npm ci'];
  if (files.has('pnpm-lock.yaml')) return ['corepack enable', 'pnpm install --frozen-lockfile'];
  if (files.has('yarn.lock')) {
    // Yarn 2+ (a .yarnrc.yml) comes through corepack and renamed --frozen-lockfile to --immutable.
    return files.has('.yarnrc.yml') ? ['corepack enable', 'yarn install --immutable'] : ['yarn install --frozen-lockfile'];
  }
  return ['npm install'];
}
