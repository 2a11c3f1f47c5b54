import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/policy/build-report.js';
import { artifactLocation } from '../../../src/report/artifact-location.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { BASE, HEAD } from './sample.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { validateSarif } from '../../support/sarif-schema.js';


interface Location {
  physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
}

function sarifFor(path: string): { log: unknown; locations: Location[] } {
  const report = buildReport({
    diff: diffSnapshots(BASE, HEAD),
    base: BASE,
    head: HEAD,
    sources: { base: { path, text: `${JSON.stringify(BASE, null, 2)}\n` } },
    policy: { failOn: 'breaking', today: '2026-06-01' },
  });
  const log = JSON.parse(renderSarif(report)) as { runs: { results: { locations?: Location[] }[] }[] };
  return { log, locations: log.runs[0]!.results.flatMap((result) => result.locations ?? []) };
}

/** SARIF1004: a relative reference never starts with a slash; an absolute URI has no base. */
function expectSarif1004(location: Location['physicalLocation']['artifactLocation']): void {
  if (location.uriBaseId === undefined) {
    expect(new URL(location.uri).protocol).toBe('file:');
  } else {
    expect(location.uri).not.toMatch(/^[\\/]/);
    expect(location.uri).not.toMatch(/^[a-z][a-z0-9+.-]*:/i);
  }
  expect(location.uri).not.toMatch(/[\s\\]/);
}

describe('artifactLocation', () => {
  it('keeps a path under the root relative to SRCROOT, percent-encoded', () => {
    expect(artifactLocation('mcp-snapshot.json')).toEqual({ uri: 'mcp-snapshot.json', uriBaseId: 'SRCROOT' });
    expect(artifactLocation('snap shots/base#1.json')).toEqual({ uri: 'snap%20shots/base%231.json', uriBaseId: 'SRCROOT' });
    expect(artifactLocation('./a/b.json')).toEqual({ uri: 'a/b.json', uriBaseId: 'SRCROOT' });
  });

  it('turns an absolute POSIX path into a file URI without uriBaseId, which reads back to the same path', () => {
    const path = '/tmp/my snapshots/100%/base.json';
    const location = artifactLocation(path);
    expect(location).toEqual({ uri: 'file:///tmp/my%20snapshots/100%25/base.json' });
    expect(fileURLToPath(location.uri, { windows: false })).toBe(path);
  });

  it('handles Windows drive and UNC paths', () => {
    expect(artifactLocation('C:\\Users\\me\\My Files\\base.json')).toEqual({ uri: 'file:///C:/Users/me/My%20Files/base.json' });
    expect(artifactLocation('\\\\server\\share\\base.json')).toEqual({ uri: 'file://server/share/base.json' });
  });
});

describe('SARIF locations, validated with the official schema', () => {
  it('a baseline under the root: relative uri with SRCROOT', () => {
    const { log, locations } = sarifFor('snapshots/base.json');
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) {
      expect(location.physicalLocation.artifactLocation).toEqual({ uri: 'snapshots/base.json', uriBaseId: 'SRCROOT' });
      expectSarif1004(location.physicalLocation.artifactLocation);
    }
  });

  it('a baseline outside the root: absolute file URI, spaces encoded, no uriBaseId', () => {
    const { log, locations } = sarifFor('/var/tmp/release candidates/base.json');
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(locations.length).toBeGreaterThan(0);
    for (const location of locations) {
      expect(location.physicalLocation.artifactLocation).toEqual({ uri: 'file:///var/tmp/release%20candidates/base.json' });
      expectSarif1004(location.physicalLocation.artifactLocation);
    }
  });
});
