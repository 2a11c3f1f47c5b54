import { join } from 'node:path';
import { ROOT } from './cli.js';

/** The fixture notes server, version 1..3, started over stdio with the running Node. */
export function notesServer(version: 1 | 2 | 3): string[] {
  return [process.execPath, join(ROOT, 'fixtures', 'servers', 'notes', `v${version}`, 'server.js')];
}
