import { execute, settings } from '@oclif/core';
import { COMMANDS } from './commands/index.js';
import { conventionalArgv } from './commands/conventions.js';
import { describeFailure } from './commands/failure.js';
import { EXIT_TOOL_FAILURE } from './errors.js';

export { COMMANDS } from './commands/index.js';

/** Entry point of the built CLI (bin/run.js). Commands are listed explicitly, so oclif loads no manifest and scans no folder. */
export async function main(): Promise<void> {
  let args: string[];
  try {
    const names = Object.entries(COMMANDS).flatMap(([id, command]) => [id, ...(command.aliases ?? [])]);
    args = conventionalArgv(process.argv.slice(2), names, Object.keys(COMMANDS));
  } catch (error) {
    process.stderr.write(describeFailure(error as Error, false));
    process.exitCode = EXIT_TOOL_FAILURE;
    return;
  }
  // The bundle is the compiled source: with NODE_ENV=development or test, oclif would otherwise
  // look for TypeScript sources and load the `typescript` package on every command (about 0.3 s).
  settings.enableAutoTranspile = false;
  await execute({ dir: import.meta.url, args });
}
