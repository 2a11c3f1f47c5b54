#!/usr/bin/env node
// `npm run bench`: builds, then measures the built CLI and library (dist/) against the targets of
// docs/performance.md, and prints one Markdown report of medians and ratios (also written to
// bench/.out/results.md).
//
//   node bench/run.mjs [--quick] [--no-hyperfine] [--only startup,realistic,engine,adversarial,json-schema-diff,capture,check-all]
//
// --quick takes fewer runs (about a minute and a half); --no-hyperfine times whole processes with the
// interleaved spawnSync loop even when hyperfine is installed (steadier on a busy machine, where
// hyperfine's command-after-command runs catch different bursts of load).
// Start-up and capture times are wall-clock times of whole processes (hyperfine when it is on PATH,
// otherwise spawnSync in a loop), interleaved run by run. Engine times are measured in-process with
// performance.now, in a child process per case so that each has its own peak memory and a crash
// cannot end the run. No number here is ever asserted by a test.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { compareSchemas, getRule, schemaRuleId } from '../dist/index.js';
import { adversarialPairs, generatePair, OUT_DIR, writePair } from './generate.mjs';
import { prepare, timeJsonSchemaDiff } from './json-schema-diff.mjs';
import { mb, median, ms, nodeJson, ratio, table, timeInterleaved, timeOnce } from './lib.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bench = (file) => join(root, 'bench', file);
const cli = join(root, 'bin', 'run.js');
const node = process.execPath;

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const SECTIONS = ['startup', 'realistic', 'engine', 'adversarial', 'json-schema-diff', 'capture', 'check-all'];
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1].split(',') : SECTIONS;
for (const name of only) if (!SECTIONS.includes(name)) throw new Error(`unknown section ${name}; known: ${SECTIONS.join(', ')}`);

const RUNS = quick
  ? { startup: 10, startupWarmup: 2, realistic: 5, tail: 5, capture: 5, captureWarmup: 1, checkAll: 3, engineReps: 5, jsdPairs: 20, jsdTimeoutMs: 2000 }
  : { startup: 20, startupWarmup: 3, realistic: 15, tail: 11, capture: 15, captureWarmup: 2, checkAll: 5, engineReps: 15, jsdPairs: 60, jsdTimeoutMs: 5000 };

const log = (line) => process.stderr.write(`bench: ${line}\n`);
mkdirSync(OUT_DIR, { recursive: true });

/** One verdict per target, filled in by the sections, printed first. */
const targets = [];
const target = (name, goal, measured, met) => targets.push({ name, goal, measured, met });
const verdict = (met) => (met === undefined ? 'not measured' : met ? 'met' : '**missed**');

const hyperfine = argv.includes('--no-hyperfine') ? { status: 1 } : spawnSync('hyperfine', ['--version'], { encoding: 'utf8' });
const hasHyperfine = hyperfine.status === 0;

/**
 * Times whole commands: with hyperfine (-N, no shell) when present, else interleaved spawnSync runs.
 * Returns name -> { median, runs?, failure? } in ms.
 */
function timeCommands(commands, { runs, warmup, cwd, label }) {
  if (hasHyperfine) {
    const exportFile = join(OUT_DIR, `hyperfine-${label}.json`);
    const quote = (arg) => `'${arg.replace(/'/g, `'\\''`)}'`;
    const result = spawnSync(
      'hyperfine',
      ['-N', '--warmup', String(warmup), '--runs', String(runs), '-i', '--style', 'none', '--export-json', exportFile, ...commands.map((c) => c.argv.map(quote).join(' '))],
      { cwd, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] },
    );
    if (result.status === 0) {
      const { results } = JSON.parse(readFileSync(exportFile, 'utf8'));
      return Object.fromEntries(
        commands.map((command, index) => {
          const r = results[index];
          const bad = (r.exit_codes ?? []).find((code) => !(command.expect ?? [0]).includes(code));
          return [command.name, bad === undefined ? { median: r.median * 1000, runs: r.times.map((t) => t * 1000) } : { median: Number.NaN, failure: `exit ${bad}` }];
        }),
      );
    }
    log(`hyperfine failed (${result.stderr.trim().split('\n')[0]}); timing with spawnSync instead`);
  }
  return timeInterleaved(commands, { runs, warmup, cwd });
}

const method = () => (hasHyperfine ? 'hyperfine -N, one command after the other' : 'spawnSync, the commands interleaved run by run');

const failureNote = (results) =>
  Object.entries(results)
    .filter(([, r]) => r.failure)
    .map(([name, r]) => `- ${name} failed: ${r.failure}`)
    .join('\n');

// ---------------------------------------------------------------------------------------------

async function startup() {
  log('start-up: node -e "" vs the CLI');
  const pair = writePair(join(OUT_DIR, 'startup'), '100', { tools: 100, seed: 1 });
  const commands = [
    { name: "node -e ''", argv: [node, '-e', ''] },
    { name: 'mcp-compat diff (100 tools, --format json)', argv: [node, cli, 'diff', pair.basePath, pair.headPath, '--format', 'json'], expect: [0, 1] },
    { name: 'mcp-compat diff (the 8-tool notes v1 and v2)', argv: [node, cli, 'diff', join(root, 'fixtures/snapshots/golden/notes-v1.json'), join(root, 'fixtures/snapshots/golden/notes-v2.json'), '--format', 'json'], expect: [0, 1] },
    { name: 'mcp-compat --help', argv: [node, cli, '--help'] },
    { name: 'mcp-compat diff --help', argv: [node, cli, 'diff', '--help'] },
    // oclif starting, loading its config and printing the version: the floor under every command.
    { name: 'mcp-compat --version', argv: [node, cli, '--version'] },
  ];
  const results = timeCommands(commands, { runs: RUNS.startup, warmup: RUNS.startupWarmup, cwd: root, label: 'startup' });
  const baseline = results["node -e ''"].median;
  const rows = commands.map((c) => [`\`${c.name}\``, ms(results[c.name].median), c === commands[0] ? '1.00x' : ratio(results[c.name].median / baseline)]);
  for (const c of [commands[1], commands[3]]) {
    const r = results[c.name].median / baseline;
    target(`Cold start: ${c.name}`, "≤ 2x `node -e ''`", Number.isFinite(r) ? `${ratio(r)} (${ms(results[c.name].median)} vs ${ms(baseline)})` : results[c.name].failure, Number.isFinite(r) ? r <= 2 : false);
  }
  return [
    `## Start-up\n`,
    `Wall time of the whole process, median of ${RUNS.startup} runs after ${RUNS.startupWarmup} warm-up runs (${method()}). The diff compares two 100-tool snapshots (${(pair.bytes / 1024).toFixed(0)} KB each) and exits 1 (breaking changes found).\n`,
    table(['command', 'median', "vs `node -e ''`"], rows),
    failureNote(results),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Peak RSS in MB of one run of `argv`, by GNU time (undefined where /usr/bin/time is missing). */
function peakRss(argv) {
  if (!existsSync('/usr/bin/time')) return undefined;
  const result = spawnSync('/usr/bin/time', ['-f', '%M', ...argv], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kilobytes = Number(result.stderr.trim().split('\n').pop());
  return Number.isFinite(kilobytes) ? kilobytes / 1024 : undefined;
}

/**
 * The time `argv` takes after the server it runs (bench/snapshot-server.mjs --stamp FILE) wrote its
 * last list answer: from that stamp to the exit of the process, in ms.
 */
function tailAfterLastList(argv, stamp) {
  rmSync(stamp, { force: true });
  const result = spawnSync(argv[0], argv.slice(1), { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
  const end = performance.timeOrigin + performance.now();
  if (result.status !== 0 || !existsSync(stamp)) return { failure: `exit ${result.status ?? result.signal}: ${(result.stderr ?? '').trim().split('\n')[0]}` };
  return { ms: end - Number(readFileSync(stamp, 'utf8')) };
}

async function realistic() {
  log('realistic: diff of two 1,000-tool and two 5,000-tool realistic snapshots vs node -e ""');
  const dir = join(OUT_DIR, 'realistic');
  const pairs = [1000, 5000].map((tools) => ({ tools, ...writePair(dir, `realistic-${tools}`, { tools, seed: 1, profile: 'realistic' }) }));
  const commands = [
    { name: "node -e ''", argv: [node, '-e', ''] },
    ...pairs.map((pair) => ({ name: `diff, ${pair.tools.toLocaleString('en-US')} tools`, argv: [node, cli, 'diff', pair.basePath, pair.headPath, '--format', 'json'], expect: [0, 1] })),
  ];
  // Always interleaved: the ratios below compare commands run side by side, run by run.
  const results = timeInterleaved(commands, { runs: RUNS.realistic, warmup: 2, cwd: root });
  const baseline = results["node -e ''"].median;
  const fastest = (name) => Math.min(...results[name].runs);
  const rows = commands.map((c, index) => {
    const pair = pairs[index - 1];
    const rss = peakRss(c.argv);
    return [
      `\`${c.name}\``,
      pair ? `${(pair.bytes / 1024 / 1024).toFixed(2)} MiB` : '',
      results[c.name].failure ?? ms(results[c.name].median),
      index === 0 ? '1.00x' : ratio(results[c.name].median / baseline),
      results[c.name].failure ? '—' : ms(fastest(c.name)),
      index === 0 ? '1.00x' : ratio(fastest(c.name) / fastest(commands[0].name)),
      rss === undefined ? '—' : `${rss.toFixed(0)} MB`,
    ];
  });
  for (const [index, goal] of [[1, 2], [2, 4]]) {
    const c = commands[index];
    const r = results[c.name].median / baseline;
    target(`Realistic snapshots: ${c.name}`, `≤ ${goal}x \`node -e ''\``, Number.isFinite(r) ? `${ratio(r)} (${ms(results[c.name].median)} vs ${ms(baseline)})` : results[c.name].failure, Number.isFinite(r) ? r <= goal : false);
  }

  log('realistic: check against a 1,000-tool server, after its last list, vs the SDK baseline');
  const stamp = join(dir, 'last-list.stamp');
  const server = [node, bench('snapshot-server.mjs'), pairs[0].basePath, '--stamp', stamp];
  const tails = { sdk: [], check: [] };
  const tailArgv = {
    sdk: [node, bench('sdk-baseline.mjs'), '--all-lists', '--', ...server],
    check: [node, cli, 'check', '--baseline', pairs[0].basePath, '--format', 'json', '--', ...server],
  };
  let tailFailure;
  for (let round = 0; round < RUNS.tail + 1 && !tailFailure; round++) {
    for (const name of ['sdk', 'check']) {
      const run = tailAfterLastList(tailArgv[name], stamp);
      if (run.failure) tailFailure = `${name}: ${run.failure}`;
      else if (round > 0) tails[name].push(run.ms);
    }
  }
  const extra = median(tails.check) - median(tails.sdk);
  target('`check` of a 1,000-tool server, after its last list', 'within 50 ms of the SDK baseline', tailFailure ?? `${ms(median(tails.check))} vs ${ms(median(tails.sdk))}: ${extra >= 0 ? '+' : ''}${ms(extra)}`, tailFailure ? false : extra <= 50);
  return [
    `## Realistic snapshots
`,
    `Tools as zod-based servers list them (\`bench/generate.mjs --profile realistic\`, seed 1): input and output schemas on every tool, \`$defs\`, enums, bounds, descriptions; the head is the next release (about 5 % of the tools changed). Wall time of \`mcp-compat diff BASE HEAD --format json\`, median and fastest of ${RUNS.realistic} runs after 2 warm-up runs, the three commands interleaved run by run (spawnSync); peak RSS from one more run under GNU time.\n`,
    table(['command', 'each file', 'median', "vs `node -e ''`", 'min', "min vs `node -e ''`'s min", 'peak RSS'], rows),
    failureNote(results),
    '',
    `\`mcp-compat check --baseline B --format json -- SERVER\` against bench/snapshot-server.mjs serving the 1,000-tool base (no changes), next to \`bench/sdk-baseline.mjs --all-lists\` against the same server: the time from the server's last list answer to the exit of the client, median and fastest of ${RUNS.tail} runs after 1 warm-up, interleaved.\n`,
    table(['client', 'after the last list, median', 'min'], [
      ['SDK baseline, all four lists', tailFailure ? '—' : ms(median(tails.sdk)), tailFailure ? '—' : ms(Math.min(...tails.sdk))],
      ['mcp-compat check', tailFailure ? tailFailure : ms(median(tails.check)), tailFailure ? '—' : ms(Math.min(...tails.check))],
    ]),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function engine() {
  const sizes = [10, 100, 1000, 5000];
  const rows = [];
  const perTool = {};
  let thousand;
  for (const tools of sizes) {
    log(`engine: ${tools} tools`);
    const pair = writePair(join(OUT_DIR, 'engine'), String(tools), { tools, seed: 1 });
    const reps = tools >= 5000 ? Math.max(3, Math.round(RUNS.engineReps / 3)) : RUNS.engineReps;
    const r = await nodeJson([bench('engine-child.mjs'), pair.basePath, pair.headPath, '--reps', String(reps), '--warmup', '2'], { timeoutMs: 300_000 });
    if (r.failure) {
      rows.push([tools.toLocaleString('en'), `${(pair.bytes / 1024 / 1024).toFixed(2)} MB`, '—', '—', r.failure, '—', '—', '—', '—']);
      continue;
    }
    perTool[tools] = r.engineMs / tools;
    if (tools === 1000) thousand = r;
    rows.push([
      tools.toLocaleString('en'),
      `${(pair.bytes / 1024 / 1024).toFixed(2)} MB`,
      `${r.changes} (${r.summary.breaking}/${r.summary.risky}/${r.summary.compatible})`,
      ms(r.readMs),
      ms(r.engineMs),
      ms(r.engineMs / tools),
      ms(r.renderMs),
      mb(r.heapPeakKb),
      mb(r.maxRssKb),
    ]);
  }

  // Schema size at a fixed number of tools: every object schema `width` times as many properties.
  const widthRows = [];
  const perKb = {};
  for (const width of [1, 2, 4]) {
    log(`engine: 500 tools, schema width ${width}`);
    const pair = writePair(join(OUT_DIR, 'engine'), `500-w${width}`, { tools: 500, seed: 7, width });
    const r = await nodeJson([bench('engine-child.mjs'), pair.basePath, pair.headPath, '--reps', String(RUNS.engineReps), '--warmup', '2'], { timeoutMs: 300_000 });
    if (r.failure) {
      widthRows.push([`x${width}`, `${(pair.bytes / 1024 / 1024).toFixed(2)} MB`, '—', r.failure, '—', '—']);
      continue;
    }
    perKb[width] = r.engineMs / (pair.bytes / 1024);
    widthRows.push([`x${width}`, `${(pair.bytes / 1024 / 1024).toFixed(2)} MB`, String(r.changes), ms(r.engineMs), ms(perKb[width]), mb(r.maxRssKb)]);
  }

  if (thousand) {
    target('Engine: two 1,000-tool snapshots', '< 100 ms engine time', ms(thousand.engineMs), thousand.engineMs < 100);
    target('Engine: peak memory, 1,000 tools', '< 200 MB', `${mb(thousand.maxRssKb)} peak RSS of the whole process (heap ${mb(thousand.heapPeakKb)})`, thousand.maxRssKb / 1024 < 200);
  } else {
    target('Engine: two 1,000-tool snapshots', '< 100 ms engine time', 'failed', false);
  }
  if (perTool[1000] && perTool[5000]) {
    const growth = perTool[5000] / perTool[1000];
    target('Engine: linear in the number of tools', 'time per tool does not grow from 1,000 to 5,000', `${ratio(growth)} the time per tool at 5,000 as at 1,000`, growth <= 1.5);
  }
  if (perKb[1] && perKb[4]) {
    const growth = perKb[4] / perKb[1];
    target('Engine: linear in schema size', 'time per KB does not grow from x1 to x4 schemas', `${ratio(growth)} the time per KB at x4 as at x1`, growth <= 1.5);
  }
  return [
    `## Engine\n`,
    `\`diffSnapshots\` + \`buildReport\` (comparison, rule catalog, suggestions, policy, semver) on two snapshots already read, median of ${RUNS.engineReps} runs (a third as many at 5,000 tools) after 2 warm-up runs, each size in a fresh process. The head changes about 5 % of the tools (seed 1; bench/generate.mjs). *read* is reading and validating both files, not part of the engine time; *render* is the JSON report. Memory: the largest heap seen after a run, and the peak RSS of the whole process (Node itself, both documents, the engine).\n`,
    table(['tools', 'base file', 'changes (b/r/c)', 'read both', 'engine', 'per tool', 'render JSON', 'heap peak', 'peak RSS'], rows),
    '',
    `Schema size: 500 tools whose object schemas have 1, 2 and 4 times as many properties (seed 7).\n`,
    table(['schema width', 'base file', 'changes', 'engine', 'per KB of snapshot', 'peak RSS'], widthRows),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function adversarial() {
  const dir = join(OUT_DIR, 'adversarial');
  mkdirSync(dir, { recursive: true });
  const rows = [];
  // The kinds the targets name, and the extra cases, judged apart.
  const outcome = { named: { worst: 0, ok: true, slowest: '' }, extra: { worst: 0, ok: true, slowest: '' } };
  for (const [name, c] of Object.entries(adversarialPairs())) {
    log(`adversarial: ${name}`);
    const basePath = join(dir, `base-${name}.json`);
    const headPath = join(dir, `head-${name}.json`);
    writeFileSync(basePath, c.base);
    writeFileSync(headPath, c.head);
    const size = statSync(basePath).size;
    const r = await nodeJson([bench('engine-child.mjs'), basePath, headPath, '--reps', '3', '--warmup', '0'], { timeoutMs: 30_000 });
    const end = timeOnce([node, cli, 'diff', basePath, headPath, '--format', 'json'], { cwd: root, timeoutMs: 30_000 });
    const endOk = !end.error && (end.status === 0 || end.status === 1);
    const group = outcome[c.extra ? 'extra' : 'named'];
    if (r.failure || !endOk) group.ok = false;
    else if (end.ms > group.worst) Object.assign(group, { worst: end.ms, slowest: name });
    rows.push([
      `\`${name}\`${c.extra ? ' (extra)' : ''}`,
      c.what,
      size > 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)} MB` : `${(size / 1024).toFixed(1)} KB`,
      r.failure ? r.failure : ms(r.readMs),
      r.failure ? '—' : ms(r.firstMs),
      r.failure ? '—' : ms(r.engineMs),
      r.failure ? '—' : `${r.changes} (${r.summary.breaking}/${r.summary.risky}/${r.summary.compatible})`,
      endOk ? `${ms(end.ms)} (exit ${end.status})` : `failed: ${end.error?.message ?? `exit ${end.status ?? end.signal}: ${end.stderr.trim().split('\n')[0]}`}`,
    ]);
  }
  const judge = (group) => (group.ok ? `slowest: ${group.slowest}, ${ms(group.worst)} end to end (CLI diff, start-up included)` : 'a case failed (see the table)');
  target('Adversarial schemas: 64-deep nesting, 32-branch anyOf/oneOf, $ref cycle, 10 MB description', 'each < 1 s, no stack overflow', judge(outcome.named), outcome.named.ok && outcome.named.worst < 1000);
  target('Adversarial schemas, extra: unions nested through shared $refs', 'each < 1 s, no stack overflow', judge(outcome.extra), outcome.extra.ok && outcome.extra.worst < 1000);
  return [
    `## Adversarial schemas\n`,
    `One tool per snapshot, each case in a fresh process (a crash or a stack overflow would be reported here, not end the run). *first run* is the engine's first, cold run; *median* of the next 3. *CLI diff* is \`mcp-compat diff BASE HEAD --format json\` end to end, start-up included, one run.\n`,
    table(['case', 'what', 'base file', 'read both', 'engine, first run', 'engine, median', 'changes (b/r/c)', 'CLI diff'], rows),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** compareSchemas plus the rule catalog's verdict for an input schema: what the engine does per schema pair. */
function classify(before, after) {
  const differences = compareSchemas(before, after);
  let breaking = false;
  for (const d of differences) if (getRule(schemaRuleId('input', d.aspect)).severity === 'breaking') breaking = true;
  return breaking;
}

/**
 * The time of one call: the median over 5 batches, each repeating the call until 2 ms have passed
 * (so that microsecond pairs are not lost in the timer's resolution), after one untimed call.
 */
function timeOurs(before, after) {
  classify(before, after);
  const batches = [];
  for (let batch = 0; batch < 5; batch++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    do {
      classify(before, after);
      calls++;
      elapsed = performance.now() - start;
    } while (elapsed < 2);
    batches.push(elapsed / calls);
  }
  return median(batches);
}

async function jsonSchemaDiff() {
  log('json-schema-diff: preparing schema pairs');
  const { base, head } = generatePair({ tools: 1000, seed: 1 });
  const baseDoc = JSON.parse(base);
  const headTools = new Map(JSON.parse(head).tools.map((t) => [t.name, t]));
  const matched = baseDoc.tools.filter((t) => headTools.has(t.name)).map((t) => ({ name: t.name, before: t.inputSchema, after: headTools.get(t.name).inputSchema }));
  const changed = matched.filter((p) => JSON.stringify(p.before) !== JSON.stringify(p.after));
  const unchanged = matched.filter((p) => JSON.stringify(p.before) === JSON.stringify(p.after));
  const wantChanged = Math.min(changed.length, Math.ceil(RUNS.jsdPairs / 2));
  const wantUnchanged = RUNS.jsdPairs - wantChanged;
  const stride = (list, count) => list.filter((_, i) => i % Math.max(1, Math.floor(list.length / count)) === 0).slice(0, count);
  const sample = [...stride(changed, wantChanged), ...stride(unchanged, wantUnchanged)];

  log(`json-schema-diff: ${sample.length} generated pairs (${wantChanged} changed)`);
  const theirs = await timeJsonSchemaDiff(
    sample.map((p) => prepare(p.before, p.after)),
    { timeoutMs: RUNS.jsdTimeoutMs },
  );
  for (const p of sample) classify(p.before, p.after); // warm-up: every pair once before any is timed
  const ours = sample.map((p) => timeOurs(p.before, p.after));
  const ran = sample.map((_, i) => i).filter((i) => theirs[i] && !theirs[i].failure);
  const theirMedian = median(ran.map((i) => theirs[i].ms));
  const ourMedian = median(ran.map((i) => ours[i]));
  const perPair = median(ran.map((i) => theirs[i].ms / ours[i]));
  const failures = sample.length - ran.length;

  // The adversarial schemas, where json-schema-diff's worst cases live.
  log('json-schema-diff: adversarial pairs');
  const adversarialRows = [];
  const cases = Object.entries(adversarialPairs()).filter(([name]) => name !== 'description-10mb');
  const advPairs = cases.map(([, c]) => ({ before: JSON.parse(c.base).tools[0].inputSchema, after: JSON.parse(c.head).tools[0].inputSchema }));
  const advTheirs = await timeJsonSchemaDiff(
    advPairs.map((p) => prepare(p.before, p.after)),
    { timeoutMs: RUNS.jsdTimeoutMs },
  );
  cases.forEach(([name], i) => {
    const oursMs = timeOurs(advPairs[i].before, advPairs[i].after);
    const t = advTheirs[i];
    adversarialRows.push([`\`${name}\``, ms(oursMs), t.failure ? t.failure : ms(t.ms), t.failure ? '—' : ratio(t.ms / oursMs)]);
  });

  const overall = theirMedian / ourMedian;
  target('Against json-schema-diff', '≥ 100x faster per pair', `${ratio(overall)} on medians, ${ratio(perPair)} median per pair (${ran.length} pairs)`, overall >= 100 && perPair >= 100);
  return [
    `## Against json-schema-diff\n`,
    `Input schema pairs of the 1,000-tool snapshots (${wantChanged} changed by the release, ${wantUnchanged} unchanged). This engine: \`compareSchemas\` plus the rule catalog's input verdict, in-process, per pair the median of 5 batches of repeated calls. json-schema-diff ${JSON.parse(readFileSync(join(root, 'node_modules', 'json-schema-diff', 'package.json'), 'utf8')).version}: \`diffSchemas\` per pair, timed inside its worker thread (clone, \`$schema\` stripped, external \`$ref\`s refused, ${RUNS.jsdTimeoutMs / 1000} s timeout; design §5).${failures > 0 ? ` ${failures} pair(s) could not be compared (json-schema-diff failed or timed out) and are left out.` : ''}\n`,
    table(['', 'mcp-compat', 'json-schema-diff', 'ratio'], [
      ['median per pair', ms(ourMedian), ms(theirMedian), ratio(overall)],
      ['median of the per-pair ratios', '', '', ratio(perPair)],
    ]),
    '',
    'On the adversarial schemas (json-schema-diff rejects circular `$ref`s):\n',
    table(['case', 'mcp-compat', 'json-schema-diff', 'ratio'], adversarialRows),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function capture() {
  log('capture: SDK baseline vs mcp-compat snapshot');
  const notes = [node, join(root, 'fixtures/servers/notes/v2/server.js')];
  const paged = [node, join(root, 'fixtures/servers/raw/server.js'), '--tools', '5000', '--page-size', '100'];
  const commands = [
    { name: 'SDK baseline: notes v2', argv: [node, bench('sdk-baseline.mjs'), '--', ...notes] },
    { name: 'SDK baseline, all four lists: notes v2', argv: [node, bench('sdk-baseline.mjs'), '--all-lists', '--', ...notes] },
    { name: 'mcp-compat snapshot: notes v2', argv: [node, cli, 'snapshot', '--', ...notes] },
    { name: 'SDK baseline: 5,000 tools, 50 pages', argv: [node, bench('sdk-baseline.mjs'), '--', ...paged] },
    { name: 'SDK baseline, all four lists: 5,000 tools, 50 pages', argv: [node, bench('sdk-baseline.mjs'), '--all-lists', '--', ...paged] },
    { name: 'mcp-compat snapshot: 5,000 tools, 50 pages', argv: [node, cli, 'snapshot', '--', ...paged] },
  ];
  const results = timeCommands(commands, { runs: RUNS.capture, warmup: RUNS.captureWarmup, cwd: root, label: 'capture' });
  const m = (name) => results[name].median;
  const rows = [
    ['notes v2 (8 tools, 2 prompts, 2 resources, 1 template)', ms(m(commands[0].name)), ms(m(commands[1].name)), ms(m(commands[2].name)), ratio(m(commands[2].name) / m(commands[0].name)), ratio(m(commands[2].name) / m(commands[1].name))],
    ['raw server, 5,000 tools in pages of 100 (1 resource, 1 template)', ms(m(commands[3].name)), ms(m(commands[4].name)), ms(m(commands[5].name)), ratio(m(commands[5].name) / m(commands[3].name)), ratio(m(commands[5].name) / m(commands[4].name))],
  ];
  const notesRatio = m(commands[2].name) / m(commands[0].name);
  const pagedRatio = m(commands[5].name) / m(commands[3].name);
  target('Capture: notes v2 over stdio', '≤ 1.15x the SDK baseline', Number.isFinite(notesRatio) ? ratio(notesRatio) : 'failed', Number.isFinite(notesRatio) ? notesRatio <= 1.15 : false);
  target('Capture: 5,000 tools in 50 pages', '≤ 1.15x the SDK baseline', Number.isFinite(pagedRatio) ? ratio(pagedRatio) : 'failed', Number.isFinite(pagedRatio) ? pagedRatio <= 1.15 : false);
  return [
    `## Capture\n`,
    `Wall time of the whole process: spawn the server over stdio, initialize, list, close. The baseline is bench/sdk-baseline.mjs (the SDK's Client and StdioClientTransport, tools/list only, every page); *all four lists* also reads prompts, resources and templates, as \`mcp-compat snapshot\` does (which then validates, sorts and prints the canonical snapshot). Median of ${RUNS.capture} runs after ${RUNS.captureWarmup} warm-up (${method()}).\n`,
    table(['server', 'SDK baseline', 'SDK, all four lists', 'mcp-compat snapshot', 'vs baseline', 'vs all four lists'], rows),
    failureNote(results),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

/** Times `check --all` over `servers` (name -> config entry) with --concurrency 1 and the default. */
function timeCheckAll(label, servers) {
  const dir = mkdtempSync(join(tmpdir(), 'mcp-compat-bench-'));
  try {
    const config = { failOn: 'breaking', servers: Object.fromEntries(Object.entries(servers).map(([name, s]) => [name, { baseline: `baselines/${name}.json`, ...s }])) };
    writeFileSync(join(dir, 'mcp-compat.config.json'), `${JSON.stringify(config, null, 2)}\n`);
    // `--update` writes into folders that exist: it creates none.
    mkdirSync(join(dir, 'baselines'));
    execFileSync(node, [cli, 'check', '--all', '--update', '--quiet', '--format', 'json'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const commands = [
      { name: `${label}: --concurrency 1`, argv: [node, cli, 'check', '--all', '--concurrency', '1', '--format', 'json'] },
      { name: `${label}: default (--concurrency 4)`, argv: [node, cli, 'check', '--all', '--format', 'json'] },
    ];
    const results = timeCommands(commands, { runs: RUNS.checkAll, warmup: 1, cwd: dir, label: `check-all-${label}` });
    const [one, four] = commands.map((c) => results[c.name].median);
    return { label, one, four, speedup: one / four, failures: failureNote(results) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function checkAll() {
  const server = (...args) => ({ command: [node, ...args] });
  const fixture = (path) => join(root, 'fixtures/servers', path);
  log('check --all: six fixture servers');
  const mixed = timeCheckAll('six fixture servers', {
    'notes-v1': server(fixture('notes/v1/server.js')),
    'notes-v2': server(fixture('notes/v2/server.js')),
    'notes-v3': server(fixture('notes/v3/server.js')),
    paged: server(fixture('paged/server.js')),
    'raw-2000': server(fixture('raw/server.js'), '--tools', '2000', '--page-size', '100'),
    'raw-slow': server(fixture('raw/server.js'), '--delay', '100', '--page-size', '1'),
  });
  log('check --all: six slow servers');
  const slow = timeCheckAll(
    'six slow servers',
    Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`slow-${i + 1}`, server(fixture('raw/server.js'), '--delay', '100', '--page-size', '1')])),
  );
  const rows = [mixed, slow].map((r) => [r.label, ms(r.one), ms(r.four), ratio(r.speedup)]);
  target(
    '`check --all`: servers captured concurrently, with a limit',
    'faster than one at a time',
    `${ratio(mixed.speedup)} faster with the default limit than with 1 (fixture servers), ${ratio(slow.speedup)} (slow servers)`,
    Number.isFinite(mixed.speedup) && Number.isFinite(slow.speedup) ? mixed.speedup > 1 && slow.speedup > 1 : false,
  );
  return [
    `## check --all\n`,
    `\`mcp-compat check --all --format json\` in a folder whose mcp-compat.config.json lists six stdio servers, each checked against its own baseline (no changes). *Fixture servers*: notes v1, v2 and v3; paged (2 items a page); 2,000 tools in pages of 100; one answering every list page 100 ms late, one item a page. *Slow servers*: six of the last kind, where the time goes to waiting rather than computing. Median of ${RUNS.checkAll} runs after 1 warm-up (${method()}).\n`,
    table(['servers', '--concurrency 1', 'default (4)', 'speed-up'], rows),
    [mixed.failures, slow.failures].filter(Boolean).join('\n'),
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

const sectionRunners = { startup, realistic, engine, adversarial, 'json-schema-diff': jsonSchemaDiff, capture, 'check-all': checkAll };
const started = performance.now();
const loadBefore = loadavg();
const bodies = [];
for (const name of SECTIONS.filter((s) => only.includes(s))) {
  try {
    bodies.push(await sectionRunners[name]());
  } catch (error) {
    bodies.push(`## ${name}\n\nThis section failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    log(`${name} failed: ${error instanceof Error ? error.stack : String(error)}`);
  }
}
const loadAfter = loadavg();

let commit = 'unknown';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
} catch {}
const cpu = cpus();
const machine = [
  `- ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, commit ${commit}, ${quick ? '`--quick`' : 'full run'}, ${((performance.now() - started) / 1000).toFixed(0)} s`,
  `- ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} logical CPUs, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ${type()} ${release()}`,
  `- Node ${process.version}; load average ${loadBefore.map((l) => l.toFixed(2)).join(' ')} before, ${loadAfter.map((l) => l.toFixed(2)).join(' ')} after; timing by ${hasHyperfine ? hyperfine.stdout.trim() : `spawnSync${argv.includes('--no-hyperfine') ? ' (--no-hyperfine)' : ' (hyperfine not on PATH)'}`}`,
].join('\n');

const report = [
  `# mcp-compat benchmarks\n`,
  machine,
  '',
  `## Targets\n`,
  table(['target', 'goal', 'measured', 'verdict'], targets.map((t) => [t.name, t.goal, t.measured, verdict(t.met)])),
  '',
  ...bodies.map((body) => `${body.trim()}\n`),
].join('\n');
writeFileSync(join(OUT_DIR, 'results.md'), report);
process.stdout.write(report);
log(`written to ${join(OUT_DIR, 'results.md')}`);
