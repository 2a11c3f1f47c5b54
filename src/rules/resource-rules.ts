import type { RuleDefinition } from './types.js';
import { code, show, str } from './format.js';

/** Static resources, matched by uri. */
export const RESOURCE_RULES: readonly RuleDefinition[] = [
  {
    id: 'resource-removed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource removed',
    rationale: 'Clients that read or subscribe to the uri get a resource-not-found error.',
    example: { before: 'resources: [file:///README.md]', after: 'resources: []' },
    message: (f) => `Resource ${code(f.name)} was removed; clients that read it will fail.`,
  },
  {
    id: 'resource-added',
    severity: 'compatible',
    bump: 'minor',
    title: 'Resource added',
    rationale: 'A new resource does not affect existing readers.',
    example: { before: 'resources: []', after: 'resources: [file:///README.md]' },
    message: (f) => `Resource ${code(f.name)} was added.`,
  },
  {
    id: 'resource-uri-changed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource moved to a new uri',
    rationale: 'A resource with the same name now lives at another uri; clients read by uri, so the old one fails.',
    example: { before: 'config: config://app', after: 'config: config://app/v2' },
    message: (f) =>
      `Resource ${code(f.name)} (${code(str(f.params?.resourceName))}) moved to ${code(str(f.after))}; clients that read the old uri will fail.`,
  },
  {
    id: 'resource-mime-type-changed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource media type changed',
    rationale: 'The content now comes in another format; a client that parsed the old format fails.',
    example: { before: 'mimeType: application/json', after: 'mimeType: text/markdown' },
    message: (f) =>
      `Resource ${code(f.name)}: mimeType changed from ${show(f.before)} to ${show(f.after)}; clients that parse the old format may fail.`,
  },
  {
    id: 'resource-metadata-changed',
    severity: 'compatible',
    bump: 'patch',
    title: 'Resource metadata changed',
    rationale:
      'Name, title, description, size, annotations, icons, `_meta`, and a mimeType declared for the first time or changed only in its parameters: informational, reads are unaffected.',
    example: { before: 'description: "Readme"', after: 'description: "Project readme"' },
    message: (f) =>
      `Resource ${code(f.name)}: ${f.pointer.slice(1).replace(/\//g, '.') || 'metadata'} changed from ${show(f.before)} to ${show(f.after)}.`,
  },
];
