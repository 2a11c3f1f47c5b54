import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerTarget } from '../../../src/capture/target.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const SERVERS = join(ROOT, 'fixtures', 'servers');
export const GOLDEN = join(ROOT, 'fixtures', 'snapshots', 'golden');

export function golden(name: string): string {
  return readFileSync(join(GOLDEN, `${name}.json`), 'utf8');
}

/** A fixture server over stdio, started by the running Node. */
export function stdio(script: string, ...args: string[]): ServerTarget {
  return { kind: 'stdio', command: process.execPath, args: [join(SERVERS, script), ...args] };
}

export interface RunningServer {
  url: string;
  /** What the server has written on stderr so far. */
  stderr: () => string;
  stop: () => Promise<void>;
}

/** Starts a fixture server on an ephemeral 127.0.0.1 port (`--http 0` or `--sse 0`) and waits for the URL it prints. */
export function listen(script: string, mode: '--http' | '--sse', ...args: string[]): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, [join(SERVERS, script), mode, '0', ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start: ${stderr}`)), 10_000);
    child.on('exit', (code) => reject(new Error(`${script} exited with ${code}: ${stderr}`)));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const url = /listening on (\S+)/.exec(stderr)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({
          url,
          stderr: () => stderr,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    });
  });
}
