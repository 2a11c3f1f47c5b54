import { describe, expect, it } from 'vitest';
import { expandVariables } from '../../../src/capture/expand.js';

const env = { TOKEN: 'abc', EMPTY: '', PORT: '8080' };

describe('expandVariables', () => {
  it.each([
    ['Bearer ${TOKEN}', 'Bearer abc'],
    ['Bearer ${env:TOKEN}', 'Bearer abc'],
    ['${MISSING:-fallback}', 'fallback'],
    ['${EMPTY:-fallback}', 'fallback'],
    ['${PORT:-1}', '8080'],
    ['${env:MISSING:-x}', 'x'],
    ['${MISSING:-}', ''],
    ['http://127.0.0.1:${PORT}/mcp?k=${TOKEN}', 'http://127.0.0.1:8080/mcp?k=abc'],
    ['no variables $TOKEN {TOKEN}', 'no variables $TOKEN {TOKEN}'],
  ])('%s -> %s', (input, expected) => {
    expect(expandVariables(input, env, 'test')).toBe(expected);
  });

  it('substitutes only: an expanded value is not expanded again, and nothing is evaluated', () => {
    expect(expandVariables('${A}', { A: '${TOKEN}' }, 'test')).toBe('${TOKEN}');
    expect(expandVariables('${A}', { A: '$(rm -rf /)' }, 'test')).toBe('$(rm -rf /)');
  });

  it('names the place and the variable when it is not set', () => {
    expect(() => expandVariables('${NOPE}', env, 'cfg.json: mcpServers.x.env.KEY')).toThrow('cfg.json: mcpServers.x.env.KEY: environment variable NOPE is not set.');
  });

  it('refuses what it cannot expand instead of passing it through', () => {
    expect(() => expandVariables('${input:api-key}', env, 'where')).toThrow(/cannot expand \$\{input:api-key\}/);
    expect(() => expandVariables('${$(whoami)}', env, 'where')).toThrow(/cannot expand/);
  });

  it('uses client-defined placeholders such as ${workspaceFolder}, but ${env:workspaceFolder} reads the environment', () => {
    expect(expandVariables('${workspaceFolder}/a', {}, 'w', { workspaceFolder: '/proj' })).toBe('/proj/a');
    expect(expandVariables('${env:workspaceFolder}', { workspaceFolder: 'from-env' }, 'w', { workspaceFolder: '/proj' })).toBe('from-env');
  });
});
