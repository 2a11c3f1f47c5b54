import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { buildReport } from '../../../src/policy/build-report.js';
import { changeFingerprint } from '../../../src/policy/fingerprint.js';
import { renderReport } from '../../../src/report/index.js';
import type { Snapshot } from '../../../src/snapshot/model.js';
import { readSnapshot } from '../../../src/snapshot/read.js';
import { checkWellFormed } from '../../support/well-formed-xml.js';
import { validateSarif } from '../../support/sarif-schema.js';

// fixtures/snapshots/pairs/hostile: server text with terminal escapes (CSI, OSC 8 links, C1), bidi
// controls, HTML, markdown links and images, mentions, issue references, comments, backticks,
// table pipes, forged lines and workflow commands, XML specials and characters XML cannot carry,
// in tool and prompt names, titles, enum values, property names and a MIME type.

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const PAIR = join(ROOT, 'fixtures', 'snapshots', 'pairs', 'hostile');
const base = await readSnapshot(join(PAIR, 'base.json'));
const head = await readSnapshot(join(PAIR, 'head.json'));
const diff = diffSnapshots(base, head);
const acknowledged = diff.changes.find((change) => change.rule === 'tool-title-instructions-added');
const report = buildReport({
  diff,
  base,
  head,
  sources: { base: { path: 'base.json', text: readFileSync(join(PAIR, 'base.json'), 'utf8') }, head: { path: 'head.json' } },
  policy: {
    failOn: 'breaking',
    today: '2026-06-01',
    refreshCommand: 'cp head.json base.json',
    acknowledged: acknowledged ? [{ fingerprint: changeFingerprint(acknowledged), reason: 'Reviewed [x](javascript:alert(1)) @someone <b>ok</b>', source: '/acknowledged/0' }] : [],
  },
});
const render = (format: Parameters<typeof renderReport>[1]) => renderReport(report, format, { color: true, toolVersion: '0.1.0' });

const TERMINAL_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SERVER_STRINGS = [...collectStrings(base), ...collectStrings(head)];

function collectStrings(snapshot: Snapshot): string[] {
  const out: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) (out.push(key), walk(item));
  };
  walk(snapshot);
  return out;
}

/** Outside fenced code blocks (whose content is literal), with character references decoded as GitHub does. */
function markdownProse(markdown: string): string {
  return markdown
    .replace(/^ *(`{3,})[^\n]*\n[\s\S]*?^ *\1$/gm, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '<code></code>');
}

function decode(html: string): string {
  return html.replace(/&#(\d+);/g, (_match, code: string) => String.fromCodePoint(Number(code)));
}

describe('hostile server text in every report format', () => {
  it('the pair produces the changes that carry it', () => {
    const rules = diff.changes.map((change) => change.rule);
    for (const rule of ['tool-removed', 'tool-added', 'tool-title-instructions-added', 'input-enum-value-added', 'input-property-added', 'prompt-argument-added-required', 'prompt-title-changed', 'server-title-changed', 'resource-metadata-changed', 'tool-schema-description-instructions-added']) {
      expect(rules).toContain(rule);
    }
    expect(acknowledged).toBeDefined();
    expect(SERVER_STRINGS.some((text) => text.includes('\u001b]8;;'))).toBe(true);
  });

  it('text: no escape sequence, C0/C1 control or bidi control, and no line forged by server text', () => {
    const text = renderReport(report, 'text', { color: false });
    expect(text).not.toMatch(TERMINAL_CONTROL);
    expect(text).not.toMatch(BIDI);
    for (const line of text.split('\n')) expect(line).not.toMatch(/^\s*(::|##\[)/);
    // With colours on, the only escape sequences are SGR colour codes of the report's own.
    const coloured = render('text');
    expect(coloured.replace(/\u001b\[\d+(;\d+)*m/g, '')).not.toMatch(TERMINAL_CONTROL);
  });

  it('markdown: no raw HTML of the server, no link or image syntax, no active mention or issue reference', () => {
    const markdown = render('markdown');
    expect(markdown).not.toMatch(TERMINAL_CONTROL);
    expect(markdown).not.toMatch(BIDI);
    const prose = markdownProse(markdown);
    // The only tags are the report's own.
    for (const tag of prose.match(/<\/?[A-Za-z!][^>]*>?/g) ?? []) expect(tag).toMatch(/^<\/?(details|summary|code|br)>$/);
    expect(prose).not.toMatch(/[[\]]/);
    expect(prose).not.toMatch(/<!--/);
    let header: number | undefined;
    for (const line of prose.split('\n')) {
      expect(line).not.toMatch(/^\s*(::|##\[)/);
      // Table rows keep the cells of their table's header.
      if (!line.startsWith('|')) header = undefined;
      else if (header === undefined) header = line.split('|').length;
      else expect(line.split('|')).toHaveLength(header);
    }
    expect(prose).toContain('| --- |');
    // After character references are decoded (GitHub looks for mentions there), every @ and # is broken.
    const decoded = decode(prose);
    expect(decoded).toContain('@\u200bocto-org/team');
    expect(decoded).toContain('#\u200b123');
    expect(decoded).not.toMatch(/@[A-Za-z0-9]/);
    expect(decoded).not.toMatch(/#\d/);
    expect(decoded).not.toMatch(/\bGH-\d/i);
  });

  it('markdown: code blocks cannot be closed early by backticks in server text', () => {
    const markdown = render('markdown');
    const fences = markdown.match(/^ *`{3,}[a-z]*$/gm) ?? [];
    expect(fences.length % 2).toBe(0);
    for (const match of markdown.matchAll(/^( *)(`{3,})([a-z]*)\n([\s\S]*?)^\1\2$/gm)) {
      const body = match[4] ?? '';
      const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
      expect(longest).toBeLessThan((match[2] ?? '').length);
    }
  });

  it('sarif: valid, plain-text messages with no embedded link, and exact values in properties', () => {
    const sarif = JSON.parse(render('sarif')) as {
      runs: Array<{
        results: Array<{
          message: { text: string; markdown?: string };
          properties: { name: string };
          locations?: Array<{ logicalLocations: Array<{ name: string; fullyQualifiedName: string }> }>;
          suppressions?: Array<{ justification: string }>;
        }>;
      }>;
    };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors)).toBe(true);
    const results = sarif.runs[0]?.results ?? [];
    expect(results.length).toBe(diff.changes.length);
    for (const result of results) {
      expect(result.message.markdown).toBeUndefined();
      const shown = [result.message.text, ...(result.suppressions ?? []).map((s) => s.justification), ...(result.locations?.[0]?.logicalLocations ?? []).flatMap((l) => [l.name, l.fullyQualifiedName])];
      for (const text of shown) {
        expect(text.replace(/\n/g, ' ')).not.toMatch(TERMINAL_CONTROL);
        expect(text).not.toMatch(BIDI);
      }
      // Every bracket in a message is escaped: SARIF reads `[text](target)` as a link.
      for (const text of [result.message.text, ...(result.suppressions ?? []).map((s) => s.justification)]) {
        for (const match of text.matchAll(/(\\*)[[\]]/g)) expect((match[1] ?? '').length % 2).toBe(1);
      }
      expect(SERVER_STRINGS).toContain(result.properties.name);
    }
    expect(results.some((result) => result.suppressions?.[0]?.justification.includes('\\[x\\]'))).toBe(true);
  });

  it('github: every line is a command of the report or plain text of its own; server text cannot start a command', () => {
    const lines = render('github').trimEnd().split('\n');
    for (const line of lines) {
      expect(line).toMatch(/^(::(error|warning|notice)( [^:]*)?::|mcp-compat: |To accept|To pass|Refresh the baseline)/);
      expect(line).not.toMatch(/[\r\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(line).not.toMatch(BIDI);
      const command = /^::(error|warning|notice) ([^:]*)::/.exec(line);
      // Properties: only file, line and title, with `,` and `:` of server text escaped.
      if (command) expect(command[2]).toMatch(/^(file|line|title)=[^,:]*(,(file|line|title)=[^,:]*)*$/);
    }
    expect(lines.some((line) => line.includes('%0A'))).toBe(true);
  });

  it('junit: well-formed XML with only characters XML may carry', () => {
    const xml = render('junit');
    expect(() => checkWellFormed(xml)).not.toThrow();
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(xml).not.toMatch(/\u001b/);
  });

  it('json: the exact strings the server sent, escape sequences included', () => {
    const json = JSON.parse(render('json')) as { changes: Array<{ rule: string; name: string; before?: unknown; after?: unknown }> };
    const added = head.tools.find((tool) => tool.name.startsWith('added_'));
    expect(json.changes.find((change) => change.rule === 'tool-added')?.name).toBe(added?.name);
    expect(added?.name).toContain('\u001b]8;;');
    const title = head.tools.find((tool) => tool.name === 'search')?.title;
    expect(json.changes.find((change) => change.rule === 'tool-title-instructions-added')?.after).toBe(title);
    const enumValues = json.changes.find((change) => change.rule === 'input-enum-value-added')?.after as string[];
    expect(enumValues).toEqual((head.tools.find((tool) => tool.name === 'search')?.inputSchema.properties as { mode: { enum: string[] } }).mode.enum);
    for (const change of json.changes) expect(SERVER_STRINGS.concat(['notes'])).toContain(change.name);
  });
});
