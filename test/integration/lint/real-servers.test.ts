import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { snapshotServer } from '../../../src/capture/snapshot-server.js';
import { CLIENT_PROFILES } from '../../../src/clients/profiles.js';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import { LINT_RULES } from '../../../src/rules/lint-registry.js';
import { tempDir } from '../../support/temp-dir.js';

const MODULES = fileURLToPath(new URL('../../../node_modules/', import.meta.url));

/** The published reference servers pinned as dev dependencies, captured over stdio and linted with every client profile. */
async function lintPublished(pkg: string): Promise<string[]> {
  // The memory server keeps its graph in a file; a capture writes nothing, but it is kept out of node_modules all the same.
  const env = { MEMORY_FILE_PATH: join(tempDir('mcp-compat-lint-'), 'memory.jsonl') };
  const snapshot = await snapshotServer({ kind: 'stdio', command: process.execPath, args: [join(MODULES, pkg, 'dist', 'index.js')], env });
  return lintSnapshot(snapshot, LINT_RULES, { clients: CLIENT_PROFILES }).map((finding) => `${finding.severity} ${finding.rule} ${finding.name}${finding.pointer}`);
}

// The memory server's array parameters have no description of their own (their items do): true
// findings, and only infos. Nothing else in these servers is wrong, so nothing else may be reported:
// they fit every client profile too (docs/clients.md), so the client rules must stay silent.
const MEMORY_FINDINGS = [
  'info tool-parameter-description-missing add_observations/inputSchema/properties/observations',
  'info tool-parameter-description-missing create_entities/inputSchema/properties/entities',
  'info tool-parameter-description-missing create_relations/inputSchema/properties/relations',
  'info tool-parameter-description-missing delete_observations/inputSchema/properties/deletions',
];

describe('lint on the published reference servers', { timeout: 60_000 }, () => {
  it.each(['server-memory-2025.9.25', 'server-memory-2026.8.31'])('%s: the four undescribed array parameters, nothing else', async (pkg) => {
    expect(await lintPublished(pkg)).toEqual(MEMORY_FINDINGS);
  });

  it.each(['server-sequential-thinking-2025.11.25', 'server-sequential-thinking-2026.8.31'])('%s: no findings', async (pkg) => {
    expect(await lintPublished(pkg)).toEqual([]);
  });
});
