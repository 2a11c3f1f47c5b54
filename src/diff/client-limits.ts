import type { Snapshot } from '../snapshot/model.js';
import type { ClientProfile, ProfileViolation } from '../clients/model.js';
import { profileViolations } from '../clients/violations.js';
import type { Change, Suggestion } from './model.js';
import { change } from './emit.js';
import { compliantToolName } from '../suggest/compliant-name.js';
import { pythonSnippet, typescriptSnippet } from '../suggest/snippets.js';

export interface ClientLimitOptions {
  clients: readonly ClientProfile[];
  /** The name clients give the server in their config; default: each snapshot's `serverInfo.name`. */
  serverKey?: string;
  /** Tools the diff found renamed, old name -> new name: a violation the old name had is not new under the new one. */
  renames?: ReadonlyMap<string, string>;
}

/**
 * Violations of the chosen client profiles that the head has and the base has not (matched on
 * client, limit, entity, name and pointer; a renamed tool keeps its old name's violations), as `client-limit-violated` changes: one per place, naming
 * every client it breaks. Violations both snapshots have are not changes (lint reports them);
 * violations the head fixed are not reported either.
 */
export function clientLimitChanges(base: Snapshot, head: Snapshot, options: ClientLimitOptions): Change[] {
  if (options.clients.length === 0) return [];
  const key = (v: ProfileViolation) => JSON.stringify([v.client, v.limit, v.entity, v.name, v.pointer]);
  const before = new Set(
    profileViolations(base, options.clients, { serverKey: options.serverKey }).flatMap((v) => {
      const renamed = v.entity === 'tool' ? options.renames?.get(v.name) : undefined;
      return renamed === undefined ? [key(v)] : [key(v), key({ ...v, name: renamed })];
    }),
  );
  const fresh = profileViolations(head, options.clients, { serverKey: options.serverKey }).filter((v) => !before.has(key(v)));

  const byPlace = new Map<string, ProfileViolation[]>();
  for (const violation of fresh) {
    const place = JSON.stringify([violation.entity, violation.name, violation.pointer]);
    byPlace.set(place, [...(byPlace.get(place) ?? []), violation]);
  }
  const serverKey = options.serverKey ?? head.server.name;
  const taken = new Set([...base.tools, ...head.tools].map((tool) => tool.name));
  return [...byPlace.values()].map((violations) => {
    const { entity, name, pointer } = violations[0] as ProfileViolation;
    const result = change('client-limit-violated', {
      entity,
      name,
      pointer,
      ...(entity === 'server' ? { before: base.tools.length, after: head.tools.length } : {}),
      params: {
        clients: [...new Set(violations.map((v) => v.client))],
        violations: violations.map((v) => ({ client: v.client, limit: v.limit, enforcement: v.enforcement, reason: v.reason, source: v.source })),
      },
    });
    const suggestion = pointer === '/name' ? renameSuggestion(name, base, head, options.clients, serverKey, taken) : undefined;
    return suggestion ? { ...result, suggestion } : result;
  });
}

/**
 * For a tool whose name newly breaks a client: a name that fits every chosen client. Only for a
 * tool the base did not have under this name (new or renamed): an existing tool that now breaks
 * because the server's name grew is better served by keeping the server's name, which the message shows.
 */
function renameSuggestion(name: string, base: Snapshot, head: Snapshot, clients: readonly ClientProfile[], serverKey: string, taken: Set<string>): Suggestion | undefined {
  const tool = head.tools.find((t) => t.name === name);
  if (!tool || base.tools.some((t) => t.name === name)) return undefined;
  const compliant = compliantToolName(name, clients, serverKey, taken);
  if (compliant === undefined) return undefined;
  taken.add(compliant);
  const registration = {
    name: compliant,
    tool,
    description: tool.description,
    meta: tool._meta,
    implementation: name,
    comment: `Register the tool as ${compliant}: ${name} does not fit ${clients.map((c) => c.title).join(', ')}.`,
  };
  return {
    kind: 'compliant-name',
    name: compliant,
    text: `Release the tool as \`${compliant}\` instead of \`${name}\`: that name fits every chosen client (${clients.map((c) => c.id).join(', ')}).`,
    snippet: typescriptSnippet(registration),
    pythonSnippet: pythonSnippet(registration),
  };
}
