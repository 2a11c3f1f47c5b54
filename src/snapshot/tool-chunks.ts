/**
 * The tools of a canonically laid-out snapshot file, each as its own piece of text, so that the
 * second file of a diff parses only the tools that differ from the first's: most tools of a release
 * are the same bytes as in the baseline, and the same text is the same value. A tool read this way
 * is the baseline's very object, which also settles its comparison at once (`a === b`).
 *
 * The canonical layout (design §4) puts `tools` last, two spaces in, one tool after another:
 *
 *     "tools": [
 *       {
 *         ...
 *       },
 *       {
 *         ...
 *       }
 *     ]
 *   }
 *
 * A file laid out otherwise is simply parsed whole. The cut is sound for any text: a JSON string
 * cannot hold a line break, so every cut is outside strings, and the text is only read this way when
 * every piece parses on its own (so each is balanced and the array holding them is the top-level
 * `tools`) and the rest, with the tools taken out, does too.
 */
import { checkParsedJson } from './json-scan.js';

const OPEN = '\n  "tools": [\n    {\n';
const SEPARATOR = '\n    },\n    {\n';
/** SEPARATOR as its indentation and the rest: searched for by the rest, which starts with a character rarer than a line break. */
const SEPARATOR_INDENT = '\n    ';
const SEPARATOR_REST = '},\n    {\n';
const CLOSE = '\n    }\n  ]\n}';

export interface ToolChunks {
  /** The text before the first tool's `{` and after the last tool's `}`. */
  head: string;
  tail: string;
  /** Each tool's text, from its `{` to its `}`. */
  tools: string[];
}

/** The text cut into its tools, or undefined when it is not laid out canonically. */
export function cutTools(text: string): ToolChunks | undefined {
  // The first such line: a search forward skips ahead, where lastIndexOf would compare at every position back through the tools.
  const open = text.indexOf(OPEN);
  if (open === -1) return undefined;
  const closeAt = text.endsWith(`${CLOSE}\n`) ? text.length - CLOSE.length - 1 : text.endsWith(CLOSE) ? text.length - CLOSE.length : -1;
  if (closeAt < open) return undefined;
  const first = open + '\n  "tools": [\n    '.length;
  const tools: string[] = [];
  let start = first;
  for (let separator = nextSeparator(text, start); separator !== -1 && separator < closeAt; separator = nextSeparator(text, start)) {
    tools.push(text.slice(start, separator + '\n    }'.length));
    start = separator + SEPARATOR.length - '{\n'.length;
  }
  tools.push(text.slice(start, closeAt + '\n    }'.length));
  return { head: text.slice(0, first), tail: text.slice(closeAt + '\n    }'.length), tools };
}

/**
 * `text.indexOf(SEPARATOR, from)`, found by SEPARATOR_REST and a look back at its indentation: a
 * search for a pattern starting with a line break stops at every line, one starting with `}` only
 * where an object ends (13 MiB: 5.7 ms instead of 9.7 ms).
 */
function nextSeparator(text: string, from: number): number {
  for (let rest = text.indexOf(SEPARATOR_REST, from + SEPARATOR_INDENT.length); rest !== -1; rest = text.indexOf(SEPARATOR_REST, rest + 1)) {
    if (text.startsWith(SEPARATOR_INDENT, rest - SEPARATOR_INDENT.length)) return rest - SEPARATOR_INDENT.length;
  }
  return -1;
}

/**
 * Parses `text` (a snapshot file) reusing the tools of `baseline`, whose text `baselineChunks` cut
 * and whose document `baselineTools` are (already parsed, and checked by checkParsedJson as a whole).
 * Returns undefined when the text cannot be read this way, or has a problem (not JSON, a duplicate
 * key, nesting too deep): the caller then reads it whole, which says what and where. `parsed` holds
 * the tools read from the text (the others are the baseline's objects).
 */
export function parseReusingTools(
  text: string,
  baselineChunks: ToolChunks,
  baselineTools: readonly unknown[],
  maxDepth: number,
): { document: Record<string, unknown>; reused: number; parsed: unknown[] } | undefined {
  if (baselineChunks.tools.length !== baselineTools.length) return undefined;
  const chunks = cutTools(text);
  if (!chunks) return undefined;
  // Candidates by length: hashing every piece would cost about as much as parsing it.
  const byLength = new Map<number, number[]>();
  baselineChunks.tools.forEach((chunk, index) => {
    const same = byLength.get(chunk.length);
    if (same) same.push(index);
    else byLength.set(chunk.length, [index]);
  });
  const known = (chunk: string): unknown => {
    for (const index of byLength.get(chunk.length) ?? []) if (baselineChunks.tools[index] === chunk) return baselineTools[index];
    return undefined;
  };
  let document: Record<string, unknown>;
  try {
    // The rest, with a placeholder in place of the tools: it must parse, and hold the placeholder as its top-level `tools`.
    const rest = `${chunks.head}0${chunks.tail}`;
    const parsed: unknown = JSON.parse(rest);
    if (!isRecord(parsed) || !Array.isArray(parsed.tools) || parsed.tools.length !== 1 || parsed.tools[0] !== 0) return undefined;
    if (checkParsedJson(rest, parsed, { maxDepth })) return undefined;
    document = parsed;
  } catch {
    return undefined;
  }
  const tools: unknown[] = [];
  const parsed: unknown[] = [];
  let reused = 0;
  for (const chunk of chunks.tools) {
    const same = known(chunk);
    if (same !== undefined) {
      tools.push(same);
      reused++;
      continue;
    }
    let tool: unknown;
    try {
      tool = JSON.parse(chunk);
    } catch {
      return undefined;
    }
    // A tool is nested in the document and in `tools`: two levels less for its own nesting.
    if (checkParsedJson(chunk, tool, { maxDepth: maxDepth - 2 })) return undefined;
    tools.push(tool);
    parsed.push(tool);
  }
  document.tools = tools;
  return { document, reused, parsed };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
