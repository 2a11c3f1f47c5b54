// A snapshot file's text around the given tools (JSON text, comma-separated), for tests that need
// keys such as `__proto__` exactly as a file on disk holds them.
export const snapshotText = (tools: string) => `{
  "client": { "capabilities": {} },
  "formatVersion": 1,
  "prompts": [],
  "resourceTemplates": [],
  "resources": [],
  "server": { "capabilities": { "tools": {} }, "name": "proto", "protocolVersion": "2025-06-18", "version": "1.0.0" },
  "tools": [${tools}]
}
`;
