import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { listen, type RunningServer, SERVERS } from '../integration/capture/fixture-servers.js';
import { cli, type RunResult, workdir } from './cli.js';

// Values nothing but a leak could put into an artifact.
const ENV_SECRET = 'e2e-env-secret-Vb6Xq1Lm';
const BEARER = 'e2e-bearer-Tz4Ws8Kd';
const API_KEY = 'e2e-api-key-Rn2Yf7Hc';
const QUERY_TOKEN = 'e2e-query-token-Gp9Ju3Ea';
const URL_USER = 'e2e-user-Mc5Qa0Zt';
const URL_PASSWORD = 'e2e-password-Ds1Nk6Wo';
const CONFIG_SECRET = 'e2e-config-secret-Hx7Lv2Pb';
// Given to the server as its own options: --api-key=..., --token ..., SERVICE_PASSWORD=...
const ARG_KEY = 'e2e-arg-key-Qw3Er5Ty';
const ARG_TOKEN = 'e2e-arg-token-Zx8Cv1Bn';
const ARG_PASSWORD = 'e2e-arg-password-Pl0Ok9Ij';
const SECRETS = [ENV_SECRET, BEARER, API_KEY, QUERY_TOKEN, URL_USER, URL_PASSWORD, CONFIG_SECRET, ARG_KEY, ARG_TOKEN, ARG_PASSWORD, Buffer.from(`${URL_USER}:${URL_PASSWORD}`).toString('base64')];
const FORMATS = ['json', 'markdown', 'sarif', 'junit', 'github', 'text'] as const;
const RAW = join(SERVERS, 'raw', 'server.js');
/** Puts its own arguments into a tool description and on stderr (--echo-argv), as careless servers do. */
const ECHO_ARGV = join(SERVERS, 'hostile', 'server.js');

/** Every run's output in the current test, searched at its end with the files the runs wrote. */
let outputs: { name: string; text: string }[] = [];
let dirs: string[] = [];
beforeEach(() => {
  outputs = [];
  dirs = [];
});

/** Not one secret value in any file written or any output of the test's runs. */
function expectNoSecretAnywhere(expected: { files: string[]; inputs?: string[] }): void {
  const written = dirs.flatMap((folder) => filesUnder(folder)).filter((file) => !(expected.inputs ?? []).includes(file));
  const artifacts = [...outputs, ...written.map((file) => ({ name: file, text: readFileSync(file, 'utf8') }))];
  // The files the runs were to write are there, and not empty.
  for (const name of expected.files) expect(artifacts.some((artifact) => artifact.name.endsWith(name) && artifact.text.length > 0), name).toBe(true);
  const leaks = artifacts.flatMap(({ name, text }) => SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${secret} in ${name}`));
  expect(leaks).toEqual([]);
}

async function run(name: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  const result = await cli(args, options);
  outputs.push({ name: `${name} (stdout)`, text: result.stdout }, { name: `${name} (stderr)`, text: result.stderr });
  return result;
}

function dir(): string {
  const made = workdir();
  dirs.push(made);
  return made;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** The JSON log lines of a run's stderr; every other line is one of the tool's own `mcp-compat: ...` lines. */
function jsonEvents(stderr: string): Record<string, unknown>[] {
  const lines = stderr.split('\n').filter((line) => line !== '');
  for (const line of lines) if (!line.startsWith('{')) expect(line).toMatch(/^mcp-compat: /);
  return lines.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectRequestEvents(events: Record<string, unknown>[]): void {
  const requests = events.filter((event) => event.event === 'mcp.request');
  expect(requests.length).toBeGreaterThan(0);
  for (const event of requests) {
    expect(Object.keys(event)).toEqual(expect.arrayContaining(['time', 'target', 'event', 'direction', 'method', 'id', 'cursor', 'latency_ms', 'result', 'error']));
    expect(typeof event.method).toBe('string');
    expect(typeof event.latency_ms).toBe('number');
    expect(['ok', 'error']).toContain(event.result);
    expect(event.result === 'ok' ? event.error === null : typeof event.error === 'string').toBe(true);
    expect(event).not.toHaveProperty('params');
  }
  expect(events[0]).toMatchObject({ event: 'capture.start' });
  expect(events.at(-1)).toMatchObject({ event: 'capture.end' });
}

describe('no secret reaches any artifact of the built CLI: snapshots, reports in every format, config files, logs, errors', () => {
  let echo: RunningServer;
  let failing: RunningServer;
  beforeAll(async () => {
    [echo, failing] = await Promise.all([listen('raw/server.js', '--http', '--echo'), listen('raw/server.js', '--http', '--echo', '--fail', 'tools/list:0')]);
  });
  afterAll(async () => {
    await Promise.all([echo?.stop(), failing?.stop()]);
  });

  const secretUrl = (base: string) => {
    const url = new URL(base);
    url.username = URL_USER;
    url.password = URL_PASSWORD;
    url.search = `token=${QUERY_TOKEN}`;
    return url.href;
  };
  const headers = ['--header', `Authorization: Bearer ${BEARER}`, '--header', `X-Api-Key: ${API_KEY}`];

  it('stdio with --env: snapshot, check in every format, init, and a failing server; JSON and human logs', async () => {
    const cwd = dir();
    const server = ['--env', `NOTES_TOKEN=${ENV_SECRET}`, '--', process.execPath, RAW, '--echo'];
    // A baseline from the same server without secrets, so that the check has changes to report.
    expect((await run('baseline', ['snapshot', '-o', 'base.json', '--', process.execPath, RAW], { cwd })).code).toBe(0);

    const snapshot = await run('snapshot json log', ['snapshot', '-o', 'head.json', '--log-format', 'json', ...server], { cwd });
    expect(snapshot.code).toBe(0);
    expect(readFileSync(join(cwd, 'head.json'), 'utf8')).toContain('NOTES_TOKEN=***');
    expectRequestEvents(jsonEvents(snapshot.stderr));
    expect(jsonEvents(snapshot.stderr)).toContainEqual(expect.objectContaining({ event: 'server.stderr', line: 'environment: NOTES_TOKEN=***' }));

    const verbose = await run('snapshot verbose', ['snapshot', '--verbose', ...server], { cwd });
    expect(verbose.code).toBe(0);
    expect(verbose.stderr).toMatch(/^-> tools\/list \(id \d+\): ok in [\d.]+ ms$/m);
    expect(verbose.stderr).toContain('server: environment: NOTES_TOKEN=***');

    for (const format of FORMATS) {
      const check = await run(`check ${format}`, ['check', '--baseline', 'base.json', '--format', format, '--log-format', format === 'json' ? 'json' : 'text', '--verbose', ...server], { cwd });
      expect(check.code, check.stderr).toBe(0);
      writeFileSync(join(cwd, `report.${format}`), check.stdout);
      const diff = await run(`diff ${format}`, ['diff', 'base.json', 'head.json', '--format', format], { cwd });
      expect([0, 1]).toContain(diff.code);
      writeFileSync(join(cwd, `diff.${format}`), diff.stdout);
    }
    // The report shows the command that refreshes the baseline, with the --env value masked.
    expect(readFileSync(join(cwd, 'report.json'), 'utf8')).toContain('NOTES_TOKEN=***');

    const initDir = dir();
    const init = await run('init', ['init', '--log-format', 'json', ...server], { cwd: initDir });
    expect(init.code, init.stderr).toBe(0);

    for (const flags of [['--log-format', 'json'], ['--verbose']]) {
      const broken = await run(`failing ${flags.join(' ')}`, ['snapshot', ...flags, '--env', `NOTES_TOKEN=${ENV_SECRET}`, '--', process.execPath, RAW, '--echo', '--exit-early'], { cwd });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('environment: NOTES_TOKEN=***');
    }
    expectNoSecretAnywhere({ files: ['head.json', ...FORMATS.map((format) => `report.${format}`), ...FORMATS.map((format) => `diff.${format}`), 'mcp-snapshot.json', 'mcp-compat.config.json', 'mcp-compat.yml'] });
  }, 180_000);

  it('Streamable HTTP with headers, URL credentials and a query token: snapshot, check in every format, init, a failing list', async () => {
    const cwd = dir();
    const server = ['--url', secretUrl(echo.url), ...headers];
    expect((await run('http baseline', ['snapshot', '-o', 'base.json', '--url', echo.url], { cwd })).code).toBe(0);
    const snapshot = await run('http snapshot', ['snapshot', '-o', 'head.json', '--log-format', 'json', ...server], { cwd });
    expect(snapshot.code, snapshot.stderr).toBe(0);
    expectRequestEvents(jsonEvents(snapshot.stderr));
    expect(readFileSync(join(cwd, 'head.json'), 'utf8')).toContain('x-api-key=***');

    for (const format of FORMATS) {
      const check = await run(`http check ${format}`, ['check', '--baseline', 'base.json', '--format', format, '--log-format', 'json', ...server], { cwd });
      expect(check.code, check.stderr).toBe(0);
      jsonEvents(check.stderr);
      writeFileSync(join(cwd, `report.${format}`), check.stdout);
    }

    const initDir = dir();
    const init = await run('http init', ['init', '--verbose', ...server], { cwd: initDir });
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(initDir, 'mcp-compat.config.json'), 'utf8'))).toMatchObject({ servers: { 'notes-legacy': { url: echo.url } } });

    for (const flags of [['--log-format', 'json'], ['--verbose']]) {
      const broken = await run(`http failing ${flags.join(' ')}`, ['snapshot', ...flags, '--url', secretUrl(failing.url), ...headers], { cwd });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('tools/list failed: database unavailable');
    }
    const notUrl = await run('not a url', ['snapshot', '--url', `127.0.0.1/mcp?token=${QUERY_TOKEN}`], { cwd });
    expect(notUrl.code).toBe(2);
    expectNoSecretAnywhere({ files: ['head.json', ...FORMATS.map((format) => `report.${format}`), 'mcp-snapshot.json', 'mcp-compat.config.json'] });
  }, 180_000);

  it('check --all: configured servers with env, headers and URL credentials, captured at the same time', async () => {
    const cwd = dir();
    const config = join(cwd, 'mcp-compat.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        servers: {
          local: { baseline: 'local.json', command: [process.execPath, RAW, '--echo'], env: { NOTES_TOKEN: ENV_SECRET } },
          remote: { baseline: 'remote.json', url: secretUrl(echo.url), headers: { 'X-Api-Key': API_KEY } },
        },
      }),
    );
    const created = await run('check --all --update', ['check', '--all', '--update', '--log-format', 'json'], { cwd });
    expect(created.code, created.stderr).toBe(0);
    const targets = new Set(jsonEvents(created.stderr).map((event) => event.target));
    expect(targets.size).toBe(2);
    for (const format of ['json', 'markdown'] as const) {
      const check = await run(`check --all ${format}`, ['check', '--all', '--format', format, '--verbose'], { cwd });
      expect(check.code, check.stderr).toBe(0);
      writeFileSync(join(cwd, `report.${format}`), check.stdout);
    }
    expectNoSecretAnywhere({ files: ['local.json', 'remote.json', 'report.json', 'report.markdown'], inputs: [config] });
  }, 120_000);

  it('a client config whose ${VAR}s hold the secrets', async () => {
    const cwd = dir();
    writeFileSync(
      join(cwd, '.mcp.json'),
      JSON.stringify({
        mcpServers: {
          local: { command: process.execPath, args: [RAW, '--echo', '--label=${LABEL}'], env: { NOTES_TOKEN: '${TOKEN}' } },
          remote: { url: `${echo.url}?token=\${QUERY}`, headers: { Authorization: 'Bearer ${BEARER}' } },
        },
      }),
    );
    const env = { LABEL: CONFIG_SECRET, TOKEN: ENV_SECRET, QUERY: QUERY_TOKEN, BEARER };
    for (const name of ['local', 'remote']) {
      const json = await run(`config ${name}`, ['snapshot', '-o', `${name}.json`, '--log-format', 'json', '--config', '.mcp.json', '--server', name], { cwd, env });
      expect(json.code, json.stderr).toBe(0);
      expectRequestEvents(jsonEvents(json.stderr));
      const verbose = await run(`config ${name} verbose`, ['snapshot', '--verbose', '--config', '.mcp.json', '--server', name], { cwd, env });
      expect(verbose.code).toBe(0);
    }
    expectNoSecretAnywhere({ files: ['local.json', 'remote.json'] });
  }, 120_000);

  it("secrets in the server's own arguments: snapshot, check in every format with its refresh command, a failing server, check --all, a client config, and init's warning", async () => {
    const cwd = dir();
    const args = ['--echo-argv', `--api-key=${ARG_KEY}`, '--token', ARG_TOKEN, `SERVICE_PASSWORD=${ARG_PASSWORD}`];
    const server = ['--', process.execPath, ECHO_ARGV, ...args];
    expect((await run('argv baseline', ['snapshot', '-o', 'base.json', '--', process.execPath, ECHO_ARGV], { cwd })).code).toBe(0);

    const snapshot = await run('argv snapshot', ['snapshot', '-o', 'head.json', '--log-format', 'json', ...server], { cwd });
    expect(snapshot.code, snapshot.stderr).toBe(0);
    expectRequestEvents(jsonEvents(snapshot.stderr));
    expect(readFileSync(join(cwd, 'head.json'), 'utf8')).toContain('--api-key=*** --token *** SERVICE_PASSWORD=***');
    const verbose = await run('argv snapshot verbose', ['snapshot', '--verbose', ...server], { cwd });
    expect(verbose.stderr).toContain('argv: --echo-argv --api-key=*** --token *** SERVICE_PASSWORD=***');

    for (const format of FORMATS) {
      // --fail-on compatible: the added tool fails the run, so the report ends with the refresh command.
      const check = await run(`argv check ${format}`, ['check', '--baseline', 'base.json', '--fail-on', 'compatible', '--format', format, '--verbose', ...server], { cwd });
      expect(check.code, check.stderr).toBe(1);
      writeFileSync(join(cwd, `report.${format}`), check.stdout);
    }
    expect(readFileSync(join(cwd, 'report.text'), 'utf8')).toContain(`--update -- ${process.execPath} ${ECHO_ARGV} --echo-argv '--api-key=***' --token '***' 'SERVICE_PASSWORD=***'`);

    for (const flags of [['--log-format', 'json'], ['--verbose']]) {
      const broken = await run(`argv failing ${flags.join(' ')}`, ['snapshot', ...flags, ...server, '--fail-tools'], { cwd });
      expect(broken.code).toBe(2);
      expect(broken.stderr).toContain('--api-key=***');
    }

    writeFileSync(join(cwd, 'mcp-compat.config.json'), JSON.stringify({ servers: { echo: { baseline: 'base.json', command: [process.execPath, ECHO_ARGV, ...args] } } }));
    for (const format of ['json', 'junit', 'sarif'] as const) {
      const all = await run(`argv check --all ${format}`, ['check', '--all', '--fail-on', 'compatible', '--format', format, '--verbose'], { cwd });
      expect(all.code, all.stderr).toBe(1);
      writeFileSync(join(cwd, `all.${format}`), all.stdout);
    }
    writeFileSync(join(cwd, '.mcp.json'), JSON.stringify({ mcpServers: { echo: { command: process.execPath, args: [ECHO_ARGV, ...args] } } }));
    const fromConfig = await run('argv client config', ['snapshot', '-o', 'config.json', '--verbose', '--config', '.mcp.json', '--server', 'echo'], { cwd });
    expect(fromConfig.code, fromConfig.stderr).toBe(0);

    // init writes the command as typed (the server needs it), and warns, naming the options only.
    const initDir = dir();
    const init = await run('argv init', ['init', ...server], { cwd: initDir });
    expect(init.code, init.stderr).toBe(0);
    const written = readFileSync(join(initDir, 'mcp-compat.config.json'), 'utf8');
    expect(written).toContain(ARG_KEY);
    for (const option of ['--api-key', '--token', 'SERVICE_PASSWORD']) expect(init.stderr).toMatch(new RegExp(`^mcp-compat: warning: mcp-compat\\.config\\.json keeps the value of ${option} as typed.*--env.*\\$\\{VAR\\}`, 'm'));
    expectNoSecretAnywhere({
      files: ['head.json', 'config.json', ...FORMATS.map((format) => `report.${format}`), 'all.json', 'all.junit', 'all.sarif', 'mcp-snapshot.json'],
      inputs: [join(cwd, 'mcp-compat.config.json'), join(cwd, '.mcp.json'), join(initDir, 'mcp-compat.config.json')],
    });
  }, 240_000);
});
