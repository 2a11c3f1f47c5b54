/** One flag as the start-up paths read it: the same name, short name, kind and options as its oclif definition. */
export interface PlainFlag {
  kind: 'string' | 'boolean' | 'integer';
  char?: string;
  options?: readonly string[];
  multiple?: boolean;
  min?: number;
  max?: number;
}

export interface PlainArgv {
  positional: string[];
  values: Map<string, string | number | true | string[]>;
  /** The words after `--`, when the command takes them. */
  rest: string[];
}

/**
 * Reads a command line made only of plainly valid words: known flags (once each, unless
 * repeatable), `--flag value` or `--flag=value`, values among the options, integers within their
 * bounds, the expected number of positional words, and, where the command takes one, a
 * non-empty command after `--`. Anything else returns undefined: oclif then reads the command line
 * and says what is wrong, so a start-up path never words an error differently.
 */
export function readPlainArgv(words: readonly string[], spec: Readonly<Record<string, PlainFlag>>, shape: { positional: number; rest: boolean }): PlainArgv | undefined {
  const positional: string[] = [];
  const values = new Map<string, string | number | true | string[]>();
  const dash = words.indexOf('--');
  if ((dash === -1) === shape.rest) return undefined;
  const rest = dash === -1 ? [] : words.slice(dash + 1);
  if (shape.rest && rest.length === 0) return undefined;
  const own = dash === -1 ? words : words.slice(0, dash);
  for (let index = 0; index < own.length; index++) {
    const word = own[index] as string;
    if (!word.startsWith('-')) {
      if (word === '') return undefined;
      positional.push(word);
      continue;
    }
    const found = flagOf(word, spec);
    if (!found) return undefined;
    const flag = spec[found.name] as PlainFlag;
    if (values.has(found.name) && !flag.multiple) return undefined;
    if (flag.kind === 'boolean') {
      if (found.inline !== undefined) return undefined;
      values.set(found.name, true);
      continue;
    }
    const value = found.inline ?? own[++index];
    if (value === undefined || value === '' || value.startsWith('-')) return undefined;
    if (flag.options && !flag.options.includes(value)) return undefined;
    if (flag.kind === 'integer') {
      if (!/^\d{1,15}$/.test(value) || Number(value) < (flag.min ?? 0) || Number(value) > (flag.max ?? Number.MAX_SAFE_INTEGER)) return undefined;
      values.set(found.name, Number(value));
    } else if (flag.multiple) {
      const list = values.get(found.name);
      values.set(found.name, [...(Array.isArray(list) ? list : []), value]);
    } else {
      values.set(found.name, value);
    }
  }
  if (positional.length !== shape.positional) return undefined;
  return { positional, values, rest };
}

/** `--name`, `--name=value` or `-c`: the flag's name and an inline value. */
function flagOf(word: string, spec: Readonly<Record<string, PlainFlag>>): { name: string; inline?: string } | undefined {
  if (word.startsWith('--')) {
    const equals = word.indexOf('=');
    const name = equals === -1 ? word.slice(2) : word.slice(2, equals);
    if (!Object.hasOwn(spec, name)) return undefined;
    return equals === -1 ? { name } : { name, inline: word.slice(equals + 1) };
  }
  if (word.length !== 2) return undefined;
  const name = Object.keys(spec).find((key) => spec[key]?.char === word[1]);
  return name === undefined ? undefined : { name };
}

/** A string value read by readPlainArgv, if the flag was given. */
export function stringValue(argv: PlainArgv, name: string): string | undefined {
  const value = argv.values.get(name);
  return typeof value === 'string' ? value : undefined;
}
