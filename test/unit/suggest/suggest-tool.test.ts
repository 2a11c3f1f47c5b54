import { spawnSync } from 'node:child_process';
import fc from 'fast-check';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { diffSnapshots } from '../../../src/diff/diff-snapshots.js';
import { typescriptSnippet, pythonSnippet } from '../../../src/suggest/snippets.js';
import { pyString, tsString } from '../../../src/suggest/literals.js';
import { isValidToolName } from '../../../src/suggest/tool-name.js';
import type { Suggestion } from '../../../src/diff/model.js';
import type { ToolSnapshot } from '../../../src/snapshot/model.js';
import { snapshot, tool } from '../diff/snapshot-builders.js';

function typescriptDiagnostics(code: string): string[] {
  const output = ts.transpileModule(code, {
    reportDiagnostics: true,
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return (output.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** Evaluates a TypeScript string literal by transpiling `export default <literal>` and reading it back. */
function evaluateTsLiteral(literal: string): unknown {
  const js = ts.transpileModule(`module.exports = ${literal};`, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  const module = { exports: undefined as unknown };
  new Function('module', js)(module);
  return module.exports;
}

const hostile = 'He said "hi"\\n`${process.exit(1)}` \'quoted\' */ // \u2028 \u0000 \n</script> ünï 🎉';

const nastyTool: ToolSnapshot = {
  name: 'search',
  title: hostile,
  description: hostile,
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', description: hostile },
      'max-results': { type: ['integer', 'null'] },
      class: { enum: ['a', 'b"c'] },
      __proto__: { type: 'boolean' },
      nested: { type: 'object', properties: { deep: { type: 'array', items: { const: 'x' } } }, additionalProperties: false },
    },
    required: ['query'],
  },
  outputSchema: { type: 'object', properties: { hits: { type: 'array', items: { type: 'string' } } } },
  annotations: { readOnlyHint: true, title: hostile },
  _meta: { 'weird key': hostile },
};

function breakingSuggestions(): Suggestion[] {
  const base = snapshot({ tools: [nastyTool, tool('gone'), tool('renamed_tool')] });
  const head = snapshot({
    tools: [
      { ...nastyTool, execution: { taskSupport: 'required' } },
      { ...tool('renamed_tool'), name: 'renamed_tool_new' },
      tool('search_v2', { description: 'Unrelated.' }),
    ],
  });
  const { changes } = diffSnapshots(base, head);
  const found = changes.filter((c) => c.severity === 'breaking').map((c) => c.suggestion);
  expect(found.every((s) => s !== undefined)).toBe(true);
  return found as Suggestion[];
}

describe('suggestions', () => {
  it('covers every breaking tool change with the right kind and a valid, unique name', () => {
    const suggestions = breakingSuggestions();
    const byName = new Map(suggestions.map((s) => [s.name, s.kind]));
    expect(Object.fromEntries(byName)).toEqual({
      gone: 'deprecated-alias',
      renamed_tool: 'deprecated-alias',
      search_v3: 'versioned-tool',
    });
    for (const s of suggestions) {
      expect(isValidToolName(s.name)).toBe(true);
      expect(s.text.length).toBeGreaterThan(20);
    }
  });

  it('produces TypeScript snippets that parse, even with hostile server strings', () => {
    for (const s of breakingSuggestions()) {
      expect(typescriptDiagnostics(s.snippet), s.snippet).toEqual([]);
      expect(s.snippet).toContain('server.registerTool(');
    }
  });

  it('writes a suggestion\'s code when it is read, once, as the same text as the snippet writers', () => {
    const suggestion = breakingSuggestions().find((s) => s.name === 'renamed_tool')!;
    expect(Object.getOwnPropertyDescriptor(suggestion, 'snippet')?.get).toBeTypeOf('function');
    expect(Object.getOwnPropertyDescriptor(suggestion, 'pythonSnippet')?.get).toBeTypeOf('function');
    const code = suggestion.snippet;
    expect(Object.getOwnPropertyDescriptor(suggestion, 'snippet')).toMatchObject({ value: code, enumerable: true });
    expect(Object.getOwnPropertyDescriptor(suggestion, 'pythonSnippet')?.get).toBeTypeOf('function');
    expect(Object.keys(suggestion)).toEqual(['kind', 'name', 'text', 'snippet', 'pythonSnippet']);
    expect(code).toContain('server.registerTool(');
  });

  it('puts the deprecation marks on an alias', () => {
    const alias = breakingSuggestions().find((s) => s.name === 'renamed_tool')!;
    expect(alias.snippet).toContain('"DEPRECATED: use renamed_tool_new.');
    expect(alias.snippet).toMatch(/deprecated: true,\s+replacement: "renamed_tool_new"/);
    expect(alias.snippet).toContain('handleRenamedToolNew(args)');
    expect(alias.pythonSnippet).toContain('"deprecated": True');
    expect(alias.pythonSnippet).toContain('name="renamed_tool"');
  });

  it('writes Python snippets with required parameters before optional ones and escaped strings', () => {
    const versioned = breakingSuggestions().find((s) => s.kind === 'versioned-tool')!;
    expect(versioned.pythonSnippet).toContain('@mcp.tool(');
    expect(versioned.pythonSnippet).toContain('name="search_v3"');
    expect(versioned.pythonSnippet).toMatch(/async def search_v3\(query: str, max_results: int \| None = None, class_: Any = None/);
    expect(versioned.pythonSnippet).toContain('# Parameter max_results stands for the property "max-results".');
    expect(versioned.pythonSnippet).toContain(pyString(hostile));
    expect(versioned.pythonSnippet.split('\n').every((line) => !line.startsWith('`'))).toBe(true);
  });

  it('round-trips any string through the TypeScript literal', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(evaluateTsLiteral(tsString(text))).toBe(text);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps TypeScript snippets parseable for arbitrary titles, descriptions and property names', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (title, description, property) => {
        const snippet = typescriptSnippet({
          name: 'x_v2',
          tool: { name: 'x', title, description, inputSchema: { type: 'object', properties: { [property]: { type: 'string', description } } } },
          description,
          meta: { [property]: title },
          implementation: 'x',
          comment: `for ${title}`,
        });
        expect(typescriptDiagnostics(snippet)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('escapes Python string literals completely', () => {
    expect(pyString('a"b\\c\nd\u0007')).toBe('"a\\"b\\\\c\\nd\\u0007"');
    const snippet = pythonSnippet({ name: 'n', tool: { name: 'n', inputSchema: {} }, implementation: 'n', comment: 'line\nbreak' });
    expect(snippet).toContain('# line break');
  });

  it('keeps comments free of control characters, tabs included, whatever the names hold', () => {
    const registration = { name: 'n', tool: { name: 'n', inputSchema: {} }, implementation: 'n', comment: 'alias of dele\te_note\u0007\u001b[31m\u0085x' };
    for (const snippet of [pythonSnippet(registration), typescriptSnippet(registration)]) {
      const comment = snippet.split('\n').find((line) => line.includes('alias of'))!;
      expect(comment).toMatch(/alias of dele e_note \[31m x$/);
    }
  });
});

describe('Python snippets', () => {
  const python = spawnSync('python3', ['--version']);
  const hasPython = python.status === 0;

  it.skipIf(!hasPython)('parse with Python\'s own parser (ast.parse), hostile strings included', () => {
    for (const s of breakingSuggestions()) {
      const result = spawnSync('python3', ['-c', 'import ast, sys; ast.parse(sys.stdin.read())'], { input: s.pythonSnippet });
      expect(result.stderr.toString(), s.pythonSnippet).toBe('');
      expect(result.status).toBe(0);
    }
  });

  it.skipIf(!hasPython)('string literals evaluate back to the original text', () => {
    const samples = [hostile, '', '\\', '"""', "'", '\u2029', '\x7f\x85', '\u{E0041}'];
    const check = spawnSync('python3', ['-c', `import json, sys\nvalues = [${samples.map(pyString).join(', ')}]\nprint(json.dumps(values))`]);
    expect(check.status).toBe(0);
    expect(JSON.parse(check.stdout.toString())).toEqual(samples);
  });
});
