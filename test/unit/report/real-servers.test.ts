import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { buildReport } from '../../../src/policy/build-report.js';
import { REPORT_FORMATS, renderReport } from '../../../src/report/index.js';
import { ANNOTATIONS_PER_LEVEL } from '../../../src/report/github.js';
import { loadRealServer } from '../diff/wire-snapshot.js';
import { validateSarif } from '../../support/sarif-schema.js';

// Every report format on the diffs of consecutive published versions of two real servers.
const VERSIONS: Record<string, string[]> = {
  memory: ['2025.8.4', '2025.9.25', '2025.11.25', '2026.1.26', '2026.7.4'],
  'sequential-thinking': ['2025.7.1', '2025.11.25', '2025.12.18', '2026.7.4', '2026.8.31'],
};

const validateReport = new Ajv2020({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../../schemas/report.schema.json', import.meta.url), 'utf8')) as object);

const pairs = Object.entries(VERSIONS).flatMap(([server, versions]) => versions.slice(1).map((head, index) => [server, versions[index] as string, head] as const));

describe.each(pairs)('%s %s -> %s', (server, baseVersion, headVersion) => {
  const base = loadRealServer(server, baseVersion);
  const head = loadRealServer(server, headVersion);
  const report = buildReport({ diff: diffSnapshots(base, head), base, head, sources: { base: { path: 'mcp-snapshot.json' } }, policy: { failOn: 'breaking', today: '2026-01-01' } });

  it('renders every format consistently with the summary', () => {
    const json = JSON.parse(renderReport(report, 'json')) as { summary: Record<string, unknown>; changes: unknown[] };
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.changes).toHaveLength(report.changes.length);
    const sarif = JSON.parse(renderReport(report, 'sarif')) as { runs: { results: unknown[] }[] };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(sarif.runs[0]!.results).toHaveLength(report.changes.length);
    const github = renderReport(report, 'github');
    // An error per breaking change, or, past the ten GitHub shows, one per tool; every breaking change is in one of them.
    const errors = github.split('\n').filter((line) => line.startsWith('::error '));
    const breaking = report.changes.filter((change) => change.severity === 'breaking');
    expect(errors).toHaveLength(breaking.length <= ANNOTATIONS_PER_LEVEL ? breaking.length : new Set(breaking.map((change) => change.name)).size);
    for (const change of breaking) expect(errors.filter((line) => line.includes(change.fingerprint))).toHaveLength(1);
    const junit = renderReport(report, 'junit');
    expect(junit.match(/<testcase /g)?.length).toBeGreaterThanOrEqual(report.tools.length);
    for (const format of REPORT_FORMATS) expect(renderReport(report, format)).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(renderReport(report, 'text')).toContain(`recommended bump: ${report.summary.recommendedBump}`);
  });
});
