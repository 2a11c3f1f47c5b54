import type { ClientProfile } from './model.js';

// Known limits of MCP clients and of the model APIs they forward tools to. Only limits with a
// source are here; docs/clients.md cites each source with the date it was read. Order is the
// order of `--client` help and of messages.

const OPENAI_REFERENCE = 'https://platform.openai.com/docs/api-reference/chat/create';

export const CLIENT_PROFILES: readonly ClientProfile[] = [
  {
    id: 'openai',
    title: 'OpenAI function calling',
    limits: [
      {
        id: 'tool-name',
        description: 'A function name is 1 to 64 characters of a-z, A-Z, 0-9, `_` and `-`.',
        enforcement: 'api-error',
        source: OPENAI_REFERENCE,
        check: { kind: 'tool-name', pattern: '^[a-zA-Z0-9_-]{1,64}$', maxLength: 64, allowed: 'letters, digits, `_` and `-`' },
      },
      {
        id: 'tool-count',
        description: 'At most 128 functions per request.',
        enforcement: 'api-error',
        source: OPENAI_REFERENCE,
        check: { kind: 'tool-count', max: 128 },
      },
    ],
  },
  {
    id: 'anthropic',
    title: 'Anthropic Messages API',
    limits: [
      {
        id: 'tool-name',
        description: 'A tool name matches `^[a-zA-Z0-9_-]{1,64}$`.',
        enforcement: 'api-error',
        source: 'https://platform.claude.com/docs/en/agents-and-tools/tool-use/define-tools',
        check: { kind: 'tool-name', pattern: '^[a-zA-Z0-9_-]{1,64}$', maxLength: 64, allowed: 'letters, digits, `_` and `-`' },
      },
      {
        id: 'input-schema-object',
        description: '`input_schema` is a JSON Schema whose `type` is `"object"`.',
        enforcement: 'api-error',
        source: 'https://platform.claude.com/docs/en/api/messages',
        check: { kind: 'input-schema-object' },
      },
    ],
  },
  {
    id: 'gemini',
    title: 'Google Gemini API',
    limits: [
      {
        id: 'tool-name',
        description: 'A function declaration name is 1 to 64 characters of a-z, A-Z, 0-9, `_`, `:`, `.` and `-`.',
        enforcement: 'api-error',
        source: 'https://ai.google.dev/api/caching#FunctionDeclaration',
        check: { kind: 'tool-name', pattern: '^[a-zA-Z0-9_:.-]{1,64}$', maxLength: 64, allowed: 'letters, digits, `_`, `:`, `.` and `-`' },
      },
    ],
  },
  {
    id: 'cursor',
    title: 'Cursor',
    limits: [
      {
        id: 'tool-count',
        description: 'At most 40 MCP tools are active at once, across all servers; the others are not sent to the model.',
        enforcement: 'client-behaviour',
        source: 'https://forum.cursor.com/t/tool-specialized-agent-switching-in-cursor-dynamic-mcp-tools-management/74196',
        check: { kind: 'tool-count', max: 40 },
      },
      {
        id: 'server-tool-name-length',
        description: 'The server name and the tool name together are at most 60 characters.',
        enforcement: 'client-behaviour',
        source: 'https://easymanage.com/res/docs/tutorials/ai-solutions/chapter-3-mcp-advanced',
        check: { kind: 'namespaced-tool-name', format: '{server}{tool}', maxLength: 60 },
      },
    ],
  },
  {
    id: 'vscode',
    title: 'VS Code / GitHub Copilot',
    limits: [
      {
        id: 'tool-count',
        description: 'At most 128 tools per chat request, counting every server\'s and extension\'s tools; a larger request fails.',
        enforcement: 'client-behaviour',
        source: 'https://github.com/microsoft/vscode-copilot-release/issues/11653',
        check: { kind: 'tool-count', max: 128 },
      },
    ],
  },
  {
    id: 'claude-code',
    title: 'Claude Code',
    limits: [
      {
        id: 'namespaced-tool-name',
        description: 'Tools reach the Anthropic API as `mcp__<server>__<tool>`, which must be at most 64 characters.',
        enforcement: 'api-error',
        source: 'https://github.com/anthropics/claude-code/issues/2445',
        check: { kind: 'namespaced-tool-name', format: 'mcp__{server}__{tool}', maxLength: 64 },
      },
    ],
  },
];

export const CLIENT_IDS: readonly string[] = CLIENT_PROFILES.map((profile) => profile.id);

export function findClientProfile(id: string): ClientProfile | undefined {
  return CLIENT_PROFILES.find((profile) => profile.id === id);
}
