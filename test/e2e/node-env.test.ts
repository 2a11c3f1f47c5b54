import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runProcess } from './cli.js';

// oclif treats NODE_ENV=development or test as "look for TypeScript sources" and loads the
// `typescript` package on every command; the built CLI is the compiled source and must not.
describe('NODE_ENV of the user shell', () => {
  it.each(['development', 'test'])('NODE_ENV=%s: an oclif command runs without loading typescript', async (nodeEnv) => {
    const result = await runProcess(
      process.execPath,
      ['--require', join(ROOT, 'test/support/report-typescript-load.cjs'), BIN, 'lint', join(ROOT, 'fixtures/clients/129-tools.json'), '--format', 'json'],
      { env: { NODE_ENV: nodeEnv } },
    );
    expect(result.stderr).not.toContain('LOADED typescript');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ summary: { warning: 129, failed: false } });
  });
});
