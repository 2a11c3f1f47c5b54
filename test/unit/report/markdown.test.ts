import { describe, expect, it } from 'vitest';
import { codeBlock, escapeMarkdown, escapeMessage, renderMarkdown } from '../../../src/report/markdown.js';
import { fingerprint } from '../../../src/policy/fingerprint.js';
import { CHANGES, sampleReport } from './sample.js';

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(sampleReport());

  it('has a title, a summary table, a table of every change and one collapsed section per entity', () => {
    expect(markdown.startsWith('### ❌ mcp-compat: 2 changes at or above breaking\n')).toBe(true);
    expect(markdown).toContain('| 🔴 breaking | 2 | 0 |\n| 🟠 risky | 1 | 0 |\n| 🟢 compatible | 2 | 0 |');
    expect(markdown).toContain(`| 🔴 **fails** | Tool <code>delete_note</code> was removed. | <code>tool-removed</code> · <code>${fingerprint(CHANGES[1]!)}</code> |`);
    expect(markdown.match(/^\| (🔴|🟠|🟢)( \*\*fails\*\*)? \| /gm)).toHaveLength(5);
    expect(markdown.match(/<details><summary>(Tool|Code)/g)).toHaveLength(6);
    expect(markdown).not.toContain('<details open>');
    expect(markdown).toContain('<details><summary>Tool <code>delete_note</code>: 🔴 1 breaking</summary>');
    expect(markdown).toContain('<details><summary>Tool <code>add_tag</code>: 🟢 1 compatible</summary>');
    expect(markdown.match(/<details/g)?.length).toBe(markdown.match(/<\/details>/g)?.length);
    expect(markdown.indexOf('#### Changes')).toBeLessThan(markdown.indexOf('#### Details'));
  });

  it('puts suggestion code, collapsed, in fenced code blocks that the snippet cannot close, in the chosen languages', () => {
    // The delete_note snippet contains ``` itself, so its fence is four backticks.
    expect(markdown).toContain("<details><summary>Code: TypeScript</summary>\n\n````ts\nserver.registerTool('delete_note'");
    expect(markdown).toContain("```ts\nserver.registerTool('search_v2'");
    expect(markdown).not.toContain('```python');
    const both = renderMarkdown(sampleReport(), { languages: ['typescript', 'python'] });
    expect(both).toContain('<details><summary>Code: Python</summary>\n\n```python\n@mcp.tool(name="search_v2")');
    const python = renderMarkdown(sampleReport(), { languages: ['python'] });
    expect(python).not.toContain('```ts');
    const none = renderMarkdown(sampleReport(), { suggestions: 'none' });
    expect(none).not.toContain('Suggestion');
    expect(none).not.toContain('```ts');
  });

  it('ends with the acknowledge command and the refresh command, not pasted entries', () => {
    expect(markdown).toContain('#### What to do now');
    expect(markdown).toContain(`\`\`\`sh\nmcp-compat acknowledge --reason "..." ${fingerprint(CHANGES[1]!)} ${fingerprint(CHANGES[3]!)}\n\`\`\``);
    expect(markdown).not.toContain('```json');
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
    expect(markdown).toContain('<code>evil&#60;img src=x onerror=alert(1)&#62;&#124;&#64;octo-org/team &#35;1</code>');
    expect(markdown).toContain('&#91;x&#93;(https&#58;//evil.example) &#60;script&#62;');
  });

  it('says when it passes', () => {
    expect(renderMarkdown(sampleReport({}, [])).split('\n')[0]).toBe('### ✅ mcp-compat: no changes');
    expect(renderMarkdown(sampleReport({ failOn: 'none' }))).not.toContain('What to do now');
  });

  it('reports a failed version check, with the version to declare as the next step', () => {
    const markdown = renderMarkdown(sampleReport({ nextVersion: '1.0.1', failOn: 'none' }));
    expect(markdown.split('\n')[0]).toBe('### ❌ mcp-compat: version bump too small');
    expect(markdown).toContain('❌ **Version:** 1.0.0 -&#62; 1.0.1 is a patch bump');
    expect(markdown).toContain('Declare version 2.0.0 or higher');
    expect(markdown).not.toContain('refresh the baseline');
    expect(CHANGES).toHaveLength(5);
  });
});

describe('escapeMarkdown / escapeMessage / codeBlock', () => {
  it('shows backquoted names in messages as code, escaped', () => {
    expect(escapeMessage('Tool `a<b>` was removed.')).toBe('Tool <code>a&#60;b&#62;</code> was removed.');
    expect(escapeMessage('odd ` quote')).toBe('odd &#96; quote');
  });

  it('turns only characters that can start markup into character references, and breaks mentions, references and links', () => {
    expect(escapeMarkdown('a_b*c`d<e>&|[x]\\')).toBe('a_b&#42;c&#96;d&#60;e&#62;&#38;&#124;&#91;x&#93;&#92;');
    expect(escapeMarkdown('notes.v2_beta: 1.2.3-rc.1 (a/b) ~x! $y =z')).toBe('notes.v2_beta: 1.2.3-rc.1 (a/b) ~x! $y =z');
    expect(escapeMarkdown('@team #12 GH-34 https://x.example www.x.example')).toBe('@&#8203;team #&#8203;12 GH-&#8203;34 https&#58;//x.example www&#46;x.example');
    expect(escapeMarkdown('line\nbreak')).toBe('line break');
  });

  it('picks a fence longer than any backtick run', () => {
    expect(codeBlock('a ````` b', 'ts')).toBe('``````ts\na ````` b\n``````');
    expect(codeBlock('plain')).toBe('```\nplain\n```');
  });
});

// fixtures/snapshots/pairs/repeated-subjects (see fixtures/snapshots/pairs/README.md).
describe('renderMarkdown on changes repeated across tools with different subjects', async () => {
  const { pairReport } = await import('./pairs.js');
  const report = await pairReport('repeated-subjects');
  const markdown = renderMarkdown(report);
  const rows = markdown.split('\n').filter((line) => line.startsWith('| '));
  const row = (rule: string) => rows.find((line) => line.endsWith(` | <code>${rule}</code> |`));

  it('counts and names each tool of a row once', () => {
    expect(row('input-required-property-added')).toMatch(/^\| 🔴 \*\*fails\*\* \| 7 tools at <code>\/inputSchema\/required<\/code>:<br>/);
    expect(row('input-required-property-removed')).toMatch(/^\| 🟢 \| 3 tools at <code>\/inputSchema\/required<\/code>: <code>drag<\/code>, <code>navigate<\/code>, <code>upload_file<\/code><br>e\.g\. /);
    for (const line of rows) expect(line).not.toMatch(/(<code>[^<]+<\/code>), \1/);
  });

  it('names every distinct breaking subject of a row, each with its tools', () => {
    expect(row('input-required-property-added')).toBe(
      '| 🔴 **fails** | 7 tools at <code>/inputSchema/required</code>:<br><code>pageId</code> is now required on 6 tools: <code>click</code>, <code>drag</code>, <code>fill</code>, <code>hover</code>, <code>navigate</code>, <code>upload_file</code><br><code>level</code> is now required on <code>console_messages</code><br><code>filePaths</code> is now required on <code>upload_file</code> | <code>input-required-property-added</code> |',
    );
    const table = markdown.slice(markdown.indexOf('#### Changes'), markdown.indexOf('#### Details'));
    for (const change of report.changes.filter((change) => change.severity !== 'compatible')) expect(table).toContain(escapeMessage(change.detail));
  });

  it('shows a compatible row with more than three subjects, or whose changes all say the same, as its names and one example', () => {
    expect(row('input-required-property-removed')).toBe(
      '| 🟢 | 3 tools at <code>/inputSchema/required</code>: <code>drag</code>, <code>navigate</code>, <code>upload_file</code><br>e.g. Tool <code>drag</code> input <code>endUid</code>: <code>endUid</code> is no longer required; existing calls keep working. | <code>input-required-property-removed</code> |',
    );
    expect(row('input-property-now-accepted')).toMatch(/: <code>click<\/code>, <code>drag<\/code>, <code>fill<\/code>, <code>hover<\/code>, <code>navigate<\/code>, <code>upload_file<\/code><br>e\.g\. Tool <code>click<\/code> input <code>pageId<\/code>: /);
  });

  it('gives each tool one collapsed section, with its suggestion once', () => {
    expect(markdown.match(/^<details><summary>Tool <code>upload_file<\/code>/gm)).toHaveLength(1);
    expect(markdown.match(/\*\*Suggestion:\*\* Restore <code>upload_file<\/code>/g)).toHaveLength(1);
  });

  it('at every budget, names a tool once per row', () => {
    const everything = renderMarkdown(report, { budget: 10_000_000 }).length;
    for (let budget = 0; budget <= everything; budget += 250) {
      for (const line of renderMarkdown(report, { budget }).split('\n').filter((line) => line.startsWith('| '))) {
        expect(line, `at ${budget}`).not.toMatch(/(<code>[^<]+<\/code>), \1/);
        expect(line, `at ${budget}`).not.toMatch(/^\| [^|]* \| 8 tools/);
      }
    }
  });
});
