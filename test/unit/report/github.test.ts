import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/policy/fingerprint.js';
import { ANNOTATIONS_PER_LEVEL, escapeData, escapeProperty, renderGithub, workflowCommand } from '../../../src/report/github.js';
import { CHANGES, sampleReport } from './sample.js';

describe('renderGithub', () => {
  const output = renderGithub(sampleReport());
  const lines = output.trimEnd().split('\n');

  it('emits one ::error per breaking change and one ::warning per risky change, located in the baseline', () => {
    expect(lines.filter((line) => line.startsWith('::error '))).toHaveLength(2);
    expect(lines.filter((line) => line.startsWith('::warning '))).toHaveLength(1);
    expect(lines[0]).toBe(
      `::error file=mcp-snapshot.json,line=1,title=breaking%3A tool-removed (tool delete_note)::Tool \`delete_note\` was removed.%0ASuggestion: Keep \`delete_note\` as a deprecated alias that forwards to \`remove_note\`.%0AFingerprint: ${fingerprint(CHANGES[1]!)}`,
    );
  });

  it('cannot be made to emit a forged workflow command by server text', () => {
    for (const line of lines) expect(line).toMatch(/^(::(error|warning|notice) |mcp-compat: |To accept|To pass|Refresh)/);
    expect(output).not.toContain('\u001b');
  });

  it('ends with the summary and what to do: the acknowledge command, then the refresh command', () => {
    expect(lines.at(-3)).toBe('mcp-compat: 2 breaking, 1 risky, 2 compatible; recommended bump: major; failed (fail-on: breaking)');
    expect(lines.at(-2)).toBe(`To accept the failing changes, acknowledge them in mcp-compat.config.json (replace ... with the reason): mcp-compat acknowledge --reason "..." ${fingerprint(CHANGES[1]!)} ${fingerprint(CHANGES[3]!)}`);
    expect(lines.at(-1)).toBe('Refresh the baseline with: mcp-compat check --baseline mcp-snapshot.json --update -- node server.js');
  });

  it('after a failed version gate, names the version to declare and nothing else', () => {
    const gate = renderGithub(sampleReport({ failOn: 'none', nextVersion: '1.0.1' })).trimEnd().split('\n');
    expect(gate.at(-1)).toBe('To pass the version check, declare version 2.0.0 or higher.');
    expect(gate.join('\n')).not.toContain('Refresh the baseline');
  });

  it('turns acknowledged changes into notices and fails changes at a lower fail-on as errors', () => {
    const acknowledged = renderGithub(sampleReport({ acknowledged: [{ fingerprint: fingerprint(CHANGES[1]!), reason: 'ok', source: '/acknowledged/0' }] }));
    expect(acknowledged.split('\n').filter((line) => line.startsWith('::error '))).toHaveLength(1);
    expect(acknowledged).toContain('::notice file=mcp-snapshot.json,line=1,title=breaking%3A tool-removed');
    const risky = renderGithub(sampleReport({ failOn: 'risky' }));
    expect(risky.split('\n').filter((line) => line.startsWith('::error '))).toHaveLength(3);
  });
});

describe('renderGithub on a tool with several breaking changes (fixtures/snapshots/pairs/repeated-subjects)', async () => {
  const { pairReport } = await import('./pairs.js');
  const report = await pairReport('repeated-subjects');
  const lines = renderGithub(report).trimEnd().split('\n');

  it('past the ten errors GitHub shows, annotates each tool once with all its changes, and says each tool\'s suggestion once', () => {
    const breaking = report.changes.filter((change) => change.severity === 'breaking');
    const tools = [...new Set(breaking.map((change) => change.name))];
    expect(breaking.length).toBeGreaterThan(ANNOTATIONS_PER_LEVEL);
    const errors = lines.filter((line) => line.startsWith('::error '));
    expect(errors).toHaveLength(tools.length);
    for (const change of breaking) expect(errors.filter((line) => line.includes(change.fingerprint)), change.message).toHaveLength(1);
    const uploads = errors.filter((line) => line.includes('(tool upload_file)::'));
    expect(uploads).toHaveLength(1);
    expect(uploads[0]).toContain('title=breaking%3A 3 changes (tool upload_file)');
    const suggested = lines.flatMap((line) => [...line.matchAll(/Suggestion: Restore `(\w+)`/g)].map((match) => match[1]));
    expect(suggested).toEqual(tools);
  });

  it('counts changes in its summary line, as the JSON report does', () => {
    expect(lines).toContain('mcp-compat: 12 breaking, 1 risky, 14 compatible; recommended bump: major; failed (fail-on: breaking)');
  });

  it('puts the suggestion on an error rather than on the notice of an acknowledged change of the same tool', async () => {
    const first = report.changes.find((change) => change.name === 'upload_file' && change.severity === 'breaking');
    const withAck = await pairReport('repeated-subjects', { acknowledged: [{ fingerprint: first?.fingerprint ?? '', reason: 'r', source: '/acknowledged/0' }] });
    const acknowledged = renderGithub(withAck).trimEnd().split('\n').filter((line) => line.includes('(tool upload_file)::'));
    expect(acknowledged.map((line) => `${line.slice(2, line.indexOf(' '))} ${line.includes('Suggestion:')}`)).toEqual(['error true', 'notice false']);
  });
});

describe('renderGithub on a release with more failing tools than GitHub shows (fixtures/snapshots/pairs/big-release)', async () => {
  const { pairReport } = await import('./pairs.js');
  const report = await pairReport('big-release');
  const lines = renderGithub(report).trimEnd().split('\n');
  const errors = lines.filter((line) => line.startsWith('::error '));

  it('keeps to ten errors: nine tools, then one that names the rest, whose changes are plain log lines', () => {
    expect(errors).toHaveLength(ANNOTATIONS_PER_LEVEL);
    const tools = new Set(report.changes.filter((change) => change.failing).map((change) => `${change.entity} ${change.name}`));
    expect(errors.at(-1)).toMatch(new RegExp(`^::error title=mcp-compat%3A \\d+ more failing changes on ${tools.size - 9} more entities::GitHub shows 10 annotations`));
    const plain = lines.filter((line) => line.startsWith('mcp-compat: failing changes: '));
    for (const change of report.changes.filter((item) => item.failing)) {
      const where = [...errors, ...plain].filter((line) => line.includes(change.fingerprint));
      expect(where, change.message).toHaveLength(1);
    }
  });

  it('prints nothing a runner could read as a command', () => {
    for (const line of lines) expect(line).toMatch(/^(::(error|warning|notice) |mcp-compat: |To accept|To pass|Refresh)/);
  });
});

describe('workflow command escaping', () => {
  it('follows the runner rules for data and properties', () => {
    expect(escapeData('100%\r\nnext')).toBe('100%25%0D%0Anext');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(workflowCommand('warning', { file: 'a,b.json', line: 3, title: undefined }, 'x')).toBe('::warning file=a%2Cb.json,line=3::x');
    expect(workflowCommand('error', {}, 'only')).toBe('::error::only');
  });
});
