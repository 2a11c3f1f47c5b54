import type { Json } from '../snapshot/model.js';

/**
 * Values from a server end up inside generated code; each is written as a literal of the target
 * language, never pasted in raw.
 */

/** A TypeScript/JavaScript string literal. JSON escapes are valid JS; U+2028/9 are escaped for older parsers. */
export function tsString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A key of a TypeScript object literal that defines an own property named `key`. `__proto__: x`
 * and `"__proto__": x` in an object literal set the prototype instead; a computed key does not.
 */
export function tsObjectKey(key: string, options: { bare?: boolean } = {}): string {
  if (key === '__proto__') return `[${tsString(key)}]`;
  return options.bare === true ? key : tsString(key);
}

/** A TypeScript expression for a JSON value, indented by `indent` spaces after the first line. */
export function tsValue(value: Json, indent = 0): string {
  const pad = ' '.repeat(indent + 2);
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? tsString(value) : String(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => pad + tsValue(item, indent + 2)).join(',\n')},\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  const lines = entries.map(([key, item]) => `${pad}${tsObjectKey(key, { bare: IDENTIFIER.test(key) })}: ${tsValue(item, indent + 2)}`);
  return `{\n${lines.join(',\n')},\n${' '.repeat(indent)}}`;
}

/**
 * A Python string literal (double-quoted). Escapes everything Python treats specially; other
 * characters, including non-ASCII, are kept as they are (Python 3 source is UTF-8).
 */
export function pyString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === '"') out += '\\"';
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      out += `\\u${code.toString(16)}`; // a lone surrogate: keep the code unit, escaped
    } else out += char;
  }
  return `${out}"`;
}

/** A Python expression for a JSON value (dict/list literals, True/False/None). */
export function pyValue(value: Json, indent = 0): string {
  const pad = ' '.repeat(indent + 4);
  if (value === null) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'None';
  if (typeof value === 'string') return pyString(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => pad + pyValue(item, indent + 4)).join(',\n')},\n${' '.repeat(indent)}]`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '{}';
  return `{\n${entries.map(([k, v]) => `${pad}${pyString(k)}: ${pyValue(v, indent + 4)}`).join(',\n')},\n${' '.repeat(indent)}}`;
}

const PYTHON_KEYWORDS = new Set(
  'False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield match case type'.split(
    ' ',
  ),
);

/** A Python identifier derived from any text: invalid characters become `_`, keywords get a trailing `_`. */
export function pyIdentifier(text: string): string {
  let id = text.replace(/[^A-Za-z0-9_]/g, '_');
  if (!id || /^[0-9]/.test(id)) id = `_${id}`;
  return PYTHON_KEYWORDS.has(id) ? `${id}_` : id;
}

const TS_RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with yield let static implements interface package private protected public await'.split(
    ' ',
  ),
);

/** A camelCase JavaScript identifier derived from a tool name, with a prefix: `search_docs` -> `handleSearchDocs`. */
export function tsIdentifier(prefix: string, text: string): string {
  const parts = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const body = parts.map((p) => p[0]!.toUpperCase() + p.slice(1)).join('');
  const id = `${prefix}${body}`;
  return IDENTIFIER.test(id) && !TS_RESERVED.has(id) ? id : `${prefix}Tool`;
}
