import type { ServerTarget } from './target.js';

/** What a secret is replaced with, wherever it would be shown or written. */
export const MASK = '***';

/**
 * Values shorter than this are not treated as secrets. A value of one to three characters
 * (`DEBUG=1`, `LOG=on`, `X-Retry: yes`) would otherwise be replaced inside unrelated words of every
 * message, log line and snapshot ("c***ection"), and is no credential worth the name.
 */
export const MIN_SECRET_LENGTH = 4;

/** Switches, not secrets: `DEBUG=true` must not turn every "true" in a tool description into ***. */
const NOT_SECRET = new Set(['true', 'false', 'null', 'undefined', 'none']);

/**
 * The secret values of a target, as given: every `--env` and config-file `env` value, the values of
 * the server's own options whose name says they are secret (see argvSecrets), every header value
 * (and the token after its scheme, as in `Bearer TOKEN`), the user name and password of the URL,
 * every value of its query string, and the values a client config substituted for `${VAR}`.
 */
export function secretsOf(target: ServerTarget): string[] {
  const values: string[] = [...(target.secrets ?? [])];
  if (target.kind === 'stdio') {
    values.push(...Object.values(target.env ?? {}));
    values.push(...argvSecrets(target.args).map((found) => found.value));
    return values;
  }
  for (const value of Object.values(target.headers ?? {})) {
    values.push(value);
    // `Bearer TOKEN`, `Basic BASE64`, `Token KEY`: the credential alone is a secret too.
    const credential = /^[A-Za-z][\w.-]*\s+(\S+)$/.exec(value.trim())?.[1];
    if (credential !== undefined) values.push(credential);
  }
  values.push(...urlSecrets(target.url));
  return values;
}

/** A secret found in a server's arguments: the option that names it (`--api-key`, `API_TOKEN`) and its value. */
export interface ArgvSecret {
  option: string;
  value: string;
}

// One word of an option's name that says its value is a secret: `--api-key`, `--authToken`,
// `--client_secret`, `--password`, `DB_PASSWD=`, `--private-key`. Whole words only, so `--keyword`,
// `--author` or `--monkey` are not secrets.
const SECRET_WORD = /^(?:api|access|auth|client|private|refresh|session|secret|bearer)?(?:keys?|tokens?|secrets?|passw(?:or)?ds?|passwd|pwd|auth|authorization|credentials?|bearer)$|^(?:private|apikey|accesskey)$/;

/** Whether an option's name (without its dashes) says that its value is a secret. */
export function isSecretOptionName(name: string): boolean {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_. ]+/);
  return words.some((word) => SECRET_WORD.test(word));
}

/**
 * The values of a server's arguments that are secrets by their option's name: `--api-key=XYZ`,
 * `--token XYZ` and Go's `-token XYZ` (the next word, unless it is an option itself) and env-style
 * `API_KEY=XYZ`. One-letter options (`-k XYZ`) say too little to be read as secrets.
 */
export function argvSecrets(args: readonly string[]): ArgvSecret[] {
  const found: ArgvSecret[] = [];
  args.forEach((arg, index) => {
    const long = /^--?([A-Za-z][\w.-]*)(?:=([\s\S]*))?$/.exec(arg);
    if (long && isSecretOptionName(long[1] as string)) {
      const option = `${arg.startsWith('--') ? '--' : '-'}${long[1]}`;
      if (long[2] !== undefined) found.push({ option, value: long[2] });
      else {
        const next = args[index + 1];
        if (next !== undefined && !next.startsWith('-')) found.push({ option, value: next });
      }
      return;
    }
    const assignment = /^([A-Za-z_][\w.-]*)=([\s\S]*)$/.exec(arg);
    if (assignment && isSecretOptionName(assignment[1] as string)) found.push({ option: assignment[1] as string, value: assignment[2] as string });
  });
  return found.filter((entry) => entry.value !== '');
}

/** The credentials and query values of a URL, decoded and as written. */
export function urlSecrets(url: string): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // Not a URL: what stands where credentials or a query would may still be a token.
    const query = /[?#](.*)$/.exec(url)?.[1];
    const userinfo = /^[^/]*\/\/([^@/]*)@/.exec(url)?.[1];
    return [query, ...(query?.split('&').map((pair) => pair.slice(pair.indexOf('=') + 1)) ?? []), userinfo, ...(userinfo?.split(':') ?? [])].filter((part): part is string => part !== undefined);
  }
  const values = [parsed.username, parsed.password, ...[...parsed.searchParams.values()]];
  // As written in the URL (percent-encoded), for messages that quote the URL itself.
  values.push(...parsed.search.slice(1).split('&').map((pair) => pair.slice(pair.indexOf('=') + 1)));
  if (parsed.hash.length > 1) values.push(parsed.hash.slice(1));
  values.push(...values.map(safeDecode));
  if (parsed.username !== '' || parsed.password !== '') values.push(basicCredential(parsed));
  return values;
}

/** `user:password` of a URL as the value of a Basic Authorization header (RFC 7617). */
export function basicCredential(url: URL): string {
  return Buffer.from(`${safeDecode(url.username)}:${safeDecode(url.password)}`, 'utf8').toString('base64');
}

/**
 * Replaces every occurrence of a secret with `***`. Longer secrets are replaced first, so a secret
 * that contains another is masked whole. Each secret is also looked for in the spellings it takes
 * when quoted in JSON or in a URL.
 */
export class Masker {
  private readonly pattern?: RegExp;
  readonly secrets: readonly string[];

  constructor(values: Iterable<string>) {
    const forms = new Set<string>();
    for (const value of values) {
      if (!isSecret(value)) continue;
      for (const form of [value, JSON.stringify(value).slice(1, -1), encodeURIComponent(value)]) if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
    }
    this.secrets = [...forms].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    if (this.secrets.length > 0) this.pattern = new RegExp(this.secrets.map(escapeRegExp).join('|'), 'g');
  }

  /** Whether there is anything to mask. */
  get empty(): boolean {
    return this.pattern === undefined;
  }

  /** The text with every secret replaced by `***`. */
  mask(text: string): string {
    if (this.pattern === undefined) return text;
    let out = text;
    // Replacing can join the text around a secret into another one ("ab" + secret + "cd" where
    // "ab***" is a secret too); every pass makes the text shorter, so this ends.
    for (;;) {
      const next = out.replace(this.pattern, MASK);
      if (next === out) return out;
      out = next;
    }
  }

  /** A copy of a JSON value with every string (keys included) masked. */
  maskDeep<T>(value: T): T {
    if (this.pattern === undefined) return value;
    return this.walk(value) as T;
  }

  private walk(value: unknown): unknown {
    if (typeof value === 'string') return this.mask(value);
    if (Array.isArray(value)) return value.map((item) => this.walk(item));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [this.mask(key), this.walk(item)]));
    return value;
  }

  /** The error with its message, hint, detail and stack masked. The cause is dropped: it may quote a secret. */
  maskError<E extends Error>(error: E): E {
    if (this.pattern === undefined) return error;
    const fields = error as unknown as Record<string, unknown>;
    const copy = Object.create(Object.getPrototypeOf(error) as object) as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(error)) {
      if (key === 'cause') continue;
      const value = fields[key];
      Object.defineProperty(copy, key, { value: typeof value === 'string' ? this.mask(value) : value, writable: true, configurable: true, enumerable: Object.prototype.propertyIsEnumerable.call(error, key) });
    }
    return copy as unknown as E;
  }
}

/** The masker of a target's secrets. */
export function maskerFor(target: ServerTarget): Masker {
  return new Masker(secretsOf(target));
}

function isSecret(value: string): boolean {
  return value.length >= MIN_SECRET_LENGTH && !NOT_SECRET.has(value.trim().toLowerCase());
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
