import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACTION_REF, workflowYaml } from '../../../src/action/workflow.js';

import { load } from 'js-yaml';
const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
}

describe('action.yml', () => {
  const action = load(read('action.yml')) as ActionYml;
  const source = read('src/action/run.ts');

  it('is a node24 action running the committed bundle', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist-action/index.js' });
  });

  it('declares exactly the inputs the entry reads', () => {
    const used = new Set([...source.matchAll(/input\('([a-z-]+)'\)/g)].map((match) => match[1]));
    expect(new Set(Object.keys(action.inputs))).toEqual(used);
  });

  it('declares exactly the outputs the entry sets', () => {
    const block = /setOutputs\(env, \{([\s\S]*?)\}\);/.exec(source)?.[1] ?? '';
    const set = [...block.matchAll(/^\s*'?([a-z-]+)'?:/gm)].map((match) => match[1]);
    expect(new Set(Object.keys(action.outputs))).toEqual(new Set(set));
  });
});

describe('workflows', () => {
  it.each([true, false])('the init workflow is valid YAML on pull_request, never pull_request_target (node: %s)', (node) => {
    const workflow = load(workflowYaml({ branch: 'main', ...(node ? { install: ['npm ci'] } : {}) })) as { on: Record<string, unknown>; jobs: { compat: { steps: { uses?: string; run?: string }[] } } };
    expect(Object.keys(workflow.on)).toEqual(['pull_request', 'push']);
    const steps = workflow.jobs.compat.steps;
    expect(steps.at(-1)?.uses).toBe(ACTION_REF);
    expect(steps.some((step) => step.run === 'npm ci')).toBe(node);
  });

  it('every YAML example in docs/github-action.md parses', () => {
    const blocks = [...read('docs/github-action.md').matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1] as string);
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    for (const block of blocks) expect(() => load(block)).not.toThrow();
  });
});
