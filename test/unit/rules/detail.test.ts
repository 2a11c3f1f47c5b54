import { describe, expect, it } from 'vitest';
import { change } from '../../../src/diff/emit.js';
import { changeDetail } from '../../../src/rules/detail.js';
import { RULES } from '../../../src/rules/registry.js';
import { SCHEMA_RULES } from '../../../src/rules/schema-rules.js';

describe('changeDetail', () => {
  it('words a schema change by its rule\'s detail: what changed, without the entity or the consequence', () => {
    const required = change('input-required-property-added', { entity: 'tool', name: 'upload_file', pointer: '/inputSchema/required', params: { path: 'filePaths', direction: 'input', property: 'filePaths' } });
    expect(required.message).toBe('Tool `upload_file` input `filePaths`: `filePaths` is now required; calls that were valid may now be rejected.');
    expect(changeDetail(required)).toBe('`filePaths` is now required');
    const values = change('input-enum-value-removed', { entity: 'tool', name: 'screenshot', pointer: '/inputSchema/properties/format/enum', params: { path: 'format', direction: 'input', values: ['webp'] } });
    expect(changeDetail(values)).toBe('value `webp` is no longer allowed');
  });

  it('gives every schema rule a detail', () => {
    expect(SCHEMA_RULES.filter((rule) => rule.detail === undefined).map((rule) => rule.id)).toEqual([]);
  });

  it('takes any other rule\'s message after the entity it opens with, so the detail of two entities compares equal', () => {
    const hint = (name: string) => change('tool-read-only-hint-removed', { entity: 'tool', name, pointer: '/annotations/readOnlyHint', before: true, after: false, params: { effective: false } });
    expect(changeDetail(hint('click'))).toBe('is no longer read-only (annotations.readOnlyHint true -> false, effective false)');
    expect(changeDetail(hint('hover'))).toBe(changeDetail(hint('click')));
    expect(changeDetail(change('tool-description-changed', { entity: 'tool', name: 'a`b', pointer: '/description' }))).toBe('description changed');
    expect(changeDetail(change('resource-template-added', { entity: 'resourceTemplate', name: 'file:///{path}', pointer: '' }))).toBe('was added');
    expect(changeDetail(change('server-protocol-version-changed', { entity: 'server', name: 'notes', pointer: '/protocolVersion', before: '2025-06-18', after: '2025-11-25' }))).toBe(
      'Negotiated protocol version changed from "2025-06-18" to "2025-11-25".',
    );
  });

  it('falls back to the message for a change without the facts its rule words, or of a rule it does not know', () => {
    const bare = { rule: 'input-enum-value-removed', entity: 'tool' as const, name: 'search', pointer: '/inputSchema/properties/mode/enum', message: 'Tool `search`: value "exact" is no longer accepted for `mode`.' };
    expect(changeDetail(bare)).toBe('value "exact" is no longer accepted for `mode`');
    expect(changeDetail({ ...bare, rule: 'no-such-rule', name: 'other' })).toBe(bare.message);
  });

  it('only schema rules word a detail of their own', () => {
    expect(RULES.filter((rule) => rule.detail !== undefined)).toHaveLength(SCHEMA_RULES.length);
  });
});
