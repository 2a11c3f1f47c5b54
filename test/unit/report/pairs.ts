import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { buildReport, type ReportPolicy } from '../../../src/policy/build-report.js';
import type { Report } from '../../../src/report/model.js';
import { readSnapshot } from '../../../src/snapshot/read.js';

// The report of a snapshot pair of fixtures/snapshots/pairs/, as `mcp-compat diff base.json head.json` builds it.

const PAIRS = fileURLToPath(new URL('../../../fixtures/snapshots/pairs/', import.meta.url));

export async function pairReport(pair: string, policy: Partial<ReportPolicy> = {}): Promise<Report> {
  const [base, head] = await Promise.all([readSnapshot(join(PAIRS, pair, 'base.json')), readSnapshot(join(PAIRS, pair, 'head.json'))]);
  return buildReport({
    diff: diffSnapshots(base, head),
    base,
    head,
    sources: { base: { path: 'base.json' } },
    policy: { failOn: 'breaking', today: '2026-06-01', refreshCommand: 'cp head.json base.json', acknowledgeAllCommand: 'mcp-compat acknowledge --reason "..." --all base.json head.json', ...policy },
  });
}
