import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/policy/build-report.js';
import type { Acknowledgement } from '../../../src/policy/config.js';
import { changeFingerprint } from '../../../src/policy/fingerprint.js';
import { BASE, CHANGES, HEAD, diff, sampleReport } from '../report/sample.js';

const removed = CHANGES[1]!;
const enumRemoved = CHANGES[3]!;

function ack(fields: Partial<Acknowledgement>): Acknowledgement {
  return { reason: 'agreed with the only client', source: '/acknowledged/0', ...fields };
}

describe('buildReport', () => {
  it('counts by severity, orders breaking first then entity and name, and fails on breaking', () => {
    const report = sampleReport();
    expect(report.summary).toEqual({ breaking: 2, risky: 1, compatible: 2, acknowledged: 0, failing: 2, recommendedBump: 'major', failOn: 'breaking', failed: true });
    expect(report.changes.map((change) => `${change.severity} ${change.name} ${change.rule}`)).toEqual([
      'breaking delete_note tool-removed',
      'breaking search input-enum-value-removed',
      'risky search tool-read-only-hint-removed',
      'compatible add_tag tool-added',
      expect.stringMatching(/^compatible evil.* tool-description-changed$/),
    ]);
    expect(report.base).toEqual({ name: 'notes', version: '1.0.0', file: 'mcp-snapshot.json' });
    expect(report.head).toEqual({ name: 'notes', version: '1.1.0' });
    expect(report.tools).toEqual(['add_tag', 'delete_note', expect.stringMatching(/^evil/), 'search']);
    expect(report.changes.every((change) => /^[0-9a-f]{12}$/.test(change.fingerprint))).toBe(true);
  });

  it.each([
    ['none', 0, false],
    ['breaking', 2, true],
    ['risky', 3, true],
    ['compatible', 5, true],
  ] as const)('fail-on %s: %i failing changes', (failOn, failing, failed) => {
    const report = sampleReport({ failOn });
    expect(report.summary.failing).toBe(failing);
    expect(report.summary.failed).toBe(failed);
    expect(report.nextSteps.acknowledgements).toHaveLength(failing);
    expect(report.nextSteps.refreshCommand === undefined).toBe(!failed);
  });

  it('passes with no changes and recommends no bump', () => {
    const report = sampleReport({}, []);
    expect(report.summary).toMatchObject({ breaking: 0, risky: 0, compatible: 0, recommendedBump: 'none', failed: false });
    expect(report.nextSteps.acknowledgements).toEqual([]);
  });

  it('next steps list paste-ready acknowledgement entries for the failing changes only', () => {
    const report = sampleReport();
    expect(report.nextSteps).toEqual({
      acknowledgements: [
        { fingerprint: changeFingerprint(removed), rule: 'tool-removed', entity: 'tool', name: 'delete_note', pointer: '', reason: expect.stringContaining('TODO') },
        { fingerprint: changeFingerprint(enumRemoved), rule: 'input-enum-value-removed', entity: 'tool', name: 'search', pointer: '/inputSchema/properties/mode/enum', reason: expect.stringContaining('TODO') },
      ],
      configFile: 'mcp-compat.config.json',
      acknowledgeCommand: `mcp-compat acknowledge --reason "..." ${changeFingerprint(removed)} ${changeFingerprint(enumRemoved)}`,
      refreshCommand: 'mcp-compat check --baseline mcp-snapshot.json --update -- node server.js',
    });
  });

  it('names the --all form of the acknowledge command when more than five changes fail', () => {
    const all = 'mcp-compat acknowledge --reason "..." --all base.json head.json';
    expect(sampleReport({ failOn: 'compatible', acknowledgeAllCommand: all }).nextSteps.acknowledgeCommand).toMatch(/^mcp-compat acknowledge --reason "\.\.\." [0-9a-f]{12}( [0-9a-f]{12}){4}$/);
    const many = Array.from({ length: 6 }, (_, index) => ({ ...removed, name: `tool_${index}` }));
    expect(sampleReport({ acknowledgeAllCommand: all }, many).nextSteps.acknowledgeCommand).toBe(all);
    expect(sampleReport({}, many).nextSteps.acknowledgeCommand?.split(' ')).toHaveLength(10);
  });

  it('a failed version gate asks for a version, not a refreshed baseline', () => {
    const report = sampleReport({ failOn: 'none', nextVersion: '1.0.1' });
    expect(report.summary.failed).toBe(true);
    expect(report.versionCheck).toMatchObject({ ok: false, minimumVersion: '2.0.0' });
    expect(report.nextSteps.declareVersion).toBe('2.0.0');
    expect(report.nextSteps.refreshCommand).toBeUndefined();
    expect(report.nextSteps.acknowledgeCommand).toBeUndefined();
    expect(sampleReport({ failOn: 'none', nextVersion: '1.0.0' }).nextSteps.declareVersion).toBe('2.0.0');
    expect(sampleReport({ failOn: 'none', nextVersion: '2.0.0' }).nextSteps.declareVersion).toBeUndefined();
  });

  it('notes when the head version is lower than the base version (swapped arguments)', () => {
    const swapped = buildReport({ diff: diff(), base: HEAD, head: BASE, policy: { failOn: 'breaking', today: '2026-06-01' } });
    expect(swapped.notes[0]).toBe("The head's version 1.0.0 is lower than the base's 1.1.0: are BASE and HEAD swapped? (The base is the released version, the head the new one.)");
    expect(sampleReport().notes).toEqual([]);
    const unversioned = { ...HEAD, server: { ...HEAD.server, version: 'dev' } };
    expect(buildReport({ diff: diff(), base: unversioned, head: BASE, policy: { failOn: 'breaking', today: '2026-06-01' } }).notes).toEqual([]);
  });

  it('an acknowledgement by fingerprint or by fields keeps the change in the report, marked, and stops it failing', () => {
    const report = sampleReport({
      acknowledged: [
        ack({ fingerprint: changeFingerprint(removed) }),
        ack({ rule: enumRemoved.rule, entity: 'tool', name: 'search', pointer: enumRemoved.pointer, expires: '2026-06-01', source: '/acknowledged/1' }),
      ],
    });
    expect(report.summary).toMatchObject({ breaking: 2, acknowledged: 2, failing: 0, failed: false, recommendedBump: 'major' });
    const [first, second] = report.changes;
    expect(first).toMatchObject({ acknowledged: true, failing: false, acknowledgement: { reason: 'agreed with the only client', expired: false } });
    expect(second).toMatchObject({ acknowledged: true, acknowledgement: { expires: '2026-06-01', expired: false } });
    expect(report.notes).toEqual([]);
  });

  it('an expired acknowledgement fails again and says so', () => {
    const report = sampleReport({ today: '2026-06-02', acknowledged: [ack({ fingerprint: changeFingerprint(removed), expires: '2026-06-01' })] });
    expect(report.summary).toMatchObject({ acknowledged: 0, failing: 2, failed: true });
    expect(report.changes[0]).toMatchObject({ rule: 'tool-removed', acknowledged: false, failing: true, acknowledgement: { expired: true, expires: '2026-06-01' } });
    expect(report.notes).toEqual([expect.stringContaining('/acknowledged/0 expired on 2026-06-01: tool-removed on tool `delete_note` counts again')]);
    expect(report.nextSteps.acknowledgements.map((entry) => entry.rule)).toContain('tool-removed');
  });

  it('a renewed acknowledgement wins over the expired one it replaces', () => {
    const report = sampleReport({
      today: '2026-06-02',
      acknowledged: [ack({ fingerprint: changeFingerprint(removed), expires: '2026-06-01' }), ack({ fingerprint: changeFingerprint(removed), expires: '2026-12-31', source: '/acknowledged/1' })],
    });
    expect(report.changes[0]).toMatchObject({ acknowledged: true, acknowledgement: { expires: '2026-12-31', expired: false } });
    expect(report.notes).toEqual([]);
  });

  it('a partial field match acknowledges nothing', () => {
    const report = sampleReport({ acknowledged: [ack({ rule: 'tool-removed', entity: 'tool', name: 'delete_note', pointer: '/description' })] });
    expect(report.changes[0]?.acknowledged).toBe(false);
    expect(report.notes).toEqual([expect.stringContaining('matches no change any more')]);
  });

  it('a fingerprint that contradicts the fields acknowledges nothing', () => {
    const report = sampleReport({ acknowledged: [ack({ fingerprint: changeFingerprint(enumRemoved), rule: 'tool-removed', entity: 'tool', name: 'delete_note', pointer: '' })] });
    expect(report.summary.acknowledged).toBe(0);
  });

  it('an acknowledgement scoped to another server does not apply', () => {
    const report = sampleReport({ server: 'other', acknowledged: [ack({ fingerprint: changeFingerprint(removed), server: 'notes' })] });
    expect(report.summary.acknowledged).toBe(0);
    // Not in scope for this server, so not reported as unused either.
    expect(report.notes).toEqual([]);
  });

  it('severity overrides change the effective severity, the counts, the bump and the verdict', () => {
    const report = sampleReport({ severity: { 'tool-removed': 'risky', 'input-enum-value-removed': 'compatible' } });
    expect(report.summary).toMatchObject({ breaking: 0, risky: 2, compatible: 3, failed: false });
    expect(report.summary.recommendedBump).not.toBe('major');
    const removedChange = report.changes.find((change) => change.rule === 'tool-removed');
    expect(removedChange).toMatchObject({ severity: 'risky', defaultSeverity: 'breaking' });
  });

  it('checks the declared version against the recommended bump when asked', () => {
    const minor = sampleReport({ requireBump: true });
    expect(minor.versionCheck).toMatchObject({ baseVersion: '1.0.0', nextVersion: '1.1.0', required: 'major', declared: 'minor', ok: false });
    const major = sampleReport({ nextVersion: '2.0.0', acknowledged: [ack({ fingerprint: changeFingerprint(removed) }), ack({ fingerprint: changeFingerprint(enumRemoved) })] });
    expect(major.versionCheck).toMatchObject({ nextVersion: '2.0.0', required: 'major', declared: 'major', ok: true });
    expect(major.summary.failed).toBe(false);
    // An acknowledged breaking change still needs a major release.
    const acknowledgedButMinor = sampleReport({ nextVersion: '1.1.0', acknowledged: [ack({ fingerprint: changeFingerprint(removed) }), ack({ fingerprint: changeFingerprint(enumRemoved) })] });
    expect(acknowledgedButMinor.summary).toMatchObject({ failing: 0, failed: true });
    expect(sampleReport().versionCheck).toBeUndefined();
  });

  it('locates entities in the baseline file, added ones in the head file', () => {
    const baseText = `${JSON.stringify({ formatVersion: 1, server: { name: 'notes' }, tools: [{ name: 'delete_note' }, { inputSchema: {}, name: 'search' }] }, null, 2)}\n`;
    const headText = `${JSON.stringify({ formatVersion: 1, tools: [{ name: 'add_tag' }] }, null, 2)}\n`;
    const report = buildReport({
      diff: diff(),
      base: BASE,
      head: HEAD,
      sources: { base: { path: 'base.json', text: baseText }, head: { path: 'head.json', text: headText } },
      policy: { failOn: 'breaking', today: '2026-06-01' },
    });
    const where = (name: string) => report.changes.find((change) => change.name === name)?.location;
    expect(where('delete_note')).toEqual({ path: 'base.json', line: 7 });
    expect(where('search')).toEqual({ path: 'base.json', line: 10 });
    expect(where('add_tag')).toEqual({ path: 'head.json', line: 4 });
    expect(where(CHANGES[4]!.name)).toEqual({ path: 'base.json', line: 1 });
  });

  it('reads a source file only when a location is asked for, and once', () => {
    let reads = 0;
    const text = `${JSON.stringify({ formatVersion: 1, tools: [{ name: 'delete_note' }] }, null, 2)}\n`;
    const base = {
      path: 'base.json',
      get text() {
        reads++;
        return text;
      },
    };
    const report = buildReport({ diff: diff(), base: BASE, head: HEAD, sources: { base }, policy: { failOn: 'breaking', today: '2026-06-01' } });
    expect(reads).toBe(0);
    const removedChange = report.changes.find((change) => change.name === 'delete_note');
    expect(removedChange?.location).toEqual({ path: 'base.json', line: 4 });
    expect(report.changes.map((change) => change.location?.path)).toEqual(report.changes.map(() => 'base.json'));
    expect(reads).toBe(1);
    expect(Object.keys(removedChange ?? {})).toContain('location');
    expect(JSON.parse(JSON.stringify(removedChange)).location).toEqual({ path: 'base.json', line: 4 });
  });

  it('gives no location without a source file', () => {
    const report = buildReport({ diff: diff(), base: BASE, head: HEAD, policy: { failOn: 'breaking', today: '2026-06-01' } });
    expect(report.changes.filter((change) => 'location' in change)).toEqual([]);
  });

  it('does not mutate the diff it is given', () => {
    const input = diff();
    const copy = structuredClone(input);
    buildReport({ diff: input, base: BASE, head: HEAD, policy: { failOn: 'breaking', today: '2026-01-01', severity: { 'tool-removed': 'risky' } } });
    expect(input).toEqual(copy);
  });

  it('gives each change its detail, the rule\'s words without the entity, for the reports that list changes together', async () => {
    const { pairReport } = await import('../report/pairs.js');
    const report = await pairReport('repeated-subjects');
    const details = report.changes.filter((change) => change.name === 'upload_file' && change.rule === 'input-required-property-added').map((change) => change.detail);
    expect(details.sort()).toEqual(['`filePaths` is now required', '`pageId` is now required']);
    expect(sampleReport().changes.map((change) => change.detail)).toEqual([
      'was removed',
      'value "exact" is no longer accepted for `mode`',
      'was read-only and may now write',
      'was added',
      expect.stringMatching(/^description changed: Click /),
    ]);
  });
});
