import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { cli, ROOT, runNode, workdir } from './cli.js';
import { GitHubApiStub } from './github-api-stub.js';
import { notesServer } from './servers.js';

const ACTION = join(ROOT, 'dist', 'action.js');
const quote = (args: string[]) => args.map((arg) => `"${arg}"`).join(' ');

/** Parses `$GITHUB_OUTPUT` (name<<delimiter ... delimiter blocks). */
function readOutputs(file: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = readFileSync(file, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([\w-]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const end = lines.indexOf(match[2] as string, i + 1);
    outputs[match[1] as string] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

describe('the GitHub Action entry (dist/action.js)', () => {
  let dir: string;
  let api: GitHubApiStub;
  let apiUrl: string;
  let baselineText: string;

  beforeAll(async () => {
    // The baseline: version 1 of the notes server, captured by the CLI.
    const seed = workdir();
    const created = await cli(['check', '--baseline', 'mcp-snapshot.json', '--update', '--', ...notesServer(1)], { cwd: seed });
    expect(created.code, created.stderr).toBe(0);
    baselineText = readFileSync(join(seed, 'mcp-snapshot.json'), 'utf8');
  });

  beforeEach(async () => {
    dir = workdir();
    writeFileSync(join(dir, 'mcp-snapshot.json'), baselineText);
    mkdirSync(join(dir, 'runner'));
    writeFileSync(join(dir, 'event.json'), JSON.stringify({ pull_request: { number: 7 } }));
    api = new GitHubApiStub('octo/notes', 7);
    apiUrl = await api.start();
  });

  afterEach(async () => {
    await api.stop();
  });

  function runAction(inputs: Record<string, string>, entry = ACTION) {
    const env: NodeJS.ProcessEnv = {
      GITHUB_WORKSPACE: dir,
      GITHUB_OUTPUT: join(dir, 'github-output'),
      GITHUB_STEP_SUMMARY: join(dir, 'step-summary.md'),
      GITHUB_EVENT_PATH: join(dir, 'event.json'),
      GITHUB_REPOSITORY: 'octo/notes',
      GITHUB_API_URL: apiUrl,
      RUNNER_TEMP: join(dir, 'runner'),
    };
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
    return runNode(entry, [], { cwd: dir, env });
  }

  it('passes on an unchanged server: outputs, job summary, report file, one comment', async () => {
    const { code, stdout } = await runAction({ command: quote(notesServer(1)), comment: 'true', 'github-token': 'test-token' });
    expect(code, stdout).toBe(0);
    const outputs = readOutputs(join(dir, 'github-output'));
    expect(outputs).toMatchObject({ breaking: '0', risky: '0', compatible: '0', 'recommended-bump': 'none', failed: 'false' });
    expect(outputs.report).toBe(join(dir, 'runner', 'mcp-compat-report.md'));
    const summary = readFileSync(join(dir, 'step-summary.md'), 'utf8');
    expect(summary).toContain('### ✅ mcp-compat: no changes');
    expect(readFileSync(outputs.report!, 'utf8')).toBe(summary.replace(/\n$/, ''));
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body.split('\n')[0]).toMatch(/^<!-- mcp-compat-report id=".+" -->$/);
    expect(api.requests.every((request) => request.authorization === 'Bearer test-token')).toBe(true);
    expect(stdout).toContain('mcp-compat: created the report comment on #7.');
  });

  it('fails on a breaking server, annotates, and updates the same comment in place', async () => {
    const first = await runAction({ command: quote(notesServer(1)), comment: 'true', 'github-token': 't', 'comment-id': 'notes' });
    expect(first.code).toBe(0);
    const { code, stdout } = await runAction({ command: quote(notesServer(2)), comment: 'true', 'github-token': 't', 'comment-id': 'notes' });
    expect(code, stdout).toBe(1);

    // The action's numbers are the CLI's numbers.
    const viaCli = await cli(['check', '--baseline', 'mcp-snapshot.json', '--format', 'json', '--', ...notesServer(2)], { cwd: dir });
    const report = JSON.parse(viaCli.stdout) as { summary: Record<string, unknown> };
    const outputs = readOutputs(join(dir, 'github-output'));
    expect(Number(outputs.breaking)).toBeGreaterThan(0);
    expect(outputs).toMatchObject({
      breaking: String(report.summary.breaking),
      risky: String(report.summary.risky),
      compatible: String(report.summary.compatible),
      'recommended-bump': 'major',
      failed: 'true',
    });

    expect(stdout).toMatch(/^::error file=mcp-snapshot\.json,line=\d+,title=breaking%3A /m);
    expect(api.comments).toHaveLength(1);
    expect(api.comments[0]!.body).toContain('<!-- mcp-compat-report id="notes" -->');
    expect(api.comments[0]!.body).toContain('❌ mcp-compat');
    expect(api.requests.filter((request) => request.method === 'PATCH')).toHaveLength(1);
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toContain('#### What to do now');
  });

  it('keeps a separate comment per comment-id (matrix jobs)', async () => {
    await runAction({ command: quote(notesServer(1)), comment: 'true', 'github-token': 't', 'comment-id': 'a' });
    await runAction({ command: quote(notesServer(1)), comment: 'true', 'github-token': 't', 'comment-id': 'b' });
    await runAction({ command: quote(notesServer(1)), comment: 'true', 'github-token': 't', 'comment-id': 'a' });
    expect(api.comments.map((comment) => comment.body.split('\n')[0])).toEqual(['<!-- mcp-compat-report id="a" -->', '<!-- mcp-compat-report id="b" -->']);
  });

  it('a read-only token (fork pull request) warns instead of failing the check', async () => {
    api.writeStatus = 403;
    const { code, stdout } = await runAction({ command: quote(notesServer(1)), comment: 'true', 'github-token': 't' });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^::warning title=mcp-compat could not comment::GitHub API POST .* answered 403/m);
  });

  it('honours fail-on and format inputs', async () => {
    const { code, stdout } = await runAction({ command: quote(notesServer(2)), 'fail-on': 'none', format: 'json' });
    expect(code).toBe(0);
    const json = stdout.slice(0, stdout.indexOf('\n}\n') + 2);
    expect((JSON.parse(json) as { summary: { failOn: string } }).summary.failOn).toBe('none');
    expect(api.requests).toHaveLength(0);
  });

  it('checks every server of the project config when no server input is given', async () => {
    writeFileSync(
      join(dir, 'mcp-compat.config.json'),
      JSON.stringify({ servers: { one: { baseline: 'mcp-snapshot.json', command: notesServer(1) }, two: { baseline: 'mcp-snapshot.json', command: notesServer(2) } } }),
    );
    const { code, stdout } = await runAction({});
    expect(code, stdout).toBe(1);
    const summary = readFileSync(join(dir, 'step-summary.md'), 'utf8');
    expect(summary).toContain('## one\n');
    expect(summary).toContain('## two\n');
    const only = await runAction({ server: 'one' });
    expect(only.code).toBe(0);
  });

  it('checks a Streamable HTTP server given by url, with headers', async () => {
    const server = spawn(notesServer(1)[0]!, [...notesServer(1).slice(1), '--http', '0', '--token', 'sesame'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        server.stderr.setEncoding('utf8').on('data', (chunk: string) => {
          err += chunk;
          const match = /listening on (\S+)/.exec(err);
          if (match) resolve(match[1] as string);
        });
        server.on('exit', () => reject(new Error(`server exited: ${err}`)));
      });
      const ok = await runAction({ url, headers: 'Authorization: Bearer sesame\nX-Trace: e2e' });
      expect(ok.code, ok.stdout).toBe(0);
      expect(readOutputs(join(dir, 'github-output')).breaking).toBe('0');
      const denied = await runAction({ url });
      expect(denied.code).toBe(2);
      expect(denied.stdout).not.toContain('sesame');
    } finally {
      server.kill();
    }
  });

  it('reads a baseline given as git:REF:PATH from the repository, not the working tree', async () => {
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'pipe' });
    git('init', '-q', '-b', 'main');
    git('add', 'mcp-snapshot.json');
    git('commit', '-q', '-m', 'baseline');
    writeFileSync(join(dir, 'mcp-snapshot.json'), 'not json');
    const { code, stdout } = await runAction({ command: quote(notesServer(2)), baseline: 'git:main:mcp-snapshot.json' });
    expect(code, stdout).toBe(1);
    expect(readOutputs(join(dir, 'github-output')).failed).toBe('true');
  });

  // As a workflow's `uses: OWNER/mcp-compat@REF` runs it: the runner fetches the repository at a
  // commit and runs action.yml's runs.main with node, with no install step and no node_modules.
  it('runs from a clean clone of the repository at HEAD, with nothing but the committed files', async () => {
    const clone = join(workdir(), 'mcp-compat');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' }).trim();
    git('clone', '--quiet', '--no-checkout', ROOT, clone);
    execFileSync('git', ['checkout', '--quiet', git('rev-parse', 'HEAD')], { cwd: clone, stdio: 'pipe' });
    expect(existsSync(join(clone, 'node_modules'))).toBe(false);
    expect(existsSync(join(clone, 'dist'))).toBe(false);
    const main = (load(readFileSync(join(clone, 'action.yml'), 'utf8')) as { runs: { using: string; main: string } }).runs;
    expect(main.using).toBe('node24');

    const { code, stdout } = await runAction({ command: quote(notesServer(2)), comment: 'true', 'github-token': 'test-token' }, join(clone, main.main));
    expect(code, stdout).toBe(1);
    const outputs = readOutputs(join(dir, 'github-output'));
    expect(outputs).toMatchObject({ failed: 'true', 'recommended-bump': 'major' });
    expect(Number(outputs.breaking)).toBeGreaterThan(0);
    expect(stdout).toMatch(/^::error /m);
    expect(readFileSync(join(dir, 'step-summary.md'), 'utf8')).toContain('mcp-compat');
    expect(api.comments).toHaveLength(1);
  });

  it('exits 2 with an ::error when it cannot check', async () => {
    const missing = await runAction({ command: quote(notesServer(1)), baseline: 'nope.json' });
    expect(missing.code).toBe(2);
    expect(missing.stdout).toMatch(/^::error title=mcp-compat could not check the server::.*nope\.json/m);
    const broken = await runAction({ command: `"${process.execPath}" -e "process.exit(3)"` });
    expect(broken.code).toBe(2);
    const both = await runAction({ command: 'node x.js', url: 'http://127.0.0.1:1/mcp' });
    expect(both.code).toBe(2);
    expect(both.stdout).toContain('Give only one of the inputs');
    for (const timeout of ['0', '1.5', 'soon', '2147483648']) {
      const bad = await runAction({ command: quote(notesServer(1)), timeout });
      expect(bad.code).toBe(2);
      expect(bad.stdout).toContain(`::error title=mcp-compat could not check the server::Input timeout "${timeout}" is not an integer from 1 to 2147483647`);
    }
    expect(existsSync(join(dir, 'github-output'))).toBe(false);
  });
});
