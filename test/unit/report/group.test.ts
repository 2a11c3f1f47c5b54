import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/model.js';
import { fingerprint } from '../../../src/policy/fingerprint.js';
import { groupChanges } from '../../../src/report/group.js';
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
});
