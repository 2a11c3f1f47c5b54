/**
 * Reading the layout of well-formed JSON text, so that a config file can be edited in place: one
 * member added, every other byte kept. Pure.
 */

/** The spans of an object's members in JSON text: where each value starts and ends, and where the object closes. */
export interface ObjectSpan {
  open: number;
  close: number;
  members: Map<string, { start: number; end: number }>;
}

/** The file's indentation step: the leading whitespace of its first indented line (two spaces if none). */
export function indentUnit(text: string): string {
  return /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
}

export function lineIndent(text: string, index: number): string {
  const start = text.lastIndexOf('\n', index) + 1;
  return /^[ \t]*/.exec(text.slice(start))?.[0] ?? '';
}

export function skipSpace(text: string, index: number): number {
  let i = index;
  while (i < text.length && /\s/.test(text[i] as string)) i += 1;
  return i;
}

export function lastNonSpace(text: string, index: number): number {
  let i = index;
  while (i >= 0 && /\s/.test(text[i] as string)) i -= 1;
  return i;
}

/** The end (exclusive) of the JSON value starting at `start`, which must be well-formed JSON. */
function valueEnd(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return stringEnd(text, start);
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = start; i < text.length; i += 1) {
      const char = text[i];
      if (char === '"') i = stringEnd(text, i) - 1;
      else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    throw new Error('unbalanced JSON');
  }
  let i = start;
  while (i < text.length && !/[\s,}\]]/.test(text[i] as string)) i += 1;
  return i;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i + 1;
  }
  throw new Error('unterminated string');
}

export function objectSpan(text: string, open: number): ObjectSpan {
  if (text[open] !== '{') throw new Error('expected an object');
  const members = new Map<string, { start: number; end: number }>();
  let i = skipSpace(text, open + 1);
  while (text[i] !== '}') {
    const keyEnd = stringEnd(text, i);
    const key = JSON.parse(text.slice(i, keyEnd)) as string;
    const start = skipSpace(text, skipSpace(text, keyEnd) + 1);
    const end = valueEnd(text, start);
    members.set(key, { start, end });
    i = skipSpace(text, end);
    if (text[i] === ',') i = skipSpace(text, i + 1);
  }
  return { open, close: i, members };
}

/** The object at `path` (keys from the root object), which must exist. */
export function objectAt(text: string, path: readonly string[]): ObjectSpan {
  let object = objectSpan(text, skipSpace(text, 0));
  for (const key of path) {
    const member = object.members.get(key);
    if (!member || text[member.start] !== '{') throw new Error(`no object at "${key}"`);
    object = objectSpan(text, member.start);
  }
  return object;
}

/**
 * `text` with a member added as the last of `object`, written as `"key": value` on its own line
 * in the file's indentation (a multi-line value indented with it).
 */
export function withMember(text: string, object: ObjectSpan, key: string, value: unknown): string {
  const unit = indentUnit(text);
  const objectIndent = lineIndent(text, object.open);
  const memberIndent = objectIndent + unit;
  const json = JSON.stringify(value, null, unit).split('\n').join(`\n${memberIndent}`);
  const member = `${memberIndent}${JSON.stringify(key)}: ${json}`;
  const last = lastNonSpace(text, object.close - 1);
  if (last === object.open) return `${text.slice(0, object.open)}{\n${member}\n${objectIndent}}${text.slice(object.close + 1)}`;
  return `${text.slice(0, last + 1)},\n${member}${text.slice(last + 1)}`;
}
