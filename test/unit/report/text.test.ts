import { describe, expect, it } from 'vitest';
import type { Change } from '../../../src/diff/model.js';
import { fingerprint } from '../../../src/policy/fingerprint.js';
import { renderText, shouldColor } from '../../../src/report/text.js';
import { CHANGES, sampleReport } from './sample.js';

describe('renderText', () => {
  const text = renderText(sampleReport());

  it('groups by severity then entity, one line per change, with a suggestion per tool under breaking changes', () => {
    const lines = text.split('\n');
    const at = (needle: string) => lines.findIndex((line) => line.includes(needle));
    expect(lines[0]).toBe('notes 1.0.0 -> notes 1.1.0');
    expect(at('BREAKING (2)')).toBeLessThan(at('RISKY (1)'));
    expect(at('RISKY (1)')).toBeLessThan(at('COMPATIBLE (2)'));
    expect(at('  tool delete_note')).toBeGreaterThan(at('BREAKING (2)'));
    expect(lines[at('Tool `delete_note` was removed.')]).toBe(`    x Tool \`delete_note\` was removed.  [tool-removed ${fingerprint(CHANGES[1]!)}]`);
    expect(at('suggestion: Keep `delete_note`')).toBe(at('Tool `delete_note` was removed.') + 1);
    // Code only with --suggestions full, in the chosen languages.
    expect(text).not.toContain('registerTool');
    const full = renderText(sampleReport(), { suggestions: 'full' }).split('\n');
    expect(full[full.findIndex((line) => line.includes('suggestion: Keep')) + 1]).toMatch(/^ {8}server\.registerTool\('delete_note'/);
    expect(full.join('\n')).not.toContain('@mcp.tool');
    expect(renderText(sampleReport(), { suggestions: 'full', languages: ['python'] })).toContain('        @mcp.tool(name="search_v2")');
    expect(renderText(sampleReport(), { suggestions: 'none' })).not.toContain('suggestion');
    expect(text.match(/suggestion:/g)).toHaveLength(2);
    // A change made risky by an override keeps its suggestion out of the terminal report.
    expect(renderText(sampleReport({ severity: { 'input-enum-value-removed': 'risky' } }))).not.toContain('search_v2');
  });

  it('ends with a one-line summary and then exactly what to do', () => {
    expect(text).toContain('2 breaking, 1 risky, 2 compatible; recommended bump: major; FAILED (fail-on: breaking)');
    const tail = text.slice(text.indexOf('What to do now:'));
    expect(tail.trimEnd().split('\n')).toEqual([
      'What to do now:',
      '  If these 2 changes are intended, acknowledge them in mcp-compat.config.json (replace ... with the reason):',
      `    mcp-compat acknowledge --reason "..." ${fingerprint(CHANGES[1]!)} ${fingerprint(CHANGES[3]!)}`,
      '  Then refresh the baseline:',
      '    mcp-compat check --baseline mcp-snapshot.json --update -- node server.js',
    ]);
  });

  it('after a failed version gate, says which version to declare and not to refresh the baseline', () => {
    const gate = renderText(sampleReport({ failOn: 'none', nextVersion: '1.0.1' }));
    expect(gate.slice(gate.indexOf('What to do now:')).trimEnd().split('\n')).toEqual([
      'What to do now:',
      "  Declare version 2.0.0 or higher: as the server's version in the head snapshot, or with --next-version 2.0.0.",
    ]);
  });

  it('prints no next steps when the run passes', () => {
    const passed = renderText(sampleReport({ failOn: 'none' }));
    expect(passed).toContain('passed (fail-on: none)');
    expect(passed).not.toContain('What to do now');
  });

  it('strips escape sequences and line breaks from server text', () => {
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('Click here red **bold**');
    expect(text).not.toMatch(/^::error::forged/m);
  });

  it('colours only when asked', () => {
    expect(text).not.toContain('\u001b[');
    expect(renderText(sampleReport(), { color: true })).toContain('\u001b[31m');
  });

  it('marks acknowledged and expired changes', () => {
    const acknowledged = renderText(sampleReport({ acknowledged: [{ fingerprint: fingerprint(CHANGES[1]!), reason: 'v1 clients are gone', source: '/acknowledged/0' }] }));
    expect(acknowledged).toContain('acknowledged: v1 clients are gone');
    expect(acknowledged).toContain('(1 acknowledged)');
    const expired = renderText(sampleReport({ today: '2027-01-01', acknowledged: [{ fingerprint: fingerprint(CHANGES[1]!), reason: 'r', expires: '2026-12-31', source: '/acknowledged/0' }] }));
    expect(expired).toContain('acknowledgement expired 2026-12-31');
    expect(expired).toContain('note: The acknowledgement at /acknowledged/0 expired on 2026-12-31');
  });
});

describe('renderText on a large release', () => {
  it('shows a change repeated across many tools once, with the first names, and one suggestion line for all of them', async () => {
    const { join } = await import('node:path');
    const { diffSnapshots } = await import('../../../src/diff/diff-snapshots.js');
    const { buildReport } = await import('../../../src/policy/build-report.js');
    const { readSnapshot } = await import('../../../src/snapshot/read.js');
    const pair = new URL('../../../fixtures/snapshots/pairs/big-release/', import.meta.url).pathname;
    const [base, head] = await Promise.all([readSnapshot(join(pair, 'base.json')), readSnapshot(join(pair, 'head.json'))]);
    const report = buildReport({ diff: diffSnapshots(base, head), base, head, policy: { failOn: 'breaking', today: '2026-06-01', acknowledgeAllCommand: 'mcp-compat acknowledge --reason "..." --all base.json head.json' } });
    const text = renderText(report);
    const lines = text.trimEnd().split('\n');
    expect(report.changes.length).toBe(356);
    expect(lines.length).toBeLessThan(40);
    expect(lines).toContain(
      '  x input-additional-properties-closed at /inputSchema/additionalProperties on 118 tools: archive_document_00004, archive_document_00113, archive_report_00068, archive_ticket_00055, assign_contact_00116, assign_customer_00035, assign_deployment_00011, assign_file_00070, and 110 more',
    );
    expect(lines.filter((line) => line.includes('suggestion'))).toHaveLength(4);
    expect(text).toContain('  suggestion for each of these 118 tools, e.g. Restore `archive_document_00004`');
    expect(lines.at(-1)).toBe('    mcp-compat acknowledge --reason "..." --all base.json head.json');
    // With --suggestions full, every tool's suggestion with its code, once per tool.
    const full = renderText(report, { suggestions: 'full' });
    expect(full.match(/suggestion: /g)).toHaveLength(120);
    expect(full.match(/server\.registerTool\(/g)).toHaveLength(120);
  });
});

describe('shouldColor', () => {
  it.each([
    [{ isTTY: true }, {}, true],
    [{ isTTY: false }, {}, false],
    [{ isTTY: true }, { NO_COLOR: '1' }, false],
    [{ isTTY: true }, { NO_COLOR: '' }, true],
    [{ isTTY: false }, { FORCE_COLOR: '1' }, true],
    [{ isTTY: true }, { FORCE_COLOR: '0' }, false],
    [{ isTTY: false }, { FORCE_COLOR: '1', NO_COLOR: '1' }, false],
  ])('%j with %j -> %s', (stream, env, expected) => {
    expect(shouldColor(stream, env)).toBe(expected);
  });
});

// fixtures/snapshots/pairs/repeated-subjects: `pageId` newly required on six tools, `upload_file`
// also newly requiring `filePaths` and `console_messages` `level`; a different enum value removed
// from `format` on three tools; tools whose breaking changes all sit in those groups also having
// risky and compatible changes of their own.
describe('renderText on changes repeated across tools with different subjects', async () => {
  const { pairReport } = await import('./pairs.js');
  const report = await pairReport('repeated-subjects');
  const text = renderText(report);
  const lines = text.split('\n');

  it('counts and names each tool of a group once', () => {
    expect(lines).toContain('  x input-required-property-added at /inputSchema/required on 7 tools:');
    expect(lines).toContain('  - input-property-now-accepted at /inputSchema/properties/pageId on 6 tools: click, drag, fill, hover, navigate, upload_file');
    expect(lines).toContain('  - input-required-property-removed at /inputSchema/required on 3 tools: drag, navigate, upload_file');
    expect(text).not.toMatch(/\b(\w+), \1\b/);
  });

  it('names every distinct breaking subject of a group, each with its tools', () => {
    const group = lines.indexOf('  x input-required-property-added at /inputSchema/required on 7 tools:');
    expect(lines.slice(group + 1, group + 4)).toEqual([
      '      `pageId` is now required on 6 tools: click, drag, fill, hover, navigate, upload_file',
      '      `level` is now required on console_messages',
      '      `filePaths` is now required on upload_file',
    ]);
    const enums = lines.indexOf('  x input-enum-value-removed at /inputSchema/properties/format/enum on 3 tools:');
    expect(lines.slice(enums + 1, enums + 4)).toEqual([
      '      value `a3` is no longer allowed on pdf',
      '      value `webp` is no longer allowed on screenshot',
      '      value `yaml` is no longer allowed on snapshot',
    ]);
    for (const change of report.changes.filter((change) => change.severity !== 'compatible')) expect(text).toContain(change.detail);
  });

  it('shows a compatible group with more than three subjects as its names and one example, one with fewer by subject', () => {
    const group = lines.indexOf('  - input-required-property-removed at /inputSchema/required on 3 tools: drag, navigate, upload_file');
    expect(lines[group + 1]).toBe('      e.g. Tool `drag` input `endUid`: `endUid` is no longer required; existing calls keep working.');
    const optional = (name: string, property: string): Change => ({
      rule: 'input-required-property-removed',
      severity: 'compatible',
      entity: 'tool',
      name,
      pointer: '/inputSchema/required',
      message: `Tool \`${name}\` input \`${property}\`: \`${property}\` is no longer required; existing calls keep working.`,
      params: { path: property, direction: 'input', property },
    });
    const fewer = renderText(sampleReport({}, [optional('t1', 'a'), optional('t2', 'a'), optional('t3', 'b')])).split('\n');
    const at = fewer.indexOf('  - input-required-property-removed at /inputSchema/required on 3 tools:');
    expect(fewer.slice(at + 1, at + 4)).toEqual(['      `a` is no longer required on 2 tools: t1, t2', '      `b` is no longer required on t3', '']);
  });

  it('keeps one line and one example for a group whose changes all say the same', () => {
    const group = lines.indexOf('  - input-property-now-accepted at /inputSchema/properties/pageId on 6 tools: click, drag, fill, hover, navigate, upload_file');
    expect(lines[group + 1]).toBe('      e.g. Tool `click` input `pageId`: property `pageId` is now allowed; existing calls keep working.');
  });

  it('prints the suggestion once per tool: not again under risky or compatible changes for the tools of the one line', () => {
    expect(text).toContain('  suggestion for each of these 9 tools, e.g. Restore `click`');
    expect(lines.filter((line) => line.includes('suggestion'))).toHaveLength(3);
    expect(lines.filter((line) => line.includes('suggestion:')).map((line) => line.match(/Restore `(\w+)`/)?.[1])).toEqual(['upload_file']);
    const full = renderText(report, { suggestions: 'full' });
    for (const tool of ['click', 'console_messages', 'drag', 'fill', 'hover', 'navigate', 'pdf', 'screenshot', 'snapshot', 'upload_file']) {
      expect(full.match(new RegExp(`suggestion: Restore \`${tool}\``, 'g'))).toHaveLength(1);
    }
  });
});
