#!/usr/bin/env node
// Times the engine on one snapshot pair, in a process of its own (so its peak memory is its own, and
// a crash is reported by the parent instead of ending the benchmark):
//
//   node bench/engine-child.mjs BASE HEAD [--reps N] [--warmup N]
//
// Reads and validates both files first (timed apart), then runs diffSnapshots + buildReport (the
// engine: comparison, rule catalog, suggestions, policy, semver) `warmup` times untimed and `reps`
// times timed, then renders the JSON report once. Prints one JSON line.
import { performance } from 'node:perf_hooks';
import { buildReport, diffSnapshots, readSnapshot, renderReport } from '../dist/index.js';

const [basePath, headPath, ...rest] = process.argv.slice(2);
const option = (name, fallback) => (rest.includes(name) ? Number(rest[rest.indexOf(name) + 1]) : fallback);
const reps = option('--reps', 5);
const warmup = option('--warmup', 1);

const readStart = performance.now();
const [base, head] = await Promise.all([readSnapshot(basePath), readSnapshot(headPath)]);
const readMs = performance.now() - readStart;

const policy = { failOn: 'breaking', today: '2026-01-01' };
function engine() {
  const diff = diffSnapshots(base, head);
  return buildReport({ diff, base, head, policy });
}

let report;
let firstMs;
const times = [];
let heapPeak = process.memoryUsage().heapUsed;
for (let run = 0; run < warmup + reps; run++) {
  const start = performance.now();
  report = engine();
  const elapsed = performance.now() - start;
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  if (run === 0) firstMs = elapsed;
  if (run >= warmup) times.push(elapsed);
}

const renderStart = performance.now();
const rendered = renderReport(report, 'json');
const renderMs = performance.now() - renderStart;

times.sort((a, b) => a - b);
const middle = Math.floor(times.length / 2);
process.stdout.write(
  `${JSON.stringify({
    tools: base.tools.length,
    changes: report.changes.length,
    summary: { breaking: report.summary.breaking, risky: report.summary.risky, compatible: report.summary.compatible },
    readMs,
    firstMs,
    engineMs: times.length % 2 ? times[middle] : (times[middle - 1] + times[middle]) / 2,
    engineRuns: times,
    renderMs,
    reportBytes: Buffer.byteLength(typeof rendered === 'string' ? rendered : JSON.stringify(rendered)),
    heapPeakKb: heapPeak / 1024,
    maxRssKb: process.resourceUsage().maxRSS,
  })}\n`,
);
