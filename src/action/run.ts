import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MAX_TIMEOUT_MS, type ServerTarget } from '../capture/target.js';
import { configuredTarget } from '../commands/check.js';
import { captureOptions } from '../commands/flags/capture-options.js';
import { loadProjectConfig, type LoadedProjectConfig } from '../commands/flags/project-config.js';
import { displayPath, sourceOf } from '../commands/flags/report-values.js';
import { makeReport } from '../commands/reporting.js';
import { EXIT_CHANGES_FOUND, EXIT_OK, EXIT_TOOL_FAILURE, UserError } from '../errors.js';
import { FAIL_ON_LEVELS } from '../policy/fail-on.js';
import type { Bump } from '../policy/semver.js';
import { REPORT_FORMATS, type ReportFormat, renderReport } from '../report/index.js';
import { DEFAULT_MARKDOWN_BUDGET } from '../report/markdown.js';
import { workflowCommand } from '../report/github.js';
import type { Report } from '../report/model.js';
import { resolveSnapshotArgument } from '../snapshot/git-source.js';
import { cleanBlock } from '../report/sanitize.js';
import { splitCommandLine } from './command-line.js';
import { commentMarker, upsertComment } from './github-api.js';

/** GitHub's limit on a comment body is 65536 characters. */
const COMMENT_LIMIT = 60_000;

interface Job {
  label: string;
  baseline: string;
  target: () => Promise<ServerTarget>;
  server?: string;
  timeoutMs?: number;
}

const CONTEXT_NOT_COUNTED =
  'The project config has a "context" section, which the GitHub Action does not apply: it counts no context cost. Run `npx mcp-compat check` with the same config in a step of its own for that gate.';

/**
 * The GitHub Action (action.yml): check one server (command / url / config+server inputs) or every
 * server of the project config against its baseline; write the markdown report to the job summary
 * and a file, set outputs, print annotations, and keep one sticky PR comment up to date.
 * Returns the exit code: 0, 1 (changes at or above fail-on) or 2 (could not check).
 */
export async function runAction(env: NodeJS.ProcessEnv, out: (text: string) => void): Promise<number> {
  const input = (name: string): string => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  try {
    const workdir = resolve(env.GITHUB_WORKSPACE ?? process.cwd(), input('working-directory') || '.');
    process.chdir(workdir);
    const format = (input('format') || 'text') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UserError(`Input format "${format}" is not one of ${REPORT_FORMATS.join(', ')}.`);
    const failOn = input('fail-on');
    if (failOn !== '' && !(FAIL_ON_LEVELS as readonly string[]).includes(failOn)) throw new UserError(`Input fail-on "${failOn}" is not one of ${FAIL_ON_LEVELS.join(', ')}.`);
    const config = await loadProjectConfig({ path: input('project-config') || undefined });
    // Counting would put the 2 MB tokenizer in this committed one-file bundle (docs/context-cost.md): say so rather than pass a gate unchecked.
    if (config?.context) out(`${workflowCommand('warning', { title: 'mcp-compat: context cost not counted' }, CONTEXT_NOT_COUNTED)}\n`);
    const flags = { format, 'fail-on': failOn || undefined, 'require-bump': input('require-bump') === 'true', 'next-version': input('next-version') || undefined };
    const timeout = input('timeout') ? Number(input('timeout')) : undefined;
    if (timeout !== undefined && !(Number.isInteger(timeout) && timeout >= 1 && timeout <= MAX_TIMEOUT_MS)) {
      throw new UserError(`Input timeout "${input('timeout')}" is not an integer from 1 to ${MAX_TIMEOUT_MS} (milliseconds).`);
    }

    const jobs = actionJobs(input, config, timeout);
    const [{ readSnapshotSource }, { snapshotServer }] = await Promise.all([import('../snapshot/git-source.js'), import('../capture/snapshot-server.js')]);
    const reports: Report[] = [];
    for (const job of jobs) {
      const { snapshot: base, text: baseText } = await readSnapshotSource(job.baseline);
      const head = await snapshotServer(await job.target(), captureOptions({ timeout }, job.timeoutMs, false));
      reports.push(
        makeReport({
          base,
          head,
          sources: { base: sourceOf(job.baseline, baseText) },
          flags,
          config,
          server: job.server,
          refreshCommand: job.server ? `mcp-compat check --name ${job.server} --update` : `mcp-compat check --baseline ${displayPath(job.baseline)} --update ...`,
        }),
      );
    }

    // One comment for every server: they share the budget that keeps it under GitHub's limit.
    const view = { languages: config?.suggestions?.languages, markdownBudget: Math.floor(DEFAULT_MARKDOWN_BUDGET / reports.length) - (reports.length > 1 ? 200 : 0) };
    const markdown = reports.map((report, index) => (reports.length > 1 ? `## ${jobs[index]?.label}\n\n` : '') + renderReport(report, 'markdown', view)).join('\n');
    const reportPath = join(env.RUNNER_TEMP || tmpdir(), 'mcp-compat-report.md');
    await writeFile(reportPath, markdown, 'utf8');
    if (env.GITHUB_STEP_SUMMARY) await appendFile(env.GITHUB_STEP_SUMMARY, `${markdown}\n`, 'utf8');

    for (const report of reports) {
      if (format !== 'github') out(renderReport(report, format, { color: false }));
      out(renderReport(report, 'github'));
    }

    const total = (key: 'breaking' | 'risky' | 'compatible') => reports.reduce((sum, report) => sum + report.summary[key], 0);
    const failed = reports.some((report) => report.summary.failed);
    await setOutputs(env, {
      breaking: String(total('breaking')),
      risky: String(total('risky')),
      compatible: String(total('compatible')),
      'recommended-bump': highestBump(reports.map((report) => report.summary.recommendedBump)),
      report: reportPath,
      failed: String(failed),
    });

    if (input('comment') === 'true') await comment(env, input, markdown, out);
    return failed ? EXIT_CHANGES_FOUND : EXIT_OK;
  } catch (error) {
    // Stack traces only with the runner's debug logging (re-run with debug logging enabled).
    const debug = env.RUNNER_DEBUG === '1';
    const message =
      error instanceof UserError
        ? `${error.message}${error.hint ? ` ${error.hint}` : ''}${error.detail ? `\n${error.detail}` : ''}`
        : `internal error: ${debug ? ((error as Error).stack ?? String(error)) : (error as Error).message}`;
    out(`${workflowCommand('error', { title: 'mcp-compat could not check the server' }, cleanBlock(message))}\n`);
    return EXIT_TOOL_FAILURE;
  }
}

function actionJobs(input: (name: string) => string, config: LoadedProjectConfig | undefined, timeout: number | undefined): Job[] {
  const baseline = resolveSnapshotArgument(input('baseline') || 'mcp-snapshot.json');
  const command = input('command');
  const url = input('url');
  const clientConfig = input('config');
  const given = [command, url, clientConfig].filter((value) => value !== '').length;
  if (given > 1) throw new UserError('Give only one of the inputs command, url, or config (+ server).');
  if (command) {
    const [program, ...args] = splitCommandLine(command);
    if (!program) throw new UserError('The command input is empty.');
    return [{ label: program, baseline, target: async () => ({ kind: 'stdio', command: program, args, cwd: process.cwd() }), timeoutMs: timeout }];
  }
  if (url) {
    const transport = input('transport') || 'http';
    if (transport !== 'http' && transport !== 'sse') throw new UserError(`Input transport "${transport}" must be http or sse.`);
    const headers = parseHeaders(input('headers'));
    return [{ label: url, baseline, target: async () => ({ kind: transport, url, ...(headers ? { headers } : {}) }), timeoutMs: timeout }];
  }
  if (clientConfig) {
    const server = input('server');
    if (!server) throw new UserError('The config input needs the server input: the name of the server in that file.');
    return [
      {
        label: server,
        baseline,
        target: async () => (await import('../capture/client-config.js')).targetFromClientConfig(resolve(clientConfig), server),
        timeoutMs: timeout,
      },
    ];
  }
  if (!config || config.servers.length === 0) {
    throw new UserError('No server to check: give the command, url or config input, or configure servers in mcp-compat.config.json.');
  }
  const only = input('server');
  const servers = only ? config.servers.filter((server) => server.name === only) : config.servers;
  if (servers.length === 0) throw new UserError(`No server named "${only}" in ${displayPath(config.file)}.`);
  return servers.map((server) => ({
    label: server.name,
    baseline: resolve(config.dir, server.baseline),
    target: () => configuredTarget(server, config.dir),
    server: server.name,
    timeoutMs: server.timeoutMs ?? timeout,
  }));
}

/** One `Name: value` per line. Any header name is an entry, `__proto__` too (no prototype to set). */
export function parseHeaders(text: string): Record<string, string> | undefined {
  if (!text) return undefined;
  const headers = Object.create(null) as Record<string, string>;
  for (const line of text.split(/\r?\n/).filter((item) => item.trim() !== '')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new UserError(`Header "${line}" is not "Name: value".`);
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return headers;
}

async function setOutputs(env: NodeJS.ProcessEnv, outputs: Record<string, string>): Promise<void> {
  if (!env.GITHUB_OUTPUT) return;
  const delimiter = `mcp_compat_${Math.random().toString(36).slice(2)}`;
  const text = Object.entries(outputs)
    .map(([name, value]) => `${name}<<${delimiter}\n${value}\n${delimiter}\n`)
    .join('');
  await appendFile(env.GITHUB_OUTPUT, text, 'utf8');
}

const BUMPS: readonly Bump[] = ['none', 'patch', 'minor', 'major'];
function highestBump(bumps: readonly Bump[]): Bump {
  return bumps.reduce<Bump>((highest, bump) => (BUMPS.indexOf(bump) > BUMPS.indexOf(highest) ? bump : highest), 'none');
}

async function comment(env: NodeJS.ProcessEnv, input: (name: string) => string, markdown: string, out: (text: string) => void): Promise<void> {
  const token = input('github-token');
  if (!token) {
    out('mcp-compat: comment is true but no github-token was given; not commenting.\n');
    return;
  }
  const issueNumber = await pullRequestNumber(env);
  if (issueNumber === undefined || !env.GITHUB_REPOSITORY) {
    out('mcp-compat: not a pull request event; no comment.\n');
    return;
  }
  const id = input('comment-id') || input('server') || input('url') || input('command') || input('baseline') || 'default';
  const body = markdown.length > COMMENT_LIMIT ? `${markdown.slice(0, COMMENT_LIMIT)}\n\n…the report is truncated; the full report is in the job summary.\n` : markdown;
  try {
    const action = await upsertComment(
      { apiUrl: env.GITHUB_API_URL || 'https://api.github.com', repository: env.GITHUB_REPOSITORY, issueNumber, token },
      commentMarker(id),
      body,
    );
    out(`mcp-compat: ${action} the report comment on #${issueNumber}.\n`);
  } catch (error) {
    // Pull requests from forks get a read-only token: the check itself must still pass or fail on its merits.
    out(`${workflowCommand('warning', { title: 'mcp-compat could not comment' }, (error as Error).message)}\n`);
  }
}

async function pullRequestNumber(env: NodeJS.ProcessEnv): Promise<number | undefined> {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  try {
    const event = JSON.parse(await readFile(env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: number }; number?: number };
    return event.pull_request?.number ?? undefined;
  } catch {
    return undefined;
  }
}
