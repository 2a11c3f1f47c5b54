import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePair } from '../../../bench/generate.mjs';
import { readSnapshotFile, readSnapshotPair } from '../../../src/snapshot/read.js';
import { serializeSnapshot } from '../../../src/snapshot/canonical.js';
import { cutTools, parseReusingTools } from '../../../src/snapshot/tool-chunks.js';
import { tempDir } from '../../support/temp-dir.js';

const dir = tempDir('mcp-compat-tool-chunks-');

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  return (error as Error).message;
}

const pair = generatePair({ tools: 60, seed: 3, profile: 'realistic' });

describe('cutTools', () => {
  it('cuts a canonical snapshot into its tools, each the canonical text of one tool', () => {
    const chunks = cutTools(pair.base);
    const tools = (JSON.parse(pair.base) as { tools: unknown[] }).tools;
    expect(chunks?.tools).toHaveLength(tools.length);
    chunks?.tools.forEach((chunk, index) => expect(JSON.parse(chunk)).toEqual(tools[index]));
    expect(`${chunks?.head}${chunks?.tools.join(',\n    ')}${chunks?.tail}`).toBe(pair.base);
  });

  it('cuts exactly where a plain search for each separator does, on any text', () => {
    // The cut as first written: one indexOf of the whole separator per tool.
    const plainCut = (text: string): string[] | undefined => {
      const open = text.indexOf('\n  "tools": [\n    {\n');
      const close = '\n    }\n  ]\n}';
      const closeAt = text.endsWith(`${close}\n`) ? text.length - close.length - 1 : text.endsWith(close) ? text.length - close.length : -1;
      if (open === -1 || closeAt < open) return undefined;
      const tools: string[] = [];
      let start = open + '\n  "tools": [\n    '.length;
      for (let at = text.indexOf('\n    },\n    {\n', start); at !== -1 && at < closeAt; at = text.indexOf('\n    },\n    {\n', start)) {
        tools.push(text.slice(start, at + '\n    }'.length));
        start = at + '\n    },\n    '.length;
      }
      tools.push(text.slice(start, closeAt + '\n    }'.length));
      return tools;
    };
    const piece = fc.constantFrom('\n', '    ', '  ', ' ', '}', '},', ',', '{', '\n    },\n    {\n', '},\n    {\n', '\n    }', '"x": 1', 'a');
    const text = fc.array(piece, { maxLength: 40 }).map((pieces) => `{\n  "a": 1,\n  "tools": [\n    {\n${pieces.join('')}\n    }\n  ]\n}\n`);
    fc.assert(
      fc.property(text, (candidate) => {
        expect(cutTools(candidate)?.tools).toEqual(plainCut(candidate));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a file laid out otherwise alone', () => {
    expect(cutTools(JSON.stringify(JSON.parse(pair.base)))).toBeUndefined();
    expect(cutTools(pair.base.replace(/\n}\n$/, '\n}\n\n'))).toBeUndefined();
    expect(cutTools(serializeSnapshot({ ...(JSON.parse(pair.base) as object), tools: [] } as never))).toBeUndefined();
  });
});

describe('parseReusingTools', () => {
  it('reads the same document as JSON.parse, taking the unchanged tools from the baseline', () => {
    const base = JSON.parse(pair.base) as { tools: unknown[] };
    const read = parseReusingTools(pair.head, cutTools(pair.base)!, base.tools, 1000);
    expect(read?.document).toEqual(JSON.parse(pair.head));
    const shared = (read?.document.tools as unknown[]).filter((tool) => base.tools.includes(tool));
    expect(shared.length).toBe(read?.reused);
    expect(read?.reused).toBeGreaterThan(50);
  });

  it('gives up, for the whole-file reading to explain, on anything it cannot prove', () => {
    const chunks = cutTools(pair.base)!;
    const tools = (JSON.parse(pair.base) as { tools: unknown[] }).tools;
    const lastTool = pair.head.lastIndexOf('\n    {\n');
    // A tool that is not JSON, a tool with a key twice, a tool too deep, a rest with a key twice.
    const broken = pair.head.slice(0, lastTool) + pair.head.slice(lastTool).replace('"name": ', '"name" ');
    const twice = pair.head.slice(0, lastTool) + pair.head.slice(lastTool).replace('"name": ', '"title": "x",\n      "title": "y",\n      "name": ');
    const deep = pair.head.slice(0, lastTool) + pair.head.slice(lastTool).replace('"name": ', `"_meta": ${'['.repeat(30)}${']'.repeat(30)},\n      "name": `);
    const restTwice = pair.head.replace('"formatVersion": 1,', '"formatVersion": 1,\n  "formatVersion": 1,');
    expect(() => JSON.parse(broken)).toThrow();
    for (const text of [broken, twice, restTwice]) expect(parseReusingTools(text, chunks, tools, 1000)).toBeUndefined();
    expect(parseReusingTools(deep, chunks, tools, 32)).toBeUndefined();
    expect(parseReusingTools(deep, chunks, tools, 40)).toBeDefined();
    // A baseline whose pieces do not match its tools is not used.
    expect(parseReusingTools(pair.head, chunks, tools.slice(1), 1000)).toBeUndefined();
  });
});

describe('readSnapshotPair', () => {
  it('reads both files as readSnapshotFile does', async () => {
    const basePath = file('base.json', pair.base);
    const headPath = file('head.json', pair.head);
    const [base, head] = await readSnapshotPair(basePath, headPath);
    expect(base).toEqual(await readSnapshotFile(basePath));
    expect(head).toEqual(await readSnapshotFile(headPath));
  });

  it('refuses a bad head, even when most of its tools are the baseline\'s, with the whole-file message', async () => {
    const basePath = file('base.json', pair.base);
    const lastTool = pair.head.lastIndexOf('\n    {\n');
    const twice = pair.head.slice(0, lastTool) + pair.head.slice(lastTool).replace('"name": ', '"title": "x",\n      "title": "y",\n      "name": ');
    const headPath = file('twice.json', twice);
    const message = await messageOf(readSnapshotPair(basePath, headPath));
    expect(message).toBe(await messageOf(readSnapshotFile(headPath)));
    expect(message).toMatch(/^.*twice\.json is not a valid snapshot: the key "title" appears twice in the object at \/tools\/\d+ \(line \d+, column 7, and line \d+, column 7\)/);
    // A tool of its own that the snapshot schema refuses: the pointer counts every tool, the baseline's included.
    const badSchema = pair.head.slice(0, lastTool) + pair.head.slice(lastTool).replace(/\n      "name": "[^"]*"/, '\n      "name": 7');
    const badPath = file('bad-schema.json', badSchema);
    const badMessage = await messageOf(readSnapshotPair(basePath, badPath));
    expect(badMessage).toBe(await messageOf(readSnapshotFile(badPath)));
    expect(badMessage).toMatch(new RegExp(`bad-schema\\.json is not a valid snapshot: at /tools/${(JSON.parse(pair.head) as { tools: unknown[] }).tools.length - 1}/name must be string`));
    // Every tool the baseline's, but the same tool twice: the identity check still sees it.
    const head = JSON.parse(pair.base) as { tools: unknown[] };
    const doubled = serializeSnapshot(head as never).replace(/(\n  "tools": \[\n)(    \{[\s\S]*?\n    \}),/, '$1$2,\n$2,');
    expect(await messageOf(readSnapshotPair(basePath, file('doubled.json', doubled)))).toMatch(/doubled\.json is not a valid snapshot: at \/tools\/1 has the same name as \/tools\/0/);
  });
});
