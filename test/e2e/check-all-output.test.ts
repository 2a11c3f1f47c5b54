import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWellFormed } from '../support/well-formed-xml.js';
import { cli, ROOT, workdir } from './cli.js';
import { notesServer } from './servers.js';
import { validateSarif } from '../support/sarif-schema.js';

const schema = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', name), 'utf8')) as object;
const validateCheckAll = new Ajv2020({ allErrors: true }).addSchema(schema('report.schema.json')).compile(schema('check-all.schema.json'));

const RAW = join(ROOT, 'fixtures', 'servers', 'raw', 'server.js');
// In the configured order: unchanged, changed (breaking), a server that exits at start, one without its baseline.
const TARGETS = ['same', 'changed', 'crashes', 'no-baseline'] as const;

describe('check --all: every configured server, the failed ones included, in every format', () => {
  let cwd: string;
  beforeAll(async () => {
    cwd = workdir();
    const baseline = await cli(['snapshot', '-o', 'v1.json', '--', ...notesServer(1)], { cwd });
    expect(baseline.code, baseline.stderr).toBe(0);
    writeFileSync(
      join(cwd, 'mcp-compat.config.json'),
      JSON.stringify({
        servers: {
          same: { baseline: 'v1.json', command: notesServer(1) },
          changed: { baseline: 'v1.json', command: notesServer(2) },
          crashes: { baseline: 'v1.json', command: [process.execPath, RAW, '--exit-early'] },
          'no-baseline': { baseline: 'missing.json', command: notesServer(1) },
        },
      }),
    );
  });

  async function checkAll(format: string) {
    const result = await cli(['check', '--all', '--format', format], { cwd });
    // A server could not be checked: exit 2, and stderr says which and why, one line each.
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/^mcp-compat: server crashes: .*closed the connection/m);
    expect(result.stderr).toMatch(/^mcp-compat: server no-baseline: Baseline missing\.json not found\./m);
    return result.stdout;
  }

  it('json: one {target, report} or {target, error} per server, valid for schemas/check-all.schema.json', async () => {
    const entries = JSON.parse(await checkAll('json')) as Array<{ target: string; report?: { summary: { failed: boolean } }; error?: string }>;
    expect(validateCheckAll(entries), JSON.stringify(validateCheckAll.errors)).toBe(true);
    expect(entries.map((entry) => entry.target)).toEqual([...TARGETS]);
    expect(entries.map((entry) => entry.report?.summary.failed)).toEqual([false, true, undefined, undefined]);
    expect(entries[2]?.error).toMatch(/closed the connection \(the process exited\) while .*NOTES_DB is not set/);
    expect(entries[3]?.error).toMatch(/^Baseline missing\.json not found\./);
  });

  it('sarif: valid SARIF 2.1.0, a run per server with its target, the failed ones as failed invocations', async () => {
    const log = JSON.parse(await checkAll('sarif')) as {
      runs: Array<{ automationDetails: { id: string }; properties: { target: string }; results: unknown[]; invocations: Array<{ executionSuccessful: boolean; toolExecutionNotifications?: Array<{ message: { text: string } }> }> }>;
    };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors)).toBe(true);
    expect(log.runs.map((run) => run.properties.target)).toEqual([...TARGETS]);
    expect(new Set(log.runs.map((run) => run.automationDetails.id)).size).toBe(TARGETS.length);
    expect(log.runs.map((run) => run.invocations[0]?.executionSuccessful)).toEqual([true, true, false, false]);
    expect(log.runs[1]?.results.length).toBeGreaterThan(0);
    expect(log.runs[2]?.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toMatch(/closed the connection/);
  });

  it('junit: well-formed, a suite per server named after it, the failed ones as errors', async () => {
    const xml = await checkAll('junit');
    checkWellFormed(xml);
    const suites = [...xml.matchAll(/<testsuite name="([^"]*)" tests="(\d+)" failures="(\d+)" errors="(\d+)"/g)].map((match) => ({ name: match[1], failures: Number(match[3]), errors: Number(match[4]) }));
    expect(suites.map((suite) => suite.name?.split(':')[0])).toEqual([...TARGETS]);
    expect(suites.map((suite) => [suite.failures > 0, suite.errors])).toEqual([[false, 0], [true, 0], [false, 1], [false, 1]]);
    expect(xml).toMatch(/<testsuites name="mcp-compat" tests="\d+" failures="\d+" errors="2">/);
  });

  it('text, markdown and github: a section or line per server, the failed ones with their error', async () => {
    const text = await checkAll('text');
    for (const target of TARGETS) expect(text).toContain(`== server ${target} ==\n`);
    expect(text).toMatch(/== server crashes ==\nCould not check: .*closed the connection/);
    const markdown = await checkAll('markdown');
    for (const target of TARGETS) expect(markdown).toContain(`## server ${target}\n`);
    expect(markdown).toMatch(/## server crashes\n\n❌ \*\*Could not check:\*\* /);
    const github = await checkAll('github');
    expect(github).toMatch(/^::error title=mcp-compat%3A server crashes could not be checked::.*closed the connection/m);
    expect(github).toMatch(/^::error title=mcp-compat%3A server no-baseline could not be checked::Baseline missing\.json not found\./m);
  });
});
