import { describe, expect, it } from 'vitest';
import { lintSnapshot } from '../../../src/lint/lint-snapshot.js';
import { LINT_RULES } from '../../../src/rules/lint-registry.js';
import type { JsonObject, Snapshot } from '../../../src/snapshot/model.js';

// tool-parameter-description-missing: where a parameter's description may sit.

function undescribed(properties: JsonObject, defs: JsonObject = {}): string[] {
  const snapshot: Snapshot = {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 's', version: '1.0.0', protocolVersion: '2025-11-25', capabilities: { tools: {} } },
    tools: [{ name: 't', description: 'A tool.', inputSchema: { type: 'object', properties, $defs: defs } }],
    prompts: [],
    resources: [],
    resourceTemplates: [],
  };
  const rule = LINT_RULES.filter((candidate) => candidate.id === 'tool-parameter-description-missing');
  return lintSnapshot(snapshot, rule).map((finding) => String(finding.params?.parameter));
}

describe('tool-parameter-description-missing', () => {
  it.each<[string, JsonObject]>([
    ['its own description', { type: 'string', description: 'Text to find' }],
    ['a description through a local $ref', { $ref: '#/$defs/described' }],
    ['a description on every anyOf branch', { anyOf: [{ type: 'string', description: 'A name' }, { type: 'integer', description: 'An id' }] }],
    ['a description on the one branch of a nullable (anyOf with null)', { anyOf: [{ type: 'string', description: 'A name' }, { type: 'null' }] }],
    ['a description on the one branch of a nullable (oneOf with null)', { oneOf: [{ $ref: '#/$defs/described' }, { type: 'null' }] }],
    // Notion's API server: every object parameter may also come as a JSON string.
    ['a described object that may also be sent as a string (Notion `cover`)', { anyOf: [{ type: 'object', description: 'A cover image for the page.', properties: { external: { type: 'object' } } }, { type: 'string' }] }],
  ])('is described by %s', (_, property) => {
    expect(undescribed({ p: property }, { described: { type: 'object', description: 'Where it goes' } })).toEqual([]);
  });

  it.each<[string, JsonObject]>([
    ['nothing', { type: 'string', title: 'P' }],
    ['an undescribed $ref and a string (Notion `parent`)', { anyOf: [{ $ref: '#/$defs/bare' }, { type: 'string' }] }],
    ['a description on one branch of two that say more than a type', { anyOf: [{ type: 'string', description: 'A name' }, { type: 'object', properties: { id: { type: 'string' } } }] }],
    ['branches that are bare types only', { anyOf: [{ type: 'string' }, { type: 'null' }] }],
    ['a description on the items of an array', { type: 'array', items: { type: 'string', description: 'A tag' } }],
    ['a blank description on the only branch', { anyOf: [{ type: 'string', description: ' ' }, { type: 'null' }] }],
  ])('is not described by %s', (_, property) => {
    expect(undescribed({ p: property }, { bare: { type: 'object' } })).toEqual(['p']);
  });
});
