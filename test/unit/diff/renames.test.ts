import { describe, expect, it } from 'vitest';
import { detectRenames } from '../../../src/diff/renames.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { snapshot, tool } from './snapshot-builders.js';

describe('rename detection', () => {
  it('reports a renamed tool as one breaking change with its similarity and an alias suggestion', () => {
    const base = snapshot({ tools: [tool('get_user')] });
    const head = snapshot({ tools: [{ ...tool('get_user'), name: 'fetch_user' }] });
    const { changes } = diffSnapshots(base, head);
    expect(changes).toHaveLength(1);
    const [change] = changes;
    expect(change).toMatchObject({ rule: 'tool-renamed', severity: 'breaking', name: 'get_user', pointer: '/name', before: 'get_user', after: 'fetch_user' });
    expect(change?.params?.similarity).toBeGreaterThanOrEqual(0.75);
    expect(change?.suggestion).toMatchObject({ kind: 'deprecated-alias', name: 'get_user' });
    expect(change?.suggestion?.snippet).toContain('DEPRECATED: use fetch_user.');
  });

  it('keeps unrelated removals and additions apart', () => {
    const base = snapshot({ tools: [tool('delete_file')] });
    const head = snapshot({ tools: [tool('send_email', { description: 'Send an email to a recipient.' })] });
    expect(diffSnapshots(base, head).changes.map((c) => c.rule)).toEqual(['tool-removed', 'tool-added']);
  });

  it('does not pair two undescribed, parameterless tools', () => {
    const empty = { type: 'object' } as const;
    const result = detectRenames([{ name: 'ping', inputSchema: empty }], [{ name: 'health', inputSchema: empty }]);
    expect(result.renames).toEqual([]);
  });

  it('matches each removed tool to its closest added tool, one to one', () => {
    const removed = [tool('list_orders'), tool('list_users')];
    const added = [{ ...tool('list_users'), name: 'users_list' }, { ...tool('list_orders'), name: 'orders_list' }];
    const { renames } = detectRenames(removed, added);
    expect(renames.map((r) => `${r.before.name}->${r.after.name}`)).toEqual(['list_orders->orders_list', 'list_users->users_list']);
  });

  it('stays correct with thousands of candidates', () => {
    const removed = Array.from({ length: 2000 }, (_, i) => tool(`old_tool_${i}`));
    const added = Array.from({ length: 2000 }, (_, i) => ({ ...tool(`old_tool_${i}`), name: `new_tool_${i}` }));
    const { renames } = detectRenames(removed, added);
    expect(renames).toHaveLength(2000);
    for (const r of renames) expect(r.after.name).toBe(r.before.name.replace('old_', 'new_'));
  });
});
