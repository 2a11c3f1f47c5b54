import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import type { ToolSnapshot } from '../../../src/snapshot/model.js';
import { snapshot, tool } from './snapshot-builders.js';

function tools(count: number, edit: (t: ToolSnapshot, i: number) => ToolSnapshot | undefined): ToolSnapshot[] {
  const result: ToolSnapshot[] = [];
  for (let i = 0; i < count; i++) {
    const edited = edit(tool(`tool_${String(i).padStart(4, '0')}`), i);
    if (edited) result.push(edited);
  }
  return result;
}

// Speed is measured by benchmarks (bench/), never asserted here: these check the results at scale.
describe('diff of large snapshots', () => {
  it('classifies 1,000-tool snapshots with edits, removals, additions and renames', () => {
    const base = snapshot({ tools: tools(1000, (t) => t) });
    const head = snapshot({
      tools: tools(1000, (t, i) => {
        if (i % 100 === 0) return undefined; // removed
        if (i % 100 === 1) return { ...t, name: `${t.name}_renamed` };
        if (i % 10 === 2) return { ...t, description: `${t.description} Now faster.` };
        if (i % 10 === 3) return { ...t, annotations: { readOnlyHint: true } };
        if (i % 20 === 4) return { ...t, inputSchema: { ...t.inputSchema, required: [...(t.inputSchema.required as string[]), 'limit'] } };
        return t;
      }),
    });
    const result = diffSnapshots(base, head);
    expect(result.changes.filter((c) => c.rule === 'tool-renamed')).toHaveLength(10);
    expect(result.changes.filter((c) => c.rule === 'tool-removed')).toHaveLength(10);
    expect(result.changes.filter((c) => c.rule === 'input-required-property-added')).toHaveLength(50);
  });

  it('finds nothing between 1,000 identical tools', () => {
    const base = snapshot({ tools: tools(1000, (t) => t) });
    const head = structuredClone(base);
    expect(diffSnapshots(base, head).changes).toEqual([]);
  });
});
