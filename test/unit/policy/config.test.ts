import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { configCandidates, parseConfigText, parseProjectConfig, PLACEHOLDER_REASON } from '../../../src/policy/config.js';

function errorOf(fn: () => unknown): UserError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected a UserError');
}

describe('parseProjectConfig', () => {
  it('reads servers, failOn, severity overrides and acknowledgements', () => {
    const config = parseProjectConfig(
      {
        failOn: 'risky',
        severity: { 'tool-description-changed': 'risky' },
        servers: {
          notes: { baseline: 'snapshots/notes.json', command: ['node', 'server.js', '--stdio'], env: { A: '1' }, cwd: 'srv' },
          remote: { baseline: 'remote.json', url: 'https://example.com/mcp', transport: 'sse', headers: { Authorization: 'Bearer x' } },
          desktop: { baseline: 'desktop.json', clientConfig: { file: '.mcp.json', server: 'notes' }, timeoutMs: 5000 },
        },
        acknowledged: [
          { fingerprint: '0123456789ab', reason: 'approved in #42', expires: '2026-12-31' },
          { rule: 'tool-removed', entity: 'tool', name: 'old', pointer: '', reason: 'nobody used it', server: 'notes' },
        ],
      },
      'mcp-compat.config.json',
    );
    expect(config.failOn).toBe('risky');
    expect(config.severity).toEqual({ 'tool-description-changed': 'risky' });
    expect(config.servers).toEqual([
      { name: 'notes', baseline: 'snapshots/notes.json', target: { kind: 'stdio', command: 'node', args: ['server.js', '--stdio'], env: { A: '1' }, cwd: 'srv' } },
      { name: 'remote', baseline: 'remote.json', target: { kind: 'sse', url: 'https://example.com/mcp', headers: { Authorization: 'Bearer x' } } },
      { name: 'desktop', baseline: 'desktop.json', target: { kind: 'client-config', file: '.mcp.json', server: 'notes' }, timeoutMs: 5000 },
    ]);
    expect(config.acknowledged).toEqual([
      { fingerprint: '0123456789ab', reason: 'approved in #42', expires: '2026-12-31', source: '/acknowledged/0' },
      { rule: 'tool-removed', entity: 'tool', name: 'old', pointer: '', reason: 'nobody used it', server: 'notes', source: '/acknowledged/1' },
    ]);
  });

  it.each([
    [{ failOn: 'major' }, '/failOn', 'expected one of breaking, risky, compatible, none'],
    [{ severity: { 'no-such-rule': 'risky' } }, '/severity/no-such-rule', 'unknown rule id'],
    [{ severity: { 'tool-removed': 'fatal' } }, '/severity/tool-removed', 'expected one of breaking, risky, compatible'],
    [{ acknowledged: [{ fingerprint: '0123456789ab' }] }, '/acknowledged/0/reason', 'needs a "reason"'],
    [{ acknowledged: [{ fingerprint: '0123456789ab', reason: '  ' }] }, '/acknowledged/0/reason', 'needs a "reason"'],
    [{ acknowledged: [{ fingerprint: '0123456789ab', reason: PLACEHOLDER_REASON }] }, '/acknowledged/0/reason', 'replace the placeholder'],
    [{ acknowledged: [{ fingerprint: 'XYZ', reason: 'r' }] }, '/acknowledged/0/fingerprint', '12 hex'],
    [{ acknowledged: [{ rule: 'tool-removed', name: 'x', reason: 'r' }] }, '/acknowledged/0', 'missing: entity, pointer'],
    [{ acknowledged: [{ reason: 'r' }] }, '/acknowledged/0', 'needs a "fingerprint"'],
    [{ acknowledged: [{ fingerprint: '0123456789ab', reason: 'r', expires: '31/12/2026' }] }, '/acknowledged/0/expires', 'YYYY-MM-DD'],
    [{ acknowledged: [{ fingerprint: '0123456789ab', reason: 'r', server: 'ghost' }] }, '/acknowledged/0/server', 'no server named "ghost"'],
    [{ servers: { a: { command: ['node'] } } }, '/servers/a/baseline', 'non-empty string'],
    [{ servers: { a: { baseline: 'a.json' } } }, '/servers/a', 'exactly one of'],
    [{ servers: { a: { baseline: 'a.json', command: 'node server.js' } } }, '/servers/a/command', 'no shell'],
    [{ servers: { 'a/b': { baseline: 'a.json', url: 'ftp://x' } } }, '/servers/a~1b/url', 'http://'],
    [{ servers: { a: { baseline: 'a.json', url: 'http://x', env: { A: '1' } } } }, '/servers/a/env', 'does not apply'],
    [{ servers: { a: { baseline: 'a.json', url: 'http://x', transport: 'ws' } } }, '/servers/a/transport', '"http" or "sse"'],
    [{ fail_on: 'breaking' }, '/fail_on', 'unknown key'],
    [{ suggestions: { languages: [] } }, '/suggestions/languages', 'non-empty array of typescript, python'],
    [{ suggestions: { languages: ['typescript', 'go'] } }, '/suggestions/languages/1', 'expected one of typescript, python'],
    [{ suggestions: { level: 'full' } }, '/suggestions/level', 'unknown key'],
  ])('rejects %j at %s', (raw, pointer, problem) => {
    const error = errorOf(() => parseProjectConfig(raw, 'proj/mcp-compat.config.json'));
    expect(error.message).toContain('proj/mcp-compat.config.json');
    expect(error.message).toContain(`at ${pointer}:`);
    expect(error.message).toContain(problem);
  });

  it('reads suggestions.languages, and leaves it absent when the file says nothing', () => {
    expect(parseProjectConfig({ suggestions: { languages: ['python', 'typescript', 'python'] } }, 'c.json').suggestions).toEqual({ languages: ['python', 'typescript'] });
    expect(parseProjectConfig({ suggestions: {} }, 'c.json').suggestions).toEqual({ languages: ['typescript'] });
    expect(parseProjectConfig({}, 'c.json').suggestions).toBeUndefined();
  });

  it('names the package.json key in the pointer', () => {
    const error = errorOf(() => parseConfigText(JSON.stringify({ name: 'x', 'mcp-compat': { failOn: 'all' } }), '/p/package.json'));
    expect(error.message).toContain('/p/package.json: invalid project config at /mcp-compat/failOn');
  });

  it('ignores a package.json without the key, and reports broken JSON by file', () => {
    expect(parseConfigText('{"name":"x"}', '/p/package.json')).toBeUndefined();
    expect(parseConfigText('{"failOn":"none"}', '/p/mcp-compat.config.json')?.failOn).toBe('none');
    expect(errorOf(() => parseConfigText('{', '/p/mcp-compat.config.json')).message).toMatch(/^\/p\/mcp-compat.config.json: not valid JSON/);
  });

  it('refuses a key written twice in one object, by file, line and column, without quoting values', () => {
    const text = '{\n  "failOn": "none",\n  "failOn": "breaking",\n  "servers": {"a": {"baseline": "a.json", "env": {"T": "s3cr3t"}}}\n}\n';
    expect(errorOf(() => parseConfigText(text, '/p/mcp-compat.config.json')).message).toBe(
      '/p/mcp-compat.config.json: the key "failOn" appears twice in the object at / (line 2, column 3, and line 3, column 3); JSON would keep only the last one.',
    );
    const inPackage = JSON.stringify({ name: 'x', 'mcp-compat': { failOn: 'none' } }).replace('"failOn":"none"', '"failOn":"none","failOn":"risky"');
    expect(errorOf(() => parseConfigText(inPackage, '/p/package.json')).message).toMatch(/^\/p\/package\.json: the key "failOn" appears twice in the object at \/mcp-compat \(line 1, column/);
    // A package.json that does not hold the project config is not this tool's business.
    expect(parseConfigText('{"name":"x","name":"y"}', '/p/package.json')).toBeUndefined();
  });

  it('does not quote the broken text, which may hold env or header values', () => {
    const message = errorOf(() => parseConfigText('{"servers":{"a":{"env":{"TOKEN":"s3cr3t-value"}}},}', '/p/mcp-compat.config.json')).message;
    expect(message).toMatch(/not valid JSON/);
    expect(message).not.toContain('s3cr3t-value');
  });
});

describe('configCandidates', () => {
  it('walks up from the working directory, config file before package.json', () => {
    expect(configCandidates('/a/b')).toEqual([
      '/a/b/mcp-compat.config.json',
      '/a/b/package.json',
      '/a/mcp-compat.config.json',
      '/a/package.json',
      '/mcp-compat.config.json',
      '/package.json',
    ]);
  });
});

describe('schemas/config.schema.json and docs/configuration.md', () => {
  it('the documented example is valid for the schema and for the parser', async () => {
    const { readFileSync } = await import('node:fs');
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const schema = JSON.parse(readFileSync(new URL('../../../schemas/config.schema.json', import.meta.url), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true }).compile(schema);
    const doc = readFileSync(new URL('../../../docs/configuration.md', import.meta.url), 'utf8');
    const example = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(doc)?.[1] ?? 'null') as unknown;
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
    expect(parseProjectConfig(example, 'mcp-compat.config.json').servers).toHaveLength(4);
    for (const invalid of [
      { servers: { a: { baseline: 'a.json', command: ['node'], url: 'http://x' } } },
      { servers: { a: { baseline: 'a.json', url: 'http://x', env: {} } } },
      { acknowledged: [{ reason: 'r', rule: 'tool-removed' }] },
      { acknowledged: [{ fingerprint: '0123456789ab' }] },
      // Longer than a Node timer holds (2^31-1 ms), as --timeout.
      { servers: { a: { baseline: 'a.json', command: ['node'], timeoutMs: 2 ** 31 } } },
    ]) {
      expect(validate(invalid)).toBe(false);
      expect(() => parseProjectConfig(invalid, 'c.json')).toThrow(UserError);
    }
  });
});

describe('clients, context and lint together', () => {
  it('accepts the three keys in one config and reads each', () => {
    const config = parseProjectConfig(
      { clients: ['anthropic', 'cursor'], context: { maxTokens: 20000, maxGrowth: '10%' }, lint: { failOn: 'warning', rules: { 'client-api-limit-exceeded': 'warning' } } },
      'mcp-compat.config.json',
    );
    expect(config.clients).toEqual(['anthropic', 'cursor']);
    expect(config.context).toEqual({ report: false, limits: { maxTokens: 20000, maxGrowth: { percent: 10 } } });
    expect(config.lint).toEqual({ failOn: 'warning', rules: { 'client-api-limit-exceeded': 'warning' } });
  });
});

describe('the clients key', () => {
  it('takes known client profile ids, without repeats', () => {
    expect(parseProjectConfig({ clients: ['openai', 'claude-code', 'openai'] }, 'c.json').clients).toEqual(['openai', 'claude-code']);
    expect(parseProjectConfig({}, 'c.json').clients).toBeUndefined();
  });

  it('lists in schemas/config.schema.json exactly the profiles of src/clients/', async () => {
    const { readFileSync } = await import('node:fs');
    const { CLIENT_IDS } = await import('../../../src/clients/profiles.js');
    const schema = JSON.parse(readFileSync(new URL('../../../schemas/config.schema.json', import.meta.url), 'utf8')) as { properties: { clients: { items: { enum: string[] } } } };
    expect(schema.properties.clients.items.enum).toEqual(CLIENT_IDS);
  });

  it('names the file, the pointer and the known ids for an unknown one', () => {
    expect(() => parseProjectConfig({ clients: ['openai', 'copilot'] }, 'c.json')).toThrow(
      'c.json: invalid project config at /clients/1: unknown client "copilot" (expected one of: openai, anthropic, gemini, cursor, vscode, claude-code).',
    );
    expect(() => parseProjectConfig({ clients: 'openai' }, 'c.json')).toThrow(/at \/clients: expected an array/);
  });
});
