import { runAction } from './run.js';

// Entry of the GitHub Action: action.yml runs its committed bundle, dist-action/index.js (npm run build:action).
process.exitCode = await runAction(process.env, (text) => process.stdout.write(text));
