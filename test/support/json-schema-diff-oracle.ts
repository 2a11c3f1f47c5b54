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

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { diffSchemas } = require(workerData.modulePath);
diffSchemas({ sourceSchema: workerData.before, destinationSchema: workerData.after })
  .then((r) => parentPort.postMessage({ additionsFound: r.additionsFound, removalsFound: r.removalsFound }))
  .catch((e) => parentPort.postMessage({ skipped: 'json-schema-diff failed: ' + String(e && e.message || e).split('\\n')[0] }));
`;

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

  const worker = new Worker(WORKER, { eval: true, workerData: { modulePath, before: cleanBefore, after: cleanAfter }, resourceLimits: { maxOldGenerationSizeMb: 256 } });
  try {
    return await new Promise<OracleResult>((resolve) => {
      const timer = setTimeout(() => resolve({ skipped: `timed out after ${timeoutMs} ms` }), timeoutMs);
      worker.once('message', (message: OracleResult) => {
        clearTimeout(timer);
        resolve(message);
      });
      worker.once('error', (error) => {
        clearTimeout(timer);
        resolve({ skipped: `worker failed: ${error.message.split('\n')[0]}` });
      });
    });
  } finally {
    await worker.terminate();
  }
}
