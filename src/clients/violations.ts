import type { Snapshot, ToolSnapshot } from '../snapshot/model.js';
import type { ClientProfile, LimitCheck, ProfileOptions, ProfileViolation } from './model.js';

/**
 * Every place where a snapshot does not fit the given client profiles. Pure: no I/O, the snapshot
 * is not modified. Order: profiles as given, then limits, then tools by name.
 */
export function profileViolations(snapshot: Snapshot, profiles: readonly ClientProfile[], options: ProfileOptions = {}): ProfileViolation[] {
  const serverKey = options.serverKey ?? snapshot.server.name;
  const tools = [...snapshot.tools].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const violations: ProfileViolation[] = [];
  for (const profile of profiles) {
    for (const limit of profile.limits) {
      const found = (entity: ProfileViolation['entity'], name: string, pointer: string, reason: string, subject: string): void => {
        violations.push({
          client: profile.id,
          limit: limit.id,
          enforcement: limit.enforcement,
          entity,
          name,
          pointer,
          message: `${subject}: ${reason}`,
          reason,
          source: limit.source,
        });
      };
      if (limit.check.kind === 'tool-count') {
        const reason = toolCountProblem(snapshot.tools.length, profile, limit.check.max);
        if (reason) found('server', snapshot.server.name, '', reason, `Server \`${snapshot.server.name}\``);
        continue;
      }
      for (const tool of tools) {
        const problem = toolProblem(tool, limit.check, serverKey, profile);
        if (problem) found('tool', tool.name, problem.pointer, problem.reason, `Tool \`${tool.name}\``);
      }
    }
  }
  return violations;
}

/** Whether one tool name fits every name limit of the profiles (used to check a proposed name). */
export function nameFits(name: string, profiles: readonly ClientProfile[], serverKey: string): boolean {
  return profiles.every((profile) => profile.limits.every(({ check }) => !isNameCheck(check) || nameProblem(name, check, serverKey, profile) === undefined));
}

type NameCheck = Extract<LimitCheck, { kind: 'tool-name' | 'namespaced-tool-name' }>;

function isNameCheck(check: LimitCheck): check is NameCheck {
  return check.kind === 'tool-name' || check.kind === 'namespaced-tool-name';
}

/** The longest tool name every name limit of the profiles allows, for the given server name. */
export function nameBudget(profiles: readonly ClientProfile[], serverKey: string): number {
  let budget = Number.POSITIVE_INFINITY;
  for (const profile of profiles) {
    for (const { check } of profile.limits) {
      if (check.kind === 'tool-name') budget = Math.min(budget, check.maxLength);
      if (check.kind === 'namespaced-tool-name') budget = Math.min(budget, check.maxLength - [...namespaced(check.format, serverKey, '')].length);
    }
  }
  return budget;
}

function toolCountProblem(count: number, profile: ClientProfile, max: number): string | undefined {
  if (count <= max) return undefined;
  return `lists ${count} tools; ${profile.title} takes at most ${max} per request, counting every server's tools.`;
}

function toolProblem(tool: ToolSnapshot, check: LimitCheck, serverKey: string, profile: ClientProfile): { pointer: string; reason: string } | undefined {
  if (check.kind === 'input-schema-object') {
    const type = tool.inputSchema.type;
    if (type === 'object') return undefined;
    return {
      pointer: '/inputSchema/type',
      reason: `${profile.title} requires an input schema of \`type: "object"\`; this one has ${type === undefined ? 'no `type`' : `\`type: ${JSON.stringify(type)}\``}.`,
    };
  }
  if (isNameCheck(check)) {
    const reason = nameProblem(tool.name, check, serverKey, profile);
    return reason === undefined ? undefined : { pointer: '/name', reason };
  }
  return undefined;
}

function nameProblem(name: string, check: NameCheck, serverKey: string, profile: ClientProfile): string | undefined {
  if (check.kind === 'tool-name') {
    if (new RegExp(check.pattern, 'u').test(name)) return undefined;
    const length = [...name].length;
    const problems: string[] = [];
    if (length > check.maxLength) problems.push(`is ${length} characters (at most ${check.maxLength})`);
    if (length === 0) problems.push('is empty');
    const bad = disallowedCharacters(name, check.pattern);
    if (bad.length > 0) problems.push(`contains ${bad.map((c) => JSON.stringify(c)).join(', ')} (allowed: ${check.allowed})`);
    return `${profile.title} rejects the name: it ${problems.join(' and ') || `does not match \`${check.pattern}\``}.`;
  }
  const full = namespaced(check.format, serverKey, name);
  const length = [...full].length;
  if (length <= check.maxLength) return undefined;
  if (check.format === '{server}{tool}') {
    return `${profile.title} takes at most ${check.maxLength} characters of server name and tool name together; \`${serverKey}\` + \`${name}\` is ${length}.`;
  }
  return `${profile.title} calls it \`${full}\`, ${length} characters (at most ${check.maxLength}).`;
}

function namespaced(format: string, server: string, tool: string): string {
  return format.replace('{server}', server).replace('{tool}', tool);
}

/** The distinct characters of a name that a single-character-class pattern (`^[...]{m,n}$`) does not allow. */
function disallowedCharacters(name: string, pattern: string): string[] {
  const charClass = /^\^(\[[^\]]+\])\{\d+,\d+\}\$$/.exec(pattern)?.[1];
  if (charClass === undefined) return [];
  const one = new RegExp(`^${charClass}$`, 'u');
  return [...new Set([...name].filter((c) => !one.test(c)))];
}
