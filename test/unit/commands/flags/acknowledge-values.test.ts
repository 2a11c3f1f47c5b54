import { describe, expect, it } from 'vitest';
import { acknowledgeAllOfCheck, acknowledgeAllOfDiff } from '../../../../src/commands/flags/acknowledge-values.js';

describe('the acknowledge --all commands reports suggest', () => {
  it('for diff: the same files, fail-on and project config', () => {
    expect(acknowledgeAllOfDiff('base.json', 'my head.json', { format: 'text', 'require-bump': false })).toBe("mcp-compat acknowledge --reason \"...\" --all base.json 'my head.json'");
    expect(acknowledgeAllOfDiff('a.json', 'b.json', { format: 'markdown', 'require-bump': false, 'fail-on': 'risky', config: 'ci/mcp.json' })).toBe(
      'mcp-compat acknowledge --reason "..." --all --fail-on risky --project-config ci/mcp.json a.json b.json',
    );
    // The same clients, so the client-limit changes of the run are among those acknowledged.
    expect(acknowledgeAllOfDiff('a.json', 'b.json', { format: 'text', 'require-bump': false, client: 'openai,cursor' })).toBe(
      'mcp-compat acknowledge --reason "..." --all --client openai,cursor a.json b.json',
    );
  });

  it('for check: the same check as JSON, without --update or another --format, piped into --report -, secrets masked', () => {
    const argv = ['--baseline', 'snap.json', '--format', 'markdown', '--update', '--format=sarif', '--env', 'TOKEN=s3cret', '--', 'node', 'server.js'];
    const mask = (text: string) => text.replace('s3cret', '***');
    expect(acknowledgeAllOfCheck(argv, mask)).toBe("mcp-compat check --baseline snap.json --env 'TOKEN=***' --format json -- node server.js | mcp-compat acknowledge --reason \"...\" --all --report -");
    expect(acknowledgeAllOfCheck(['--name', 'notes'], (text) => text)).toBe('mcp-compat check --name notes --format json | mcp-compat acknowledge --reason "..." --all --report -');
  });
});
