import type { RuleDefinition } from './types.js';
import { code, list, show, str } from './format.js';

/** Resource templates (RFC 6570), matched by uriTemplate, then by name to detect a changed template. */
export const RESOURCE_TEMPLATE_RULES: readonly RuleDefinition[] = [
  {
    id: 'resource-template-removed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource template removed',
    rationale: 'Clients that expand the template and read the result get resource-not-found errors.',
    example: { before: 'resourceTemplates: [file:///{path}]', after: 'resourceTemplates: []' },
    message: (f) => `Resource template ${code(f.name)} was removed; clients that read uris built from it will fail.`,
  },
  {
    id: 'resource-template-added',
    severity: 'compatible',
    bump: 'minor',
    title: 'Resource template added',
    rationale: 'A new template does not affect existing readers.',
    example: { before: 'resourceTemplates: []', after: 'resourceTemplates: [file:///{path}]' },
    message: (f) => `Resource template ${code(f.name)} was added.`,
  },
  {
    id: 'resource-template-variables-changed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource template variables changed',
    rationale: 'Clients expand the template with the variables it had; renamed, added or removed variables produce uris the server no longer serves (or cannot be expanded at all).',
    example: { before: 'users://{id}/profile', after: 'users://{userId}/profile' },
    message: (f) =>
      `Resource template ${code(f.name)} (${code(str(f.params?.templateName))}) became ${code(str(f.after))}: variables ${list(
        f.params?.variablesBefore,
      )} -> ${list(f.params?.variablesAfter)}; uris built the old way will fail.`,
  },
  {
    id: 'resource-template-uri-changed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource template uri changed',
    rationale: 'Same variables, different uri shape: uris that clients built from the old template no longer resolve.',
    example: { before: 'docs://{path}', after: 'docs://v2/{path}' },
    message: (f) =>
      `Resource template ${code(f.name)} (${code(str(f.params?.templateName))}) became ${code(str(f.after))}; uris built from the old template will fail.`,
  },
  {
    id: 'resource-template-mime-type-changed',
    severity: 'breaking',
    bump: 'patch',
    title: 'Resource template media type changed',
    rationale: 'Resources read through the template now come in another format; clients parsing the old format fail.',
    example: { before: 'mimeType: application/json', after: 'mimeType: text/csv' },
    message: (f) =>
      `Resource template ${code(f.name)}: mimeType changed from ${show(f.before)} to ${show(f.after)}; clients that parse the old format may fail.`,
  },
  {
    id: 'resource-template-metadata-changed',
    severity: 'compatible',
    bump: 'patch',
    title: 'Resource template metadata changed',
    rationale: 'Name, title, description, annotations, icons, `_meta`: informational.',
    example: { before: 'description: "A file"', after: 'description: "A project file"' },
    message: (f) =>
      `Resource template ${code(f.name)}: ${f.pointer.slice(1).replace(/\//g, '.') || 'metadata'} changed from ${show(f.before)} to ${show(f.after)}.`,
  },
];
