import { execute } from '@oclif/core';

export { COMMANDS } from './commands/index.js';

/** Entry point of the built CLI (bin/run.js). Commands are listed explicitly, so oclif loads no manifest and scans no folder. */
export async function main(): Promise<void> {
  await execute({ dir: import.meta.url });
}
