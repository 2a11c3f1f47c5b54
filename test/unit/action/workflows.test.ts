import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  strategy?: { matrix: Record<string, unknown> };
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const workflow = (name: string) => load(readFileSync(new URL(`../../../.github/workflows/${name}`, import.meta.url), 'utf8')) as Workflow;
const runs = (job: Job) => job.steps.flatMap((step) => (step.run ? [step.run] : []));

describe('.github/workflows/ci.yml', () => {
  const ci = workflow('ci.yml');

  it('runs on pull requests and pushes to main, with a read-only token', () => {
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push']);
    expect(ci.permissions).toEqual({ contents: 'read' });
  });

  it('tests on Node 20, 22 and 24 from a clean install', () => {
    const test = ci.jobs.test as Job;
    expect(test.strategy?.matrix.node).toEqual([20, 22, 24]);
    expect(test.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['node-version']).toBe('${{ matrix.node }}');
    expect(runs(test)).toEqual(['npm ci', 'npm test']);
  });

  it('checks that the committed Action bundle is what the sources build', () => {
    const check = ci.jobs['check-dist'] as Job;
    const commands = runs(check);
    expect(commands).toContain('npm run build:action');
    expect(commands.indexOf('npm run build:action')).toBeLessThan(commands.findIndex((run) => run.includes('git diff --quiet -- dist-action/')));
    expect(commands.at(-1)).toMatch(/exit 1/);
  });
});

describe('.github/workflows/release.yml', () => {
  const release = workflow('release.yml');
  const publish = release.jobs.publish as Job;

  it('runs on v* tags only', () => {
    expect(release.on).toEqual({ push: { tags: ['v*'] } });
  });

  it('publishes to npm with provenance, which needs id-token: write', () => {
    expect(publish.permissions).toEqual({ 'id-token': 'write', contents: 'write' });
    const command = runs(publish).find((run) => run.startsWith('npm publish'));
    expect(command).toMatch(/^npm publish --provenance --access public\b/);
    expect(publish.steps.find((step) => step.run === command)?.with ?? {}).toEqual({});
    expect(publish.steps.find((step) => step.uses?.startsWith('actions/setup-node@'))?.with?.['registry-url']).toBe('https://registry.npmjs.org');
  });

  it('tests, checks the tag against package.json and the Action bundle before publishing', () => {
    const commands = runs(publish);
    const at = (pattern: RegExp) => commands.findIndex((run) => pattern.test(run));
    const publishing = at(/^npm publish/);
    expect(at(/^npm ci$/)).toBeGreaterThanOrEqual(0);
    for (const before of [/^npm test$/, /package\.json'\)\.version/, /build:action && git diff --exit-code -- dist-action\//]) {
      expect(at(before), String(before)).toBeGreaterThanOrEqual(0);
      expect(at(before), String(before)).toBeLessThan(publishing);
    }
  });

  it('moves the major tag (v1.2.3 -> v1) after publishing, except for pre-releases', () => {
    const step = publish.steps.find((candidate) => candidate.name === 'Move the major tag') as Step;
    expect(publish.steps.indexOf(step)).toBeGreaterThan(publish.steps.findIndex((candidate) => candidate.run?.startsWith('npm publish')));
    expect(step.run).toContain('major="${GITHUB_REF_NAME%%.*}"');
    expect(step.run).toContain('git tag --force "${major}"');
    expect(step.run).toContain('git push --force origin "refs/tags/${major}"');
    expect(step.if).toContain("!contains(github.ref_name, '-')");
  });
});
