import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { changeSubject, fingerprint } from '../../../src/policy/fingerprint.js';

describe('fingerprint', () => {
  const change = { rule: 'tool-removed', entity: 'tool' as const, name: 'search', pointer: '' };

  it('is 12 lowercase hex characters and stable across runs', () => {
    expect(fingerprint(change)).toMatch(/^[0-9a-f]{12}$/);
    // Pinned: acknowledgements in users' config files depend on this value never changing.
    expect(fingerprint(change)).toBe(fingerprint({ ...change }));
    expect(fingerprint({ rule: 'input-enum-value-removed', entity: 'tool', name: 'search', pointer: '/inputSchema/properties/mode/enum' })).toBe(
      fingerprint({ pointer: '/inputSchema/properties/mode/enum', name: 'search', entity: 'tool', rule: 'input-enum-value-removed' }),
    );
  });

  it('is the first 12 hex characters of the SHA-256 of the JSON array [rule, entity, name, pointer], as node:crypto computes it', () => {
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
    // Acknowledgements already written into users' config files hold values computed this way.
    expect(fingerprint(change)).toBe('ca59201f22f5');
    expect(sha256(JSON.stringify(['tool-removed', 'tool', 'search', '']))).toBe('ca59201f22f5');
    for (const name of ['search', 'recherche_é', '検索', '🔎 find', 'lone \ud800 surrogate', 'x'.repeat(300)]) {
      const fields = { rule: 'input-enum-value-removed', entity: 'tool' as const, name, pointer: `/inputSchema/properties/${name}/enum` };
      expect(fingerprint(fields), name).toBe(sha256(JSON.stringify([fields.rule, fields.entity, fields.name, fields.pointer])));
    }
  });

  it('differs when any of rule, entity, name or pointer differs', () => {
    const prints = new Set([
      fingerprint(change),
      fingerprint({ ...change, rule: 'tool-added' }),
      fingerprint({ ...change, entity: 'prompt' }),
      fingerprint({ ...change, name: 'search2' }),
      fingerprint({ ...change, pointer: '/description' }),
    ]);
    expect(prints.size).toBe(5);
  });

  it('cannot be made to collide by moving text across field boundaries', () => {
    expect(fingerprint({ rule: 'a', entity: 'tool', name: 'b/c', pointer: '' })).not.toBe(fingerprint({ rule: 'a', entity: 'tool', name: 'b', pointer: '/c' }));
  });

  it('ignores the message, so rewording does not invalidate acknowledgements', () => {
    const withMessage = { ...change, message: 'Tool `search` was removed.' };
    expect(fingerprint(withMessage)).toBe(fingerprint({ ...change, message: 'Tool search is gone' } as typeof withMessage));
  });

  it('with a subject, hashes it after the four fields; without one, is what it always was', () => {
    const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 12);
    const fields = { rule: 'input-required-property-added', entity: 'tool' as const, name: 'search', pointer: '/inputSchema/required' };
    expect(fingerprint({ ...fields, subject: '{"property":"folder"}' })).toBe(sha256(JSON.stringify([...Object.values(fields), '{"property":"folder"}'])));
    expect(fingerprint({ ...fields, subject: undefined })).toBe(sha256(JSON.stringify(Object.values(fields))));
    expect(fingerprint({ ...fields, subject: '{"property":"folder"}' })).not.toBe(fingerprint({ ...fields, subject: '{"property":"mode"}' }));
  });
});

describe('changeSubject', () => {
  it('names the property of a change at a shared `required`', () => {
    expect(changeSubject({ params: { property: 'folder' }, after: ['query', 'folder'] })).toBe('{"property":"folder"}');
  });

  it('holds enum values and types as a set: the order they are listed in does not matter', () => {
    expect(changeSubject({ params: { values: ['exact', 'fuzzy'] } })).toBe(changeSubject({ params: { values: ['fuzzy', 'exact'] } }));
    expect(changeSubject({ params: { values: ['exact'] } })).not.toBe(changeSubject({ params: { values: ['exact', 'fuzzy'] } }));
    expect(changeSubject({ params: { values: [1] } })).not.toBe(changeSubject({ params: { values: ['1'] } }));
    expect(changeSubject({ params: { types: ['string', 'null'] } })).toBe(changeSubject({ params: { types: ['null', 'string'] } }));
  });

  it('takes the new value of a setting, so a bound lowered again is a change of its own', () => {
    expect(changeSubject({ after: 50 })).not.toBe(changeSubject({ after: 10 }));
    expect(changeSubject({ after: null })).toBe('{"after":null}');
    expect(changeSubject({ after: false })).toBe('{"after":false}');
    expect(changeSubject({ after: 'find' })).toBe('{"after":"find"}');
  });

  it('is undefined for a change its pointer names fully, and ignores facts that are not its subject', () => {
    expect(changeSubject({})).toBeUndefined();
    expect(changeSubject({ after: { type: 'string' } })).toBeUndefined();
    expect(changeSubject({ params: { similarity: 0.9, keyword: 'anyOf' } })).toBeUndefined();
  });
});
