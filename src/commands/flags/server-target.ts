import { Flags } from '@oclif/core';
import { MAX_TIMEOUT_MS } from '../../capture/target.js';

/** How to reach the server (design §3), shared by snapshot, check and init. `-- COMMAND ARGS` comes after these. */
export const serverTargetFlags = {
  url: Flags.string({ description: 'URL of a Streamable HTTP (or, with --transport sse, legacy SSE) server.', helpGroup: 'SERVER' }),
  transport: Flags.string({ description: 'Transport for --url [default: http].', options: ['http', 'sse'], helpGroup: 'SERVER' }),
  header: Flags.string({ description: 'HTTP header for --url, "Name: value" (repeatable). Never written to a snapshot.', multiple: true, helpGroup: 'SERVER' }),
  env: Flags.string({ description: 'Environment variable for a stdio server, KEY=VALUE (repeatable). Never written to a snapshot.', multiple: true, helpGroup: 'SERVER' }),
  cwd: Flags.string({ description: 'Working directory of a stdio server.', helpGroup: 'SERVER' }),
  config: Flags.string({ description: 'MCP client config file holding the server (.mcp.json, Claude Desktop, Cursor, .vscode/mcp.json); in check, a project config file (mcp-compat.config.json) is recognised too.', helpGroup: 'SERVER' }),
  server: Flags.string({ description: 'Name of the server entry in --config (optional when it lists one).', helpGroup: 'SERVER', dependsOn: ['config'] }),
  timeout: Flags.integer({ description: `Time limit in milliseconds for the whole capture, 1 to ${MAX_TIMEOUT_MS} [default: 30000].`, min: 1, max: MAX_TIMEOUT_MS, helpGroup: 'SERVER' }),
  'client-capabilities': Flags.string({
    description: 'Client capabilities to declare, comma-separated from roots,sampling,elicitation, or "none" [default: all three].',
    helpGroup: 'SERVER',
  }),
  'log-format': Flags.string({
    description: 'The capture\'s log on stderr: "json" writes one JSON event per line (every MCP request, with its latency); "text" is shown with --verbose. Secrets are masked.',
    options: ['text', 'json'],
    default: 'text',
    helpGroup: 'GLOBAL',
  }),
};


export { parseClientCapabilities, parseEnv, parseHeaders, type ServerTargetFlagValues, targetFromFlags } from './server-target-values.js';
