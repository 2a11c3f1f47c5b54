import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { recommendBump } from '../../../src/policy/semver.js';
import type { Change } from '../../../src/diff/model.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { loadRealServer } from './wire-snapshot.js';

function diff(server: string, from: string, to: string): Change[] {
  return diffSnapshots(loadRealServer(server, from), loadRealServer(server, to)).changes;
}

const bySeverity = (changes: Change[], severity: Change['severity']) => changes.filter((c) => c.severity === severity);
const MEMORY_TOOLS = [
  'add_observations',
  'create_entities',
  'create_relations',
  'delete_entities',
  'delete_observations',
  'delete_relations',
  'open_nodes',
  'read_graph',
  'search_nodes',
];

describe('server-memory, consecutive published versions', () => {
  it('2025.8.4 -> 2025.9.25: closing additionalProperties on every input schema (and its nested items) is breaking', () => {
    const changes = diff('memory', '2025.8.4', '2025.9.25');
    const breaking = bySeverity(changes, 'breaking');
    expect([...new Set(breaking.map((c) => c.name))].sort()).toEqual(MEMORY_TOOLS);
    expect(breaking.map((c) => c.pointer)).toContain('/inputSchema/properties/entities/items/additionalProperties');
    expect(changes).toHaveLength(breaking.length);
    for (const change of breaking) {
      expect(change.rule).toMatch(/^input-/);
      expect(change.pointer).toMatch(/^\/inputSchema/);
      expect(change.suggestion?.kind).toBe('versioned-tool');
    }
    expect(changes.some((c) => c.rule === 'tool-removed' || c.rule === 'tool-added')).toBe(false);
    expect(recommendBump(changes)).toBe('major');
  });

  it('2025.9.25 -> 2025.11.25: reopened schemas, draft-07 $schema, titles, output schemas: nothing breaking or risky', () => {
    const changes = diff('memory', '2025.9.25', '2025.11.25');
    expect(bySeverity(changes, 'breaking')).toEqual([]);
    expect(bySeverity(changes, 'risky')).toEqual([]);
    const rules = new Set(changes.map((c) => c.rule));
    expect(rules).toContain('tool-output-schema-added');
    expect(rules).toContain('tool-title-changed');
    expect(rules).toContain('server-protocol-version-changed');
    expect(rules).toContain('server-capability-option-added');
    // execution.taskSupport "forbidden" is the default spelled out: no change.
    expect(changes.filter((c) => c.pointer.startsWith('/execution'))).toEqual([]);
    expect(changes.filter((c) => c.pointer === '/inputSchema/$schema')).toEqual([]);
    expect(recommendBump(changes)).toBe('minor');
  });

  it('2025.11.25 -> 2026.1.26: identical surface, no change', () => {
    expect(diff('memory', '2025.11.25', '2026.1.26')).toEqual([]);
  });

  it('2026.1.26 -> 2026.7.4: annotations declaring safer behaviour and a new resource are compatible', () => {
    const changes = diff('memory', '2026.1.26', '2026.7.4');
    expect(changes.filter((c) => c.severity !== 'compatible')).toEqual([]);
    expect(changes.find((c) => c.rule === 'resource-added')?.name).toBe('memory://knowledge-graph');
    expect(changes.find((c) => c.rule === 'server-capability-added')?.pointer).toBe('/capabilities/resources');
    const readGraph = changes.filter((c) => c.name === 'read_graph').map((c) => c.rule).sort();
    expect(readGraph).toEqual([
      'tool-destructive-hint-removed',
      'tool-idempotent-hint-added',
      'tool-open-world-hint-removed',
      'tool-read-only-hint-added',
    ]);
    expect(recommendBump(changes)).toBe('minor');
  });
});

describe('server-sequential-thinking, consecutive published versions', () => {
  it('2025.7.1 -> 2025.11.25: zod 2^53-1 bounds, $schema and reworded descriptions break nobody', () => {
    const changes = diff('sequential-thinking', '2025.7.1', '2025.11.25');
    expect(bySeverity(changes, 'breaking')).toEqual([]);
    expect(changes.some((c) => c.rule === 'tool-description-changed')).toBe(true);
    expect(changes.some((c) => c.rule === 'tool-description-instructions-added')).toBe(false);
    expect(changes.some((c) => c.rule === 'tool-output-schema-added')).toBe(true);
  });

  it('2025.11.25 -> 2025.12.18: a reworded description is a compatible patch', () => {
    const changes = diff('sequential-thinking', '2025.11.25', '2025.12.18');
    expect(changes.map((c) => [c.rule, c.severity])).toEqual([['tool-description-changed', 'compatible']]);
    expect(recommendBump(changes)).toBe('patch');
  });

  it('2025.12.18 -> 2026.7.4: read-only annotations are compatible', () => {
    const changes = diff('sequential-thinking', '2025.12.18', '2026.7.4');
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.filter((c) => c.severity !== 'compatible')).toEqual([]);
  });

  it('2026.7.4 -> 2026.8.31: boolean inputs that now also accept strings are a widening, not a break', () => {
    const changes = diff('sequential-thinking', '2026.7.4', '2026.8.31');
    expect(bySeverity(changes, 'breaking')).toEqual([]);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change.pointer).toMatch(/^\/inputSchema\/properties\/(nextThoughtNeeded|isRevision|needsMoreThoughts)/);
  });
});

describe('rename detection on the real captures', () => {
  const camel = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const kebab = (name: string) => name.replace(/_/g, '-');
  const restyled = (snapshot: Snapshot, style: (name: string) => string): Snapshot => ({
    ...snapshot,
    tools: snapshot.tools.map((t) => ({ ...t, name: style(t.name) })).sort((a, b) => (a.name < b.name ? -1 : 1)),
  });
  const VERSIONS = {
    memory: ['2025.8.4', '2025.9.25', '2025.11.25', '2026.1.26', '2026.7.4'],
    'sequential-thinking': ['2025.7.1', '2025.11.25', '2025.12.18', '2026.7.4', '2026.8.31'],
  };

  it('finds no rename between consecutive published versions (none was made)', () => {
    for (const [server, versions] of Object.entries(VERSIONS)) {
      for (let i = 1; i < versions.length; i++) {
        const rules = diff(server, versions[i - 1]!, versions[i]!).map((c) => c.rule);
        const presence = ['tool-renamed', 'tool-removed', 'tool-added', 'prompt-renamed', 'prompt-removed', 'prompt-added'];
        expect(rules.filter((rule) => presence.includes(rule)), `${server} ${versions[i]}`).toEqual([]);
      }
    }
  });

  it.each([
    ['camelCase', camel],
    ['kebab-case', kebab],
  ])('memory tools restyled to %s are nine renames with alias suggestions, not removals and additions', (_, style) => {
    const base = loadRealServer('memory', '2026.7.4');
    const changes = diffSnapshots(base, restyled(base, style)).changes;
    expect(changes.map((c) => c.rule)).toEqual(MEMORY_TOOLS.map(() => 'tool-renamed'));
    for (const change of changes) {
      expect(change.after).toBe(style(change.name));
      expect(change.params).toMatchObject({ sameWords: true, inputSchemaChanged: false });
      expect(change.suggestion).toMatchObject({ kind: 'deprecated-alias', name: change.name });
    }
  });

  it('a restyled name is still paired when the schema changed in the same release, and the change is said', () => {
    const changes = diffSnapshots(loadRealServer('memory', '2025.8.4'), restyled(loadRealServer('memory', '2025.9.25'), camel)).changes;
    const renamed = changes.filter((c) => c.rule === 'tool-renamed');
    expect(renamed.map((c) => c.name)).toEqual(MEMORY_TOOLS);
    for (const change of renamed) expect(change.params?.inputSchemaChanged).toBe(true);
    expect(changes.some((c) => c.rule === 'tool-removed' || c.rule === 'tool-added')).toBe(false);
  });

  it('a tool dropped while its look-alike is restyled stays a removal', () => {
    const base = loadRealServer('memory', '2026.7.4');
    const head = restyled({ ...base, tools: base.tools.filter((t) => t.name !== 'add_observations') }, camel);
    const changes = diffSnapshots(base, head).changes;
    expect(changes.find((c) => c.name === 'add_observations')?.rule).toBe('tool-removed');
    expect(changes.find((c) => c.name === 'delete_observations')).toMatchObject({ rule: 'tool-renamed', after: 'deleteObservations' });
  });

  it('sequentialthinking -> sequential_thinking is a rename by its words', () => {
    const base = loadRealServer('sequential-thinking', '2026.8.31');
    const changes = diffSnapshots(base, restyled(base, () => 'sequential_thinking')).changes;
    expect(changes).toEqual([expect.objectContaining({ rule: 'tool-renamed', name: 'sequentialthinking', after: 'sequential_thinking' })]);
  });
});
