// json-schema-diff on schema pairs, timed pair by pair, the way design §5 says it may be called at all:
// on a clone, `$schema` stripped, any `$ref` that does not start with `#` refused, in a worker thread
// that is terminated when a pair takes longer than the timeout (the worker then restarts for the rest).
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const modulePath = createRequire(import.meta.url).resolve('json-schema-diff');

// Times each pair inside the worker, so the figure is json-schema-diff's own time, not messaging.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { diffSchemas } = require(workerData.modulePath);
parentPort.on('message', async ({ index, before, after }) => {
  const start = performance.now();
  try {
    const result = await diffSchemas({ sourceSchema: before, destinationSchema: after });
    parentPort.postMessage({ index, ms: performance.now() - start, removals: result.removalsFound, additions: result.additionsFound });
  } catch (error) {
    parentPort.postMessage({ index, failure: 'json-schema-diff failed: ' + String((error && error.message) || error).split('\\n')[0] });
  }
});
`;

function sanitize(value, refs) {
  if (Array.isArray(value)) return value.map((item) => sanitize(item, refs));
  if (value === null || typeof value !== 'object') return value;
  const out = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$schema') continue;
    if (key === '$ref' && typeof item === 'string') refs.push(item);
    out[key] = sanitize(item, refs);
  }
  return out;
}

/** Prepares a pair for json-schema-diff, or says why it must not run on it. */
export function prepare(before, after) {
  const refs = [];
  const clean = { before: sanitize(structuredClone(before), refs), after: sanitize(structuredClone(after), refs) };
  const external = refs.find((ref) => !ref.startsWith('#'));
  return external === undefined ? clean : { refused: `external $ref ${external}` };
}

/**
 * Runs json-schema-diff on each pair (after one untimed warm-up on the first) and returns, per pair,
 * `{ ms, removals, additions }` or `{ failure }`.
 */
export async function timeJsonSchemaDiff(pairs, { timeoutMs = 5000 } = {}) {
  const results = new Array(pairs.length);
  let worker;
  const start = () => {
    worker = new Worker(WORKER, { eval: true, workerData: { modulePath }, resourceLimits: { maxOldGenerationSizeMb: 512 } });
    worker.unref();
  };
  const ask = (index, pair) =>
    new Promise((resolve) => {
      const timer = setTimeout(() => {
        worker.removeAllListeners();
        void worker.terminate();
        start();
        resolve({ failure: `timed out after ${timeoutMs} ms` });
      }, timeoutMs);
      worker.once('message', (message) => {
        clearTimeout(timer);
        worker.removeAllListeners('error');
        // Its messages name local pointers with the working directory in front (/path/to/#/$defs/x).
        resolve(message.failure ? { failure: message.failure.replace(/\S*(#\/)/g, '$1') } : message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        worker.removeAllListeners('message');
        start();
        resolve({ failure: `worker failed: ${error.message.split('\n')[0]}` });
      });
      worker.postMessage({ index, before: pair.before, after: pair.after });
    });

  start();
  try {
    if (pairs.length > 0 && !pairs[0].refused) await ask(-1, pairs[0]);
    for (const [index, pair] of pairs.entries()) {
      results[index] = pair.refused ? { failure: `refused: ${pair.refused}` } : await ask(index, pair);
    }
  } finally {
    await worker.terminate();
  }
  return results;
}
