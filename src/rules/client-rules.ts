import type { RuleDefinition } from './types.js';
import { code } from './format.js';
import { findClientProfile } from '../clients/profiles.js';

/** Limits of the clients chosen with `--client` (or `clients` in the project config): src/clients/. */
export const CLIENT_RULES: readonly RuleDefinition[] = [
  {
    id: 'client-limit-violated',
    severity: 'breaking',
    bump: 'patch',
    title: 'A chosen client\'s limit is newly exceeded',
    rationale:
      'Valid MCP is not always accepted downstream: model APIs reject tool names beyond their pattern or length and requests with too many tools, and clients drop or refuse what does not fit. A limit that held before and is exceeded now breaks that client for every user (docs/clients.md lists the limits and their sources). Only checked for the clients chosen with `--client` or `clients` in the project config.',
    example: {
      before: 'tools: search (with --client openai)',
      after: 'tool "search_issues_and_pull_requests_across_every_repository_of_the_org" added: 66 characters, OpenAI takes 64',
    },
    message: (f) => {
      const clients = Array.isArray(f.params?.clients) ? f.params.clients.map((id) => findClientProfile(String(id))?.title ?? String(id)) : [];
      const reasons = Array.isArray(f.params?.violations)
        ? f.params.violations.map((v) => (typeof v === 'object' && v !== null && !Array.isArray(v) && typeof v.reason === 'string' ? v.reason : '')).filter((r) => r !== '')
        : [];
      const subject = f.entity === 'server' ? `Server ${code(f.name)}` : `Tool ${code(f.name)}`;
      return `${subject} now breaks ${joinNames(clients)}: ${reasons.join(' ')}`;
    },
  },
];

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'a chosen client';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
