import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/policy/fingerprint.js';
import { RULES } from '../../../src/rules/registry.js';
import { renderSarif } from '../../../src/report/sarif.js';
import { CHANGES, sampleReport } from './sample.js';
import { validateSarif } from '../../support/sarif-schema.js';


interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
  suppressions?: { kind: string; justification: string }[];
  partialFingerprints: Record<string, string>;
}

describe('renderSarif', () => {
  it('is valid SARIF 2.1.0', () => {
    const sarif = JSON.parse(renderSarif(sampleReport(), { toolVersion: '0.1.0' })) as unknown;
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
  });

  it('the vendored schema really validates: a broken log is rejected', () => {
    const sarif = JSON.parse(renderSarif(sampleReport())) as { runs: { results: Record<string, unknown>[] }[] };
    sarif.runs[0]!.results[0]!.level = 'fatal';
    expect(validateSarif(sarif)).toBe(false);
  });

  it('has one rule per catalog entry and results pointing at them, located in the baseline', () => {
    const sarif = JSON.parse(renderSarif(sampleReport())) as { runs: { tool: { driver: { rules: { id: string }[] } }; results: SarifResult[] }[] };
    const run = sarif.runs[0]!;
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    expect(run.results).toHaveLength(5);
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]?.id).toBe(result.ruleId);
    const first = run.results[0]!;
    expect(first).toMatchObject({ ruleId: 'tool-removed', level: 'error', partialFingerprints: { 'mcpCompatChange/v1': fingerprint(CHANGES[1]!) } });
    expect(first.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'mcp-snapshot.json', uriBaseId: 'SRCROOT' }, region: { startLine: 1 } });
    expect(run.results.map((result) => result.level)).toEqual(['error', 'error', 'warning', 'note', 'note']);
  });

  it('marks acknowledged changes as suppressed with the reason', () => {
    const report = sampleReport({ acknowledged: [{ fingerprint: fingerprint(CHANGES[1]!), reason: 'deprecated for a year', source: '/acknowledged/0' }] });
    const sarif = JSON.parse(renderSarif(report)) as { runs: { results: SarifResult[] }[] };
    expect(sarif.runs[0]!.results[0]!.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'deprecated for a year' }]);
    expect(validateSarif(sarif)).toBe(true);
  });
});
