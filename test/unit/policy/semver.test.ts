import { describe, expect, it } from 'vitest';
import { checkDeclaredVersion, recommendBump } from '../../../src/policy/semver.js';

describe('recommendBump', () => {
  it('follows breaking -> major, additions -> minor, anything else -> patch, nothing -> none', () => {
    expect(recommendBump([])).toBe('none');
    expect(recommendBump([{ rule: 'tool-description-changed', severity: 'compatible' }])).toBe('patch');
    expect(recommendBump([{ rule: 'tool-description-changed', severity: 'compatible' }, { rule: 'tool-added', severity: 'compatible' }])).toBe('minor');
    expect(recommendBump([{ rule: 'tool-added', severity: 'compatible' }, { rule: 'tool-removed', severity: 'breaking' }])).toBe('major');
    expect(recommendBump([{ rule: 'tool-read-only-hint-removed', severity: 'risky' }])).toBe('patch');
  });

  it('uses the severity after policy: a downgraded removal falls back to its rule bump', () => {
    expect(recommendBump([{ rule: 'tool-removed', severity: 'risky' }])).toBe('patch');
    expect(recommendBump([{ rule: 'tool-description-changed', severity: 'breaking' }])).toBe('major');
  });

  it('treats an unknown rule id as patch instead of throwing', () => {
    expect(recommendBump([{ rule: 'from-a-newer-version', severity: 'compatible' }])).toBe('patch');
  });
});

describe('checkDeclaredVersion', () => {
  it.each([
    ['1.4.2', '2.0.0', 'major', true, 'major'],
    ['1.4.2', '1.5.0', 'major', false, 'minor'],
    ['1.4.2', '1.5.0', 'minor', true, 'minor'],
    ['1.4.2', '1.4.3', 'minor', false, 'patch'],
    ['1.4.2', '1.4.3', 'patch', true, 'patch'],
    ['1.4.2', '2.0.0', 'patch', true, 'major'],
    ['1.4.2', '1.4.2', 'none', true, 'none'],
    ['1.4.2', '1.4.2', 'patch', false, 'none'],
    ['1.4.2', '1.3.0', 'none', false, 'minor'],
  ] as const)('%s -> %s with %s required: ok=%s (declared %s)', (base, next, required, ok, declared) => {
    const result = checkDeclaredVersion(base, next, required);
    expect(result.ok).toBe(ok);
    expect(result.declared).toBe(declared);
    expect(result.message.length).toBeGreaterThan(10);
  });

  it('says which version is lower and what to declare', () => {
    expect(checkDeclaredVersion('1.4.2', '1.3.0', 'none').message).toMatch(/lower than the base version 1\.4\.2/);
    expect(checkDeclaredVersion('1.4.2', '1.4.3', 'major').message).toMatch(/at least 2\.0\.0/);
  });

  it('reads 0.x the way caret ranges do: the first non-zero component is the compatibility boundary', () => {
    expect(checkDeclaredVersion('0.3.1', '0.4.0', 'major').ok).toBe(true);
    expect(checkDeclaredVersion('0.3.1', '0.3.2', 'major').ok).toBe(false);
    expect(checkDeclaredVersion('0.3.1', '0.3.2', 'major').message).toMatch(/0\.4\.0/);
    expect(checkDeclaredVersion('0.3.1', '0.3.2', 'minor').ok).toBe(true);
    expect(checkDeclaredVersion('0.3.1', '1.0.0', 'major').ok).toBe(true);
    expect(checkDeclaredVersion('0.0.3', '0.0.4', 'major').ok).toBe(true);
  });

  it('measures prereleases on major.minor.patch and accepts anything after a prerelease base', () => {
    expect(checkDeclaredVersion('1.4.2', '2.0.0-rc.1', 'major')).toMatchObject({ ok: true, declared: 'major' });
    expect(checkDeclaredVersion('1.4.2', '1.5.0-beta.1', 'major')).toMatchObject({ ok: false, declared: 'minor' });
    expect(checkDeclaredVersion('2.0.0-beta.1', '2.0.0-beta.2', 'major')).toMatchObject({ ok: true, declared: 'none' });
    expect(checkDeclaredVersion('2.0.0-beta.1', '2.0.0', 'major').ok).toBe(true);
    expect(checkDeclaredVersion('2.0.0-beta.2', '2.0.0-beta.1', 'none').ok).toBe(false);
  });

  it('accepts a leading v, as in a git tag', () => {
    expect(checkDeclaredVersion('v1.4.2', 'v2.0.0', 'major')).toMatchObject({ ok: true, declared: 'major' });
    expect(checkDeclaredVersion('1.4.2', 'v1.5.0', 'minor').ok).toBe(true);
  });

  it('ignores build metadata', () => {
    expect(checkDeclaredVersion('1.0.0+build.1', '1.0.0+build.2', 'none')).toMatchObject({ ok: true, declared: 'none' });
  });

  it('returns a failed check, not an exception, for invalid versions', () => {
    const result = checkDeclaredVersion('1.0', 'banana', 'major');
    expect(result.ok).toBe(false);
    expect(result.declared).toBe('none');
    expect(result.message).toMatch(/base version "1\.0" and declared version "banana" is not valid semver/);
    expect(checkDeclaredVersion('1.0.0', '', 'none').ok).toBe(false);
  });
});
