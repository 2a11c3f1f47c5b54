import { UserError } from '../errors.js';
import { escapePointerToken } from '../diff/json.js';

export type Obj = Record<string, unknown>;

/** Reads a project config's values, failing with the file and JSON Pointer of the first problem. */
export class ConfigReader {
  constructor(
    private readonly file: string,
    private readonly base: string,
  ) {}

  fail(pointer: string, problem: string): never {
    throw new UserError(`${this.file}: invalid project config at ${this.base + pointer || '/'}: ${problem}.`, {
      hint: 'Fix the file (see docs/configuration.md).',
    });
  }

  object(value: unknown, pointer: string): Obj {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(pointer, 'expected an object');
    return value as Obj;
  }

  only(value: Obj, pointer: string, keys: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!keys.includes(key)) this.fail(`${pointer}/${escapePointerToken(key)}`, `unknown key "${key}" (expected one of: ${keys.join(', ')})`);
    }
  }

  string(value: unknown, pointer: string): string {
    if (typeof value !== 'string' || value === '') this.fail(pointer, 'expected a non-empty string');
    return value;
  }

  optionalString(value: unknown, pointer: string): string | undefined {
    return value === undefined ? undefined : this.string(value, pointer);
  }

  stringMap(value: unknown, pointer: string): Record<string, string> | undefined {
    if (value === undefined) return undefined;
    const object = this.object(value, pointer);
    // Keys are the user's (an env variable may be called anything): no prototype to collide with.
    const result = Object.create(null) as Record<string, string>;
    for (const [key, item] of Object.entries(object)) {
      if (typeof item !== 'string') this.fail(`${pointer}/${escapePointerToken(key)}`, 'expected a string');
      result[key] = item;
    }
    return result;
  }
}
