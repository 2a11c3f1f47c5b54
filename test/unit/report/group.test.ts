import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/model.js';
import { fingerprint } from '../../../src/policy/fingerprint.js';
import { groupBySeverity, groupChanges, listedSubjects } from '../../../src/report/group.js';
import { sampleReport } from './sample.js';

const closed = (name: string): Change => ({
  rule: 'input-additional-properties-closed',
  severity: 'breaking',
  entity: 'tool',
  name,
  pointer: '/inputSchema/additionalProperties',
  message: `Tool \`${name}\` input \`*\`: properties not listed in the schema are now rejected.`,
});
const TOOLS = ['t1', 't2', 't3', 't4'];

describe('groupChanges', () => {
  it('folds the same rule at the same pointer on three or more entities into one group, and leaves the rest by entity', () => {
    const [breaking] = groupChanges(sampleReport({}, [...TOOLS.map(closed), { ...closed('t1'), rule: 'tool-removed', pointer: '' }]).changes);
    expect(breaking?.count).toBe(5);
    expect(breaking?.repeated).toHaveLength(1);
    expect(breaking?.repeated[0]?.changes.map((change) => change.name)).toEqual(TOOLS);
    expect(breaking?.entities.map((entity) => `${entity.name} ${entity.changes.map((change) => change.rule).join()}`)).toEqual(['t1 tool-removed']);
  });

  it('does not fold two entities, nor changes that carry an acknowledgement or a severity override', () => {
    expect(groupChanges(sampleReport({}, TOOLS.slice(0, 2).map(closed)).changes)[0]?.repeated).toEqual([]);
    const acknowledged = sampleReport({ acknowledged: [{ fingerprint: fingerprint(closed('t4')), reason: 'r', source: '/acknowledged/0' }] }, TOOLS.map(closed));
    const [section] = groupChanges(acknowledged.changes);
    expect(section?.repeated[0]?.changes.map((change) => change.name)).toEqual(['t1', 't2', 't3']);
    expect(section?.entities.map((entity) => entity.name)).toEqual(['t4']);
    const overridden = groupChanges(sampleReport({ severity: { 'input-additional-properties-closed': 'risky' } }, TOOLS.map(closed)).changes);
    expect(overridden[0]?.repeated).toEqual([]);
  });

  it('counts and lists each entity of a group once, and splits its changes into subjects by detail, the most shared first', () => {
    const required = (name: string, property: string): Change => ({
      rule: 'input-required-property-added',
      severity: 'breaking',
      entity: 'tool',
      name,
      pointer: '/inputSchema/required',
      message: `Tool \`${name}\` input \`${property}\`: \`${property}\` is now required.`,
      params: { path: property, direction: 'input', property },
    });
    const changes = [required('a', 'level'), required('b', 'pageId'), required('c', 'pageId'), required('c', 'files'), required('d', 'pageId')];
    const [group] = groupChanges(sampleReport({}, changes).changes)[0]?.repeated ?? [];
    expect(group?.changes).toHaveLength(5);
    expect(group?.names).toEqual(['a', 'b', 'c', 'd']);
    expect(group?.subjects.map((subject) => `${subject.detail}: ${subject.names.join(' ')}`)).toEqual([
      '`pageId` is now required: b c d',
      '`level` is now required: a',
      '`files` is now required: c',
    ]);
    // Two entities with two changes each are not three entities.
    expect(groupChanges(sampleReport({}, [required('a', 'x'), required('a', 'y'), required('b', 'x'), required('b', 'y')]).changes)[0]?.repeated).toEqual([]);
  });

  it('lists every subject of a breaking or risky group; of a compatible one, up to three, else none (its names and one example)', () => {
    const removed = (name: string, value: string, severity: Change['severity']): Change => ({
      ...closed(name),
      rule: 'input-enum-value-removed',
      severity,
      pointer: '/inputSchema/properties/format/enum',
      params: { path: 'format', direction: 'input', values: [value] },
    });
    const group = (severity: Change['severity'], values: string[]) => {
      const found = groupChanges(sampleReport({}, values.map((value, index) => removed(`t${index}`, value, severity))).changes)[0]?.repeated[0];
      expect(found?.severity).toBe(severity);
      return found as NonNullable<typeof found>;
    };
    const five = ['a', 'b', 'c', 'd', 'e'];
    expect(listedSubjects(group('breaking', five))).toHaveLength(5);
    expect(listedSubjects(group('risky', five))).toHaveLength(5);
    expect(listedSubjects(group('compatible', five))).toEqual([]);
    expect(listedSubjects(group('compatible', ['a', 'b', 'c'])).map((subject) => subject.detail)).toEqual(['value `a` is no longer allowed', 'value `b` is no longer allowed', 'value `c` is no longer allowed']);
    // Changes that all say the same are one subject, listed as names and an example.
    expect(listedSubjects(group('breaking', ['a', 'a', 'a']))).toEqual([]);
  });

  it('reads items without a detail (lint findings) as one subject', () => {
    const findings = TOOLS.map((name) => ({ rule: 'tool-description-missing', severity: 'warning', entity: 'tool' as const, name, pointer: '/description', failing: false, message: 'm' }));
    const [section] = groupBySeverity(findings, ['warning']);
    expect(section?.repeated[0]?.subjects).toEqual([{ detail: undefined, names: TOOLS, changes: findings }]);
  });
});
