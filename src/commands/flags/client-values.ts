import { UserError } from '../../errors.js';
import type { ClientProfile } from '../../clients/model.js';
import { CLIENT_IDS, findClientProfile } from '../../clients/profiles.js';
import { closest } from '../conventions.js';

/**
 * The client profiles a run checks: `--client NAME[,NAME]` when given, else `clients` of the
 * project config, else none. An unknown name is a UserError naming the known ones.
 */
export function chosenClients(flag: string | undefined, configured: readonly string[] | undefined): ClientProfile[] {
  if (flag === undefined) return (configured ?? []).map((id) => findClientProfile(id)).filter((p): p is ClientProfile => p !== undefined);
  const names = [...new Set(flag.split(',').map((name) => name.trim()))];
  return names.map((name) => {
    const profile = findClientProfile(name);
    if (profile) return profile;
    const guess = name === '' ? undefined : closest(name, CLIENT_IDS);
    throw new UserError(`Unknown client "${name}" in --client${guess ? ` (did you mean "${guess}"?)` : ''}; known clients: ${CLIENT_IDS.join(', ')}.`, {
      hint: 'docs/clients.md lists their limits.',
    });
  });
}
