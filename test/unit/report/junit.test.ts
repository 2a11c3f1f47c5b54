import { describe, expect, it } from 'vitest';
import { escapeXml, renderJunit } from '../../../src/report/junit.js';
import { sampleReport } from './sample.js';

describe('renderJunit', () => {
  const xml = renderJunit(sampleReport());

  it('has a test case per tool, failing for breaking changes', () => {
    const cases = [...xml.matchAll(/<testcase classname="([^"]*)" name="([^"]*)">/g)].map((match) => `${match[1]} ${match[2]}`);
    expect(cases).toEqual([
      'mcp-compat.tool add_tag',
      'mcp-compat.tool delete_note',
      'mcp-compat.tool evil&lt;img src=x onerror=alert(1)&gt;|@octo-org/team #1',
      'mcp-compat.tool search',
    ]);
    expect(xml).toContain('<testsuites name="mcp-compat" tests="4" failures="2" errors="0">');
    expect(xml.match(/<failure /g)).toHaveLength(2);
    expect(xml).toContain('<failure message="Tool `delete_note` was removed." type="tool-removed">');
    // The risky change on `search` is reported, not failed.
    expect(xml).toMatch(/<system-out>risky: tool-read-only-hint-removed/);
  });

  it('is well-formed: server text cannot break out of attributes or elements', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
    expect(xml).not.toMatch(/<(script|img)/);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const opened = xml.match(/<(testcase|testsuite|testsuites|failure|system-out)[ >]/g)?.length;
    const closed = (xml.match(/<\/(testcase|testsuite|testsuites|failure|system-out)>/g)?.length ?? 0) + (xml.match(/\/>/g)?.length ?? 0);
    expect(opened).toBe(closed);
  });

  it('adds a release test case when a version is checked', () => {
    const failed = renderJunit(sampleReport({ requireBump: true }));
    expect(failed).toContain('<testcase classname="mcp-compat.release" name="version 1.1.0">');
    expect(failed).toContain('type="version-bump-too-small"');
    expect(failed).toContain('failures="3"');
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"c\'\u0001\n')).toBe('a&lt;b&gt;&amp;&quot;c&apos;&#10;');
  });
});
