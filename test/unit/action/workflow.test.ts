import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { branchOfRemoteHead } from '../../../src/action/default-branch.js';
import { installCommands } from '../../../src/action/install-command.js';
import { workflowYaml, yamlBranchPattern } from '../../../src/action/workflow.js';

interface Workflow {
  on: { pull_request: { branches: string[] }; push: { branches: string[] } };
  jobs: { compat: { steps: { uses?: string; run?: string }[] } };
}

const parse = (text: string) => load(text) as Workflow;
const runs = (workflow: Workflow) => workflow.jobs.compat.steps.flatMap((step) => (step.run ? [step.run] : []));

describe('the init workflow', () => {
  it('names the default branch for pull requests and pushes', () => {
    const workflow = parse(workflowYaml({ branch: 'trunk' }));
    expect(workflow.on.pull_request.branches).toEqual(['trunk']);
    expect(workflow.on.push.branches).toEqual(['trunk']);
  });

  it.each(['release/2.x', 'feature+new', 'true', '1.0', 'it\'s "odd"', '#hash', 'a:b', 'x!y'])('writes %j so that YAML reads it back as the same name', (branch) => {
    const pattern = parse(workflowYaml({ branch })).on.pull_request.branches[0];
    expect(typeof pattern).toBe('string');
    // GitHub's filter patterns take a backslash to match a special character itself.
    expect(pattern?.replace(/\\(.)/g, '$1')).toBe(branch);
    expect(pattern).not.toMatch(/(^|[^\\])[*?+!]/);
  });

  it('keeps plain names plain', () => {
    expect(yamlBranchPattern('main')).toBe('main');
    expect(yamlBranchPattern('release/2.x')).toBe('release/2.x');
    expect(yamlBranchPattern('yes')).toBe('"yes"');
  });

  it('installs with the given commands before the build, and has no Node steps without them', () => {
    expect(runs(parse(workflowYaml({ branch: 'main', install: ['corepack enable', 'pnpm install --frozen-lockfile'] })))).toEqual([
      'corepack enable',
      'pnpm install --frozen-lockfile',
      'npm run build --if-present',
    ]);
    const plain = parse(workflowYaml({ branch: 'main' }));
    expect(runs(plain)).toEqual([]);
    expect(plain.jobs.compat.steps.some((step) => step.uses?.startsWith('actions/setup-node'))).toBe(false);
  });
});

describe('installCommands', () => {
  const of = (...files: string[]) => installCommands(new Set(files));

  it('uses npm ci only with an npm lockfile', () => {
    expect(of('package.json', 'package-lock.json')).toEqual(['npm ci']);
    expect(of('package.json', 'npm-shrinkwrap.json')).toEqual(['npm ci']);
    expect(of('package.json')).toEqual(['npm install']);
  });

  it('uses the frozen install of pnpm and yarn with their lockfiles', () => {
    expect(of('package.json', 'pnpm-lock.yaml')).toEqual(['corepack enable', 'pnpm install --frozen-lockfile']);
    expect(of('package.json', 'yarn.lock')).toEqual(['yarn install --frozen-lockfile']);
    expect(of('package.json', 'yarn.lock', '.yarnrc.yml')).toEqual(['corepack enable', 'yarn install --immutable']);
  });

  it('installs nothing without a package.json', () => {
    expect(of('package-lock.json')).toBeUndefined();
    expect(of()).toBeUndefined();
  });
});

describe('branchOfRemoteHead', () => {
  it('reads the branch of origin/HEAD', () => {
    expect(branchOfRemoteHead('origin/develop\n')).toBe('develop');
    expect(branchOfRemoteHead('origin/release/2.x')).toBe('release/2.x');
    expect(branchOfRemoteHead('upstream/main')).toBeUndefined();
    expect(branchOfRemoteHead('origin/')).toBeUndefined();
  });
});
