import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { buildReport } from '../../../src/policy/build-report.js';
import { REPORT_FORMATS, renderReport } from '../../../src/report/index.js';
import { snapshot, tool } from './snapshot-builders.js';

// Keys come from servers. A key named like a member of Object.prototype must be compared as the
// object's own member (absent on the other side), never as the inherited function.

describe('keys named like Object.prototype members', () => {
  const base = snapshot({
    server: { name: 'demo', version: '1.0.0', protocolVersion: '2025-06-18', capabilities: { tools: {} } },
    tools: [tool('search')],
  });
  const head = snapshot({
    server: { name: 'demo', version: '1.0.1', protocolVersion: '2025-06-18', capabilities: { tools: { constructor: true }, toString: {} } },
    tools: [
      tool('search', {
        annotations: { constructor: 'x', hasOwnProperty: false },
        execution: { valueOf: 1 },
        _meta: { toString: 'y' },
        inputSchema: { type: 'object', properties: { search_id: { type: 'constructor' }, limit: { type: 'integer', minimum: 1 } }, required: ['search_id'] },
      }),
    ],
  });

  it('are reported as added, with nothing before', () => {
    const { changes } = diffSnapshots(base, head);
    const at = (pointer: string) => {
      const found = changes.find((change) => change.pointer === pointer);
      expect(found?.before, pointer).toBeUndefined();
      return found;
    };
    expect(at('/capabilities/toString')).toMatchObject({ rule: 'server-capability-added', after: {} });
    expect(at('/capabilities/tools/constructor')).toMatchObject({ after: true });
    expect(at('/annotations/constructor')).toMatchObject({ rule: 'tool-annotation-changed', after: 'x' });
    expect(at('/annotations/hasOwnProperty')).toMatchObject({ after: false });
    expect(at('/execution/valueOf')).toMatchObject({ after: 1 });
    expect(at('/_meta/toString')).toMatchObject({ after: 'y' });
    for (const change of changes) expect(typeof change.before).not.toBe('function');
  });

  it('reach every reporter without a crash, both ways', () => {
    for (const [a, b] of [[base, head], [head, base]] as const) {
      const report = buildReport({ diff: diffSnapshots(a, b), base: a, head: b, policy: { failOn: 'breaking', today: '2026-06-01' } });
      for (const format of REPORT_FORMATS) expect(renderReport(report, format)).not.toContain('[native code]');
    }
  });
});
