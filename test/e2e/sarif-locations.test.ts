import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, workdir } from './cli.js';
import { validateSarif } from '../support/sarif-schema.js';


interface Sarif {
  runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } } }[] }[] }[];
}

function removedLocation(stdout: string) {
  const sarif = JSON.parse(stdout) as Sarif;
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
  return sarif.runs[0]!.results.find((result) => result.ruleId === 'tool-removed')!.locations![0]!.physicalLocation;
}

describe('SARIF artifact locations for absolute snapshot paths (built CLI)', () => {
  it('a file outside the working directory is an absolute, percent-encoded file URI without uriBaseId', async () => {
    const pair = workdir('breaking');
    const dir = join(pair, 'release candidates');
    mkdirSync(dir);
    cpSync(join(pair, 'base.json'), join(dir, 'base.json'));
    cpSync(join(pair, 'head.json'), join(dir, 'head.json'));
    const elsewhere = workdir();
    const { code, stdout } = await cli(['diff', join(dir, 'base.json'), join(dir, 'head.json'), '--format', 'sarif'], { cwd: elsewhere });
    expect(code).toBe(1);
    const location = removedLocation(stdout);
    expect(location.artifactLocation.uriBaseId).toBeUndefined();
    expect(location.artifactLocation.uri).toMatch(/^file:\/\/\/.*release%20candidates\/base\.json$/);
    expect(fileURLToPath(location.artifactLocation.uri)).toBe(join(dir, 'base.json'));
    expect(readFileSync(join(dir, 'base.json'), 'utf8').split('\n')[location.region.startLine - 1]).toBe('    {');
  });

  it('an absolute path under the working directory is relative to SRCROOT, never starting with a slash', async () => {
    const dir = workdir('breaking');
    const { code, stdout } = await cli(['diff', join(dir, 'base.json'), join(dir, 'head.json'), '--format', 'sarif'], { cwd: dir });
    expect(code).toBe(1);
    expect(removedLocation(stdout).artifactLocation).toEqual({ uri: 'base.json', uriBaseId: 'SRCROOT' });
  });

  it('a relative path that leaves the working directory is an absolute file URI, not ../', async () => {
    const dir = workdir('breaking');
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const { code, stdout } = await cli(['diff', '../base.json', '../head.json', '--format', 'sarif'], { cwd: sub });
    expect(code).toBe(1);
    const { artifactLocation } = removedLocation(stdout);
    expect(artifactLocation.uriBaseId).toBeUndefined();
    expect(fileURLToPath(artifactLocation.uri)).toBe(join(dir, 'base.json'));
  });
});
