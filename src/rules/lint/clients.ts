import type { Enforcement, ProfileViolation } from '../../clients/model.js';
import { findClientProfile } from '../../clients/profiles.js';
import { profileViolations } from '../../clients/violations.js';
import type { LintContext, LintFacts, LintRule } from '../../lint/model.js';
import type { Snapshot } from '../../snapshot/model.js';
import { code } from '../format.js';

const CHOSEN = 'Only checked for the clients chosen with `--client` or `clients` in the project config (docs/clients.md lists every limit and its source).';

/**
 * The limits of the chosen client profiles (src/clients/), one rule per kind of enforcement so that
 * each has one severity: a model API that rejects the request is an error, a client that drops or
 * refuses part of the list a warning.
 */
export const CLIENT_LINT_RULES: readonly LintRule[] = [
  {
    id: 'client-api-limit-exceeded',
    severity: 'error',
    title: 'A chosen client\'s model API rejects the request',
    rationale: `Valid MCP is not always accepted downstream: the model APIs that clients forward tools to reject a tool name outside their pattern or length, an \`inputSchema\` that is not an object, or too many tools. The API then rejects the whole request, so every tool of every server stops working in that client. ${CHOSEN}`,
    example: { bad: 'tool "search_issues_and_pull_requests_across_every_repository_of_the_org" (66 characters) with --client openai', good: 'tool "search_issues_and_pull_requests" (30 characters)' },
    check: (snapshot, context) => violationFacts(snapshot, context, 'api-error'),
    message: clientMessage,
  },
  {
    id: 'client-behaviour-limit-exceeded',
    severity: 'warning',
    title: 'A chosen client drops or refuses part of the server',
    rationale: `Some limits are the client's own: it sends only so many tools to the model, or refuses names longer than it allows. The rest of the server keeps working, but the tools that do not fit are invisible to the model in that client. ${CHOSEN}`,
    example: { bad: '45 tools with --client cursor (Cursor sends at most 40)', good: '40 tools or fewer, or several smaller servers' },
    check: (snapshot, context) => violationFacts(snapshot, context, 'client-behaviour'),
    message: clientMessage,
  },
];

/** The violations of one kind of enforcement, one finding per place naming every client it breaks. */
function violationFacts(snapshot: Snapshot, context: LintContext, enforcement: Enforcement): LintFacts[] {
  if (context.clients.length === 0) return [];
  const found = profileViolations(snapshot, context.clients, context.serverKey === undefined ? {} : { serverKey: context.serverKey }).filter((v) => v.enforcement === enforcement);
  const byPlace = new Map<string, ProfileViolation[]>();
  for (const violation of found) {
    const place = JSON.stringify([violation.entity, violation.name, violation.pointer]);
    byPlace.set(place, [...(byPlace.get(place) ?? []), violation]);
  }
  return [...byPlace.values()].map((violations) => {
    const { entity, name, pointer } = violations[0] as ProfileViolation;
    return {
      entity,
      name,
      pointer,
      params: {
        clients: [...new Set(violations.map((v) => v.client))],
        violations: violations.map((v) => ({ client: v.client, limit: v.limit, reason: v.reason, source: v.source })),
      },
    };
  });
}

/** `Tool \`x\` breaks OpenAI function calling: <why> (openai/tool-name; source: URL).`, every client in turn. */
function clientMessage(facts: LintFacts): string {
  const violations = Array.isArray(facts.params?.violations) ? facts.params.violations : [];
  const parts: string[] = [];
  const titles: string[] = [];
  for (const v of violations) {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) continue;
    const client = String(v.client);
    const title = findClientProfile(client)?.title ?? client;
    if (!titles.includes(title)) titles.push(title);
    parts.push(`${String(v.reason).replace(/\.$/, '')} (${client}/${String(v.limit)}; source: ${String(v.source)}).`);
  }
  const subject = facts.entity === 'server' ? `Server ${code(facts.name)}` : `Tool ${code(facts.name)}`;
  return `${subject} breaks ${joinNames(titles)}: ${parts.join(' ')}`;
}

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? 'a chosen client';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
