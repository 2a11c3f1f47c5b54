/**
 * Where and why a text is not JSON. `JSON.parse` says where only for some errors ("Unexpected token
 * '<', "..." is not valid JSON" has no position, and quotes the file), so on failure the text is
 * scanned once more by this small iterative checker (no recursion: a file of 100,000 `[` is fine).
 */
export interface JsonSyntaxError {
  /** Offset (UTF-16 code units) of the problem; the text's length when it ends too early. */
  offset: number;
  line: number;
  column: number;
  /** What is wrong, in words, e.g. `unexpected "<" where a value was expected`. */
  problem: string;
  /** The text ends inside a value: the file was most likely cut off. */
  truncated: boolean;
}

type State = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';

const EXPECTED: Record<State, string> = {
  value: 'where a value was expected',
  'value-or-close': 'where a value or "]" was expected',
  key: 'where a property name in double quotes was expected',
  'key-or-close': 'where a property name in double quotes or "}" was expected',
  colon: 'where ":" was expected',
  'comma-or-close': 'where "," or the end of the object or array was expected',
  end: 'after the end of the JSON document',
};

const LITERALS = ['true', 'false', 'null'];
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPE = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;

/** The first syntax error of `text`, or undefined when it is JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  const stack: Array<'object' | 'array'> = [];
  let state = 'value' as State;
  let i = 0;
  const fail = (offset: number, problem: string, truncated = false): JsonSyntaxError => ({ offset, ...lineAndColumn(text, offset), problem, truncated });
  const inside = (): string => (stack.length === 0 ? 'the document' : stack[stack.length - 1] === 'object' ? 'an object' : 'an array');
  const afterValue = (): void => {
    state = stack.length === 0 ? 'end' : 'comma-or-close';
  };

  for (;;) {
    while (i < text.length && isWhitespace(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (state === 'end') return undefined;
      return fail(text.length, `the file ends inside ${inside()}`, true);
    }
    const char = text[i] as string;
    switch (state) {
      case 'value':
      case 'value-or-close': {
        if (char === ']' && state === 'value-or-close') {
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (char === ']' || char === '}') return fail(i, `${describe(char)} right after a comma (a trailing comma is not JSON)`);
        if (char === '{') {
          stack.push('object');
          state = 'key-or-close';
          i++;
          break;
        }
        if (char === '[') {
          stack.push('array');
          state = 'value-or-close';
          i++;
          break;
        }
        const end = scanScalar(text, i);
        if (typeof end !== 'number') return end.problem === '' ? fail(i, unexpected(text, i, state)) : fail(end.offset, end.problem, end.truncated);
        i = end;
        afterValue();
        break;
      }
      case 'key':
      case 'key-or-close': {
        if (char === '}' && state === 'key-or-close') {
          stack.pop();
          i++;
          afterValue();
          break;
        }
        if (char === '}') return fail(i, `${describe(char)} right after a comma (a trailing comma is not JSON)`);
        if (char !== '"') return fail(i, unexpected(text, i, state));
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.problem, end.truncated);
        i = end;
        state = 'colon';
        break;
      }
      case 'colon':
        if (char !== ':') return fail(i, unexpected(text, i, state));
        i++;
        state = 'value';
        break;
      case 'comma-or-close': {
        const top = stack[stack.length - 1];
        if (char === ',') {
          state = top === 'object' ? 'key' : 'value';
          i++;
        } else if ((char === '}' && top === 'object') || (char === ']' && top === 'array')) {
          stack.pop();
          i++;
          afterValue();
        } else {
          return fail(i, unexpected(text, i, state).replace('the end of the object or array', top === 'object' ? '"}"' : '"]"'));
        }
        break;
      }
      case 'end':
        return fail(i, unexpected(text, i, state));
    }
  }
}

interface ScanProblem {
  offset: number;
  problem: string;
  truncated: boolean;
}

/** A string, number or literal starting at `start`: its end, or what is wrong ('' = not a value at all). */
function scanScalar(text: string, start: number): number | ScanProblem {
  const char = text[start] as string;
  if (char === '"') return scanString(text, start);
  if (char === '-' || (char >= '0' && char <= '9')) {
    NUMBER.lastIndex = start;
    const match = NUMBER.exec(text);
    let end = match ? start + match[0].length : start;
    while (end < text.length && /[0-9.eE+-]/.test(text[end] as string)) end++;
    if (match && end === start + match[0].length) return end;
    if (end === text.length) return { offset: end, problem: 'the file ends inside a number', truncated: true };
    return { offset: start, problem: 'a malformed number', truncated: false };
  }
  for (const literal of LITERALS) {
    if (text.startsWith(literal, start)) return start + literal.length;
    const rest = text.slice(start);
    if (rest.length < literal.length && literal.startsWith(rest)) return { offset: text.length, problem: `the file ends inside "${literal}"`, truncated: true };
  }
  return { offset: start, problem: '', truncated: false };
}

function scanString(text: string, start: number): number | ScanProblem {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 0x22) return i + 1;
    if (code === 0x5c) {
      ESCAPE.lastIndex = i;
      if (!ESCAPE.test(text)) {
        if (text.length - i < 6 && /^\\(u[0-9a-fA-F]{0,3})?$/.test(text.slice(i))) break;
        return { offset: i, problem: 'an invalid escape sequence in a string', truncated: false };
      }
      i = ESCAPE.lastIndex;
      continue;
    }
    if (code < 0x20) return { offset: i, problem: `${describe(text[i] as string)} inside a string (control characters must be escaped)`, truncated: false };
    i++;
  }
  return { offset: text.length, problem: 'the file ends inside a string', truncated: true };
}

function unexpected(text: string, offset: number, state: State): string {
  const conflict = /^(<{7}|={7}|>{7})(?:[ \r\n]|$)/.test(text.slice(offset, offset + 8)) && (offset === 0 || text[offset - 1] === '\n');
  const char = String.fromCodePoint(text.codePointAt(offset) as number);
  return `unexpected ${describe(char)} ${EXPECTED[state]}${conflict ? ' (a merge conflict marker: resolve the conflict or take the snapshot again)' : ''}`;
}

/** A character as a reader can see it: printable ASCII quoted, anything else as U+XXXX. */
function describe(char: string): string {
  const code = char.codePointAt(0) as number;
  return code > 0x20 && code < 0x7f ? `"${char}"` : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** 1-based line and column of an offset; columns count UTF-16 code units, as most editors' JSON errors do. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
