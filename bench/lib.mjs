// Small helpers shared by the benchmark scripts: statistics, timing child processes, tables.
import { spawn, spawnSync } from 'node:child_process';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Formats milliseconds with a precision fit for the magnitude. */
export function ms(value) {
  if (!Number.isFinite(value)) return '—';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  if (value >= 0.1) return `${value.toFixed(2)} ms`;
  return `${(value * 1000).toFixed(1)} µs`;
}

export function ratio(value) {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? `${value.toFixed(0)}x` : `${value.toFixed(2)}x`;
}

export function mb(kilobytes) {
  return Number.isFinite(kilobytes) ? `${(kilobytes / 1024).toFixed(0)} MB` : '—';
}

/** A Markdown table. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Runs `argv` once, synchronously; returns wall time in ms and the exit status. */
export function timeOnce(argv, options = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: options.timeoutMs ?? 120_000, cwd: options.cwd });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  return { ms: elapsed, status: result.status, signal: result.signal, stderr: result.stderr ?? '', error: result.error };
}

/**
 * Times each command `runs` times after `warmup` runs, interleaving the commands run by run so that
 * a noisy neighbour slows them all alike. Each command is `{ name, argv, expect: [exit codes] }`.
 * Returns name -> { median, runs: [ms], failure? }.
 */
export function timeInterleaved(commands, { runs, warmup, cwd, onRun }) {
  const results = Object.fromEntries(commands.map((c) => [c.name, { runs: [], failure: undefined }]));
  for (let round = 0; round < warmup + runs; round++) {
    for (const command of commands) {
      const result = results[command.name];
      if (result.failure) continue;
      const run = timeOnce(command.argv, { cwd });
      const expected = command.expect ?? [0];
      if (run.error || !expected.includes(run.status)) {
        result.failure = run.error ? run.error.message : `exit ${run.status ?? run.signal}: ${run.stderr.trim().split('\n')[0] ?? ''}`;
        continue;
      }
      if (round >= warmup) result.runs.push(run.ms);
    }
    onRun?.(round);
  }
  for (const result of Object.values(results)) result.median = median(result.runs);
  return results;
}

/** Runs `node args` and parses the JSON its last stdout line holds; a crash or timeout is reported as such. */
export function nodeJson(args, { timeoutMs = 60_000, cwd, nodeOptions = [] } = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...nodeOptions, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) return resolve({ failure: `timed out after ${timeoutMs} ms` });
      const last = stdout.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        const reason = /Maximum call stack size exceeded/.test(stderr)
          ? 'stack overflow'
          : /heap out of memory|allocation failed/i.test(stderr)
            ? 'out of memory'
            : (stderr.trim().split('\n').find((l) => /Error/.test(l)) ?? stderr.trim().split('\n')[0] ?? '');
        return resolve({ failure: `crashed (exit ${code ?? signal}): ${reason}`.slice(0, 200) });
      }
      try {
        resolve(JSON.parse(last));
      } catch {
        resolve({ failure: `unreadable output: ${last.slice(0, 100)}` });
      }
    });
  });
}
