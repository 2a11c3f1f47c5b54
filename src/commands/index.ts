import type { Command } from '@oclif/core';
import Snapshot from './snapshot.js';
import Diff from './diff.js';
import Check from './check.js';
import Init from './init.js';
import Acknowledge from './acknowledge.js';
import Lint from './lint.js';

// oclif's explicit command strategy: every command of the CLI, by id. Command modules keep their
// heavy imports (the MCP SDK, ajv) inside run(), so listing them here costs nothing at start.

export const COMMANDS: Record<string, Command.Class> = {
  snapshot: Snapshot,
  diff: Diff,
  check: Check,
  init: Init,
  acknowledge: Acknowledge,
  lint: Lint,
};
