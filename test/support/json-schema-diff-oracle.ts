import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Json } from '../../src/snapshot/model.js';

/**
 * json-schema-diff as a differential oracle, with its sharp edges filed off: it mutates its
 * input (so it gets a clone), rejects a 2020-12 `$schema` (stripped), follows external `$ref`s
 * to files and URLs (refused before it runs), blocks the event loop and can take exponential
 * time on nested unions (run in a worker thread, terminated after a timeout).
 */
export interface OracleVerdict {
  additionsFound: boolean;
  removalsFound: boolean;
}

export type OracleResult = OracleVerdict | { skipped: string };

const modulePath = createRequire(import.meta.url).resolve('json-schema-diff');

/**
 * One worker thread answers pair after pair: loading json-schema-diff is most of the cost of a pair
 * (about half a second, against milliseconds for the diff itself). A worker that times out or fails
 * is ended and the next pair gets a fresh one, so a runaway pair never holds up the next.
 */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { diffSchemas } = require(workerData.modulePath);
parentPort.on('message', ({ before, after }) => {
  diffSchemas({ sourceSchema: before, destinationSchema: after })
    .then((r) => parentPort.postMessage({ additionsFound: r.additionsFound, removalsFound: r.removalsFound }))
    .catch((e) => parentPort.postMessage({ skipped: 'json-schema-diff failed: ' + String(e && e.message || e).split('\\n')[0] }));
});
`;

let shared: Worker | undefined;

function worker(): Worker {
  if (shared === undefined) {
    shared = new Worker(WORKER, { eval: true, workerData: { modulePath }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
    // Idle between pairs, it must not keep the process alive.
    shared.unref();
  }
  return shared;
}

function endWorker(ended: Worker): void {
  if (shared === ended) shared = undefined;
  void ended.terminate();
}

function sanitize(value: Json, refs: string[]): Json {
  if (Array.isArray(value)) return value.map((item) => sanitize(item, refs));
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$schema') continue;
    if (key === '$ref' && typeof item === 'string') refs.push(item);
    out[key] = sanitize(item, refs);
  }
  return out;
}

export async function jsonSchemaDiff(before: Json, after: Json, timeoutMs = 5000): Promise<OracleResult> {
  const refs: string[] = [];
  const cleanBefore = sanitize(structuredClone(before), refs);
  const cleanAfter = sanitize(structuredClone(after), refs);
  const external = refs.find((ref) => !ref.startsWith('#'));
  if (external !== undefined) return { skipped: `refused to run on an external $ref (${external})` };

  // One pair at a time: the worker answers in order, and a timeout must count one pair's time only.
  const turn = queue.then(() => ask(cleanBefore, cleanAfter, timeoutMs));
  queue = turn.then(() => undefined);
  return turn;
}

let queue: Promise<void> = Promise.resolve();

function ask(before: Json, after: Json, timeoutMs: number): Promise<OracleResult> {
  const oracle = worker();
  let settled = false;
  return new Promise<OracleResult>((resolve) => {
    const settle = (result: OracleResult, healthy: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      oracle.off('message', onMessage).off('error', onError);
      if (!healthy) endWorker(oracle);
      resolve(result);
    };
    const onMessage = (message: OracleResult) => settle(message, true);
    const onError = (error: Error) => settle({ skipped: `worker failed: ${error.message.split('\n')[0]}` }, false);
    const timer = setTimeout(() => settle({ skipped: `timed out after ${timeoutMs} ms` }, false), timeoutMs);
    oracle.on('message', onMessage).on('error', onError);
    oracle.postMessage({ before, after });
  });
}
