import { describe, expect, it } from 'vitest';
import { CLIENT_PROFILES } from '../../../src/clients/profiles.js';
import { nameBudget, profileViolations } from '../../../src/clients/violations.js';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { loadRealServer } from '../diff/wire-snapshot.js';

// Published versions of the reference servers (fixtures/real-servers/): every profile at once.
const VERSIONS = {
  memory: ['2025.8.4', '2025.9.25', '2025.11.25', '2026.1.26', '2026.7.4'],
  'sequential-thinking': ['2025.7.1', '2025.11.25', '2025.12.18', '2026.7.4', '2026.8.31'],
} as const;

describe.each(Object.entries(VERSIONS))('client profiles on the published %s server', (server, versions) => {
  it('find no violation in any version, and no newly exceeded limit between consecutive ones', () => {
    for (const [index, version] of versions.entries()) {
      const head = loadRealServer(server, version);
      expect(profileViolations(head, CLIENT_PROFILES), version).toEqual([]);
      if (index === 0) continue;
      const base = loadRealServer(server, versions[index - 1] as string);
      expect(diffSnapshots(base, head, { clients: CLIENT_PROFILES }).changes.filter((c) => c.rule === 'client-limit-violated'), version).toEqual([]);
    }
  });

  it('would break Claude Code under a long enough server name: the check follows the name clients give it', () => {
    const head = loadRealServer(server, versions.at(-1) as string);
    const longest = Math.max(...head.tools.map((t) => t.name.length));
    const room = nameBudget(CLIENT_PROFILES, head.server.name) - longest;
    expect(room).toBeGreaterThan(0);
    const serverKey = `${head.server.name}${'x'.repeat(room + 1)}`;
    expect(profileViolations(head, CLIENT_PROFILES, { serverKey }).map((v) => v.client)).toContain('claude-code');
  });
});
