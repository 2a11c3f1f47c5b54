import type { Snapshot, ToolSnapshot } from '../../../src/snapshot/model.js';

export function snapshot(patch: Partial<Snapshot> = {}): Snapshot {
  return {
    formatVersion: 1,
    client: { capabilities: {} },
    server: { name: 'demo', version: '1.0.0', protocolVersion: '2025-06-18', capabilities: { tools: {} } },
    tools: [],
    prompts: [],
    resources: [],
    resourceTemplates: [],
    ...patch,
  };
}

export function tool(name: string, patch: Partial<ToolSnapshot> = {}): ToolSnapshot {
  return {
    name,
    description: `Run ${name.replace(/_/g, ' ')} against the project data.`,
    inputSchema: {
      type: 'object',
      properties: { [`${name}_id`]: { type: 'string' }, limit: { type: 'integer', minimum: 1 } },
      required: [`${name}_id`],
    },
    ...patch,
  };
}
