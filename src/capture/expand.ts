import { UserError } from '../errors.js';

/**
 * Expands `${VAR}`, `${VAR:-default}` and `${env:VAR}` in one string from the given variables.
 * This is substitution only: nothing is evaluated, and expanded values are not expanded again.
 * `extra` holds named placeholders a client defines itself (VS Code's `${workspaceFolder}`).
 * `substituted` is told every value taken from `env` (they may be secrets, and are masked).
 */
export function expandVariables(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  where: string,
  extra: Readonly<Record<string, string>> = {},
  substituted: (value: string) => void = () => {},
): string {
  return text.replace(/\$\{([^}]*)\}/g, (whole, body: string) => {
    const withDefault = /^(?:env:)?([A-Za-z_][A-Za-z0-9_]*):-(.*)$/s.exec(body);
    if (withDefault) {
      const value = variable(env, withDefault[1] as string);
      if (value === undefined || value === '') return withDefault[2] as string;
      substituted(value);
      return value;
    }
    const name = /^(?:env:)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(body)?.[1];
    if (name !== undefined && !body.startsWith('env:') && Object.hasOwn(extra, name)) return extra[name] as string;
    if (name === undefined) {
      throw new UserError(`${where}: cannot expand ${whole}.`, {
        hint: 'Only ${VAR}, ${VAR:-default} and ${env:VAR} are supported; put the value in an environment variable.',
      });
    }
    const value = variable(env, name);
    if (value === undefined) throw new UserError(`${where}: environment variable ${name} is not set.`, { hint: `Set ${name}, or write \${${name}:-default} in the config.` });
    substituted(value);
    return value;
  });
}

/** An environment variable, never a member of Object.prototype (`${constructor}` is just unset). */
function variable(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  return Object.hasOwn(env, name) ? env[name] : undefined;
}
