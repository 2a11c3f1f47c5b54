import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkParsedJson, describeDuplicateKey, duplicateKeyProblem, firstTooDeep, scanJson } from '../../../src/snapshot/json-scan.js';

/** A JSON value whose objects are lists of members, so that a key may repeat: what a hand-edited file may hold. */
type Tree = string | number | boolean | null | Tree[] | { members: Array<[string, Tree]> };

const keyArbitrary = fc.oneof(fc.constantFrom('a', 'b', 'name', 'a:b', ':', 'x"y', 'k\\', '{', 'é'), fc.string({ maxLength: 4 }));
const treeArbitrary: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('http://x', 'a:b:c', '"}]', '\\'), fc.integer(), fc.boolean(), fc.constant(null)),
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.record({ members: fc.array(fc.tuple(keyArbitrary, tie('tree')), { maxLength: 5 }) }),
  ),
})).tree;

/** Writes a tree as JSON text, escaping some characters as \uXXXX (a colon too) and adding some whitespace. */
function write(tree: Tree, random: () => number): string {
  const space = () => (random() < 0.3 ? ' \n\t'.slice(0, 1 + Math.floor(random() * 3)) : '');
  const string = (value: string) =>
    `"${[...JSON.stringify(value).slice(1, -1).matchAll(/\\u[0-9a-f]{4}|\\.|[^\\]/g)]
      .map(([piece]) => (piece.length === 1 && random() < 0.2 ? `\\u${piece.charCodeAt(0).toString(16).padStart(4, '0')}` : piece))
      .join('')}"`;
  if (typeof tree === 'string') return string(tree);
  if (tree === null || typeof tree !== 'object') return JSON.stringify(tree);
  if (Array.isArray(tree)) return `[${space()}${tree.map((item) => write(item, random)).join(`,${space()}`)}${space()}]`;
  return `{${space()}${tree.members.map(([key, value]) => `${string(key)}${space()}:${space()}${write(value, random)}`).join(`,${space()}`)}${space()}}`;
}

function hasDuplicate(tree: Tree): boolean {
  if (tree === null || typeof tree !== 'object') return false;
  if (Array.isArray(tree)) return tree.some(hasDuplicate);
  const keys = tree.members.map(([key]) => key);
  return new Set(keys).size < keys.length || tree.members.some(([, value]) => hasDuplicate(value));
}

function depthOf(tree: Tree): number {
  if (tree === null || typeof tree !== 'object') return 0;
  const children = Array.isArray(tree) ? tree : tree.members.map(([, value]) => value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

describe('scanJson', () => {
  it('finds the first key written twice in one object, with both places and the pointer of the object', () => {
    const text = '{\n  "tools": [\n    {\n      "name": "a",\n      "title": "T",\n      "name": "b"\n    }\n  ]\n}\n';
    const found = scanJson(text);
    expect(found).toEqual({ kind: 'duplicate-key', key: 'name', firstOffset: text.indexOf('"name"'), offset: text.lastIndexOf('"name"'), path: ['tools', '0'] });
    expect(describeDuplicateKey(text, found as Extract<typeof found, { kind: 'duplicate-key' }>)).toBe(
      'the key "name" appears twice in the object at /tools/0 (line 4, column 7, and line 6, column 7); JSON would keep only the last one',
    );
  });

  it('reads keys as JSON does: escapes that spell the same key are the same key, and strings hide nothing', () => {
    expect(scanJson('{"a": 1, "\\u0061": 2}')).toMatchObject({ kind: 'duplicate-key', key: 'a' });
    expect(scanJson('{"a\\"": 1, "a\\u0022": 2}')).toMatchObject({ kind: 'duplicate-key', key: 'a"' });
    expect(scanJson('{"a": "{\\"a\\": 1, \\"a\\": 2}", "b": ["a", "a"], "c": {"a": 1}}')).toBeUndefined();
    expect(scanJson('{"a": {"x": 1}, "b": {"x": 2}}')).toBeUndefined();
  });

  it('keeps long objects linear, and still finds their duplicates', () => {
    const members = Array.from({ length: 5_000 }, (_, index) => `"key${index}": ${index}`);
    expect(scanJson(`{${members.join(',')}}`)).toBeUndefined();
    const found = scanJson(`{${[...members, '"key17": 0'].join(',')}}`);
    expect(found).toMatchObject({ kind: 'duplicate-key', key: 'key17', path: [] });
  });

  it('finds the first value nested deeper than maxDepth, with its pointer', () => {
    expect(scanJson('[[[1]]]', { maxDepth: 3 })).toBeUndefined();
    expect(scanJson('{"a": [0, {"b": [[]]}]}', { maxDepth: 3 })).toEqual({ kind: 'too-deep', offset: 16, path: ['a', '1', 'b'] });
    expect(scanJson('['.repeat(100_000) + ']'.repeat(100_000), { maxDepth: 1000 })).toMatchObject({ kind: 'too-deep', offset: 1000 });
  });

  it('skips comments in JSONC when asked, and lets trailing commas through', () => {
    const text = '{\n  // "a": 1,\n  "a": 1, /* "a": 2 */\n  "b": [1, 2,],\n}\n';
    expect(duplicateKeyProblem(text, { comments: true })).toBeUndefined();
    expect(duplicateKeyProblem(`${text.slice(0, -2)}  "a": 3\n}\n`, { comments: true })).toBe(
      'the key "a" appears twice in the object at / (line 3, column 3, and line 5, column 3); JSON would keep only the last one',
    );
  });

  it('shows keys and pointers safely', () => {
    const problem = duplicateKeyProblem('{"x\\u001b[2J": {"\\u202ek": 1, "\\u202ek": 2}}');
    expect(problem).toBe('the key "\\u202ek" appears twice in the object at /x\\u001b[2J (line 1, column 17, and line 1, column 31); JSON would keep only the last one');
  });

  it('agrees with how the text was written, and checkParsedJson with scanJson, on generated documents', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.integer(), (tree, seed) => {
        let state = seed;
        const random = () => ((state = (Math.imul(state, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32;
        const text = write(tree, random);
        const found = scanJson(text, { maxDepth: 4 });
        const duplicate = hasDuplicate(tree);
        const tooDeep = depthOf(tree) > 4;
        expect(found !== undefined).toBe(duplicate || tooDeep);
        if (found?.kind === 'duplicate-key') expect(duplicate).toBe(true);
        if (found?.kind === 'too-deep') expect(tooDeep).toBe(true);
        expect(checkParsedJson(text, JSON.parse(text), { maxDepth: 4 })).toEqual(found);
      }),
      { numRuns: 1500 },
    );
  });
});

describe('checkParsedJson', () => {
  it('is not fooled by colons inside strings, escaped colons, or a duplicate whose dropped value holds colons', () => {
    const check = (text: string) => checkParsedJson(text, JSON.parse(text), { maxDepth: 10 });
    expect(check('{"a:b": "c:d", "e": ["f:", ":"]}')).toBeUndefined();
    expect(check('{"a": "\\u003a", "b": 1}')).toBeUndefined();
    expect(check('{"a": "x:y", "a": "z"}')).toMatchObject({ kind: 'duplicate-key', key: 'a' });
    // One key dropped, and one colon more in the parsed strings than the text shows: the counts would
    // balance without the escape check.
    expect(check('{"a": 1, "a": 2, "b": "\\u003a"}')).toMatchObject({ kind: 'duplicate-key', key: 'a' });
    expect(check('"a:b"')).toBeUndefined();
  });
});

function nested(levels: number): unknown {
  let value: unknown = 'leaf';
  for (let level = 0; level < levels; level++) value = level % 2 === 0 ? { a: value } : [value];
  return value;
}

describe('firstTooDeep', () => {
  it('counts the value itself as level 1, and scalars as no level', () => {
    expect(firstTooDeep('text', 0)).toBeUndefined();
    expect(firstTooDeep({}, 1)).toBeUndefined();
    expect(firstTooDeep({}, 0)).toEqual([]);
    expect(firstTooDeep(nested(3), 3)).toBeUndefined();
    expect(firstTooDeep(nested(3), 2)).toEqual(['a', '0']);
  });

  it('walks 100,000 levels without recursion and names the path to the first value past the limit', () => {
    const path = firstTooDeep(nested(100_000), 1000);
    expect(path).toHaveLength(1000);
    expect(path?.slice(-2)).toEqual(['0', 'a']);
  });

  it('finds the deep member among shallow siblings, whatever its key', () => {
    const value = JSON.parse('{"x":{},"__proto__":{"y":[[{}]]}}') as unknown;
    expect(firstTooDeep(value, 4)).toEqual(['__proto__', 'y', '0', '0']);
  });
});
