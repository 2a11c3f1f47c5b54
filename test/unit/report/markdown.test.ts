import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMarkdown, escapeMessage, renderMarkdown } from '../../../src/report/markdown.js';
import { CHANGES, sampleReport } from './sample.js';

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(sampleReport());

  it('has a title, a summary table and one collapsible section per entity', () => {
    expect(markdown.startsWith('### ❌ mcp-compat: 2 changes at or above breaking\n')).toBe(true);
    expect(markdown).toContain('| 🔴 breaking | 2 | 0 |\n| 🟠 risky | 1 | 0 |\n| 🟢 compatible | 2 | 0 |');
    expect(markdown.match(/<details/g)).toHaveLength(4);
    expect(markdown).toContain('<details open><summary>Tool <code>delete&#95;note</code>: 🔴 1 breaking</summary>');
    expect(markdown).toContain('<details><summary>Tool <code>add&#95;tag</code>: 🟢 1 compatible</summary>');
    expect(markdown.match(/<details/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
  });

  it('puts suggestions in fenced code blocks that the snippet cannot close', () => {
    // The delete_note snippet contains ``` itself, so its fence is four backticks.
    expect(markdown).toContain("  ````ts\n  server.registerTool('delete_note'");
    expect(markdown).toContain("  ```ts\n  server.registerTool('search_v2'");
    expect(markdown).toContain('  ```python\n  @mcp.tool(name="search_v2")');
  });

  it('ends with the acknowledgement entries and the refresh command', () => {
    expect(markdown).toContain('#### What to do now');
    expect(markdown).toMatch(/```json\n\{\n {2}"fingerprint": "[0-9a-f]{12}",\n {2}"rule": "tool-removed"/);
    expect(markdown.trimEnd().endsWith('```sh\nmcp-compat check --baseline mcp-snapshot.json --update -- node server.js\n```')).toBe(true);
  });

  it('escapes server text so it cannot inject markup, HTML, mentions or commands', () => {
    const hostile = markdown.split('\n').filter((line) => line.includes('evil'));
    expect(hostile.length).toBeGreaterThan(0);
    for (const line of hostile) {
      expect(line).not.toMatch(/<(img|script)/i);
      expect(line).not.toMatch(/\[x\]\(/);
      expect(line).not.toContain('@octo');
      expect(line).not.toContain('@someone');
      expect(line).not.toMatch(/(?<!&)#\d/);
      expect(line).not.toContain('| cell |');
      expect(line).not.toContain('\u001b');
    }
    expect(markdown).not.toMatch(/^::error::forged/m);
    expect(markdown).toContain('evil&#60;img src&#61;x onerror&#61;alert&#40;1&#41;&#62;&#124;&#64;octo&#45;org&#47;team &#35;1');
  });

  it('says when it passes', () => {
    expect(renderMarkdown(sampleReport({}, [])).split('\n')[0]).toBe('### ✅ mcp-compat: no changes');
    expect(renderMarkdown(sampleReport({ failOn: 'none' }))).not.toContain('What to do now');
  });

  it('reports a failed version check', () => {
    const markdown = renderMarkdown(sampleReport({ nextVersion: '1.0.1', failOn: 'none' }));
    expect(markdown.split('\n')[0]).toBe('### ❌ mcp-compat: version bump too small');
    expect(markdown).toContain('❌ **Version:** 1&#46;0&#46;0');
    expect(CHANGES).toHaveLength(5);
  });
});

describe('escapeMarkdown / escapeMessage / codeBlock', () => {
  it('shows backquoted names in messages as code, escaped', () => {
    expect(escapeMessage('Tool `a<b>` was removed.')).toBe('Tool <code>a&#60;b&#62;</code> was removed&#46;');
    expect(escapeMessage('odd ` quote')).toBe('odd &#96; quote');
  });

  it('turns every ASCII punctuation character into a character reference', () => {
    expect(escapeMarkdown('a_b*c`d<e>&|')).toBe('a&#95;b&#42;c&#96;d&#60;e&#62;&#38;&#124;');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });

  it('picks a fence longer than any backtick run', () => {
    expect(codeBlock('a ````` b', 'ts')).toBe('``````ts\na ````` b\n``````');
    expect(codeBlock('plain')).toBe('```\nplain\n```');
  });
});
