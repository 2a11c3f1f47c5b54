import { runAction } from './run.js';

// Entry of the GitHub Action (action.yml -> dist/action.js).
process.exitCode = await runAction(process.env, (text) => process.stdout.write(text));
