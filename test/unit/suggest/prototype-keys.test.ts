import { createRequire } from 'node:module';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { typescriptSnippet } from '../../../src/suggest/snippets.js';
import { tsObjectKey, tsValue } from '../../../src/suggest/literals.js';
import { zodShape } from '../../../src/suggest/zod-shape.js';
import type { JsonObject, ToolSnapshot } from '../../../src/snapshot/model.js';

const require = createRequire(import.meta.url);

// Keys come from servers. In a JavaScript object literal, `__proto__: x` and `"__proto__": x`
// set the prototype instead of defining a property, so a pasted snippet would silently lose the
// parameter. Snippets are evaluated here as a user would run them, with the real zod.

/** Runs a TypeScript snippet with the real zod and a server that records what is registered. */
function register(snippet: string): { name: string; config: Record<string, unknown> } {
  const js = ts.transpileModule(snippet, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } }).outputText;
  const registered: Array<{ name: string; config: Record<string, unknown> }> = [];
  const server = { registerTool: (name: string, config: Record<string, unknown>) => registered.push({ name, config }) };
  new Function('require', 'exports', 'server', js)(require, {}, server);
  expect(registered).toHaveLength(1);
  return registered[0]!;
}

function evaluate(expression: string): Record<string, unknown> {
  return new Function(`return (${expression});`)() as Record<string, unknown>;
}

/** Built from JSON text, as a snapshot file is read: `__proto__` is an own key here. */
const tool = JSON.parse(`{
  "name": "__proto__",
  "description": "A tool whose name and keys look like Object.prototype members.",
  "inputSchema": {
    "type": "object",
    "properties": {
      "__proto__": {"type": "string"},
      "constructor": {"type": "integer"},
      "prototype": {"type": "object", "properties": {"__proto__": {"type": "boolean"}}}
    },
    "required": ["__proto__"]
  },
  "annotations": {"__proto__": {"readOnlyHint": true}, "constructor": "c"},
  "_meta": {"__proto__": {"owner": "team"}, "prototype": 1}
}`) as ToolSnapshot;

describe('generated TypeScript keeps keys named like Object.prototype members as own properties', () => {
  it('tsObjectKey writes __proto__ as a computed key and leaves other keys alone', () => {
    expect(tsObjectKey('__proto__')).toBe('["__proto__"]');
    expect(tsObjectKey('constructor')).toBe('"constructor"');
    expect(tsObjectKey('constructor', { bare: true })).toBe('constructor');
    expect(Object.hasOwn(evaluate(`{ ${tsObjectKey('__proto__')}: 1 }`), '__proto__')).toBe(true);
  });

  it('a zod shape with a "__proto__" property, evaluated, has it as an own property', () => {
    const shape = zodShape(tool.inputSchema);
    expect(shape).not.toMatch(/^\s*"__proto__":/m);
    const z = require('zod') as typeof import('zod');
    const evaluated = new Function('z', `return (${shape});`)(z) as Record<string, unknown>;
    expect(Object.getPrototypeOf(evaluated)).toBe(Object.prototype);
    expect(Object.keys(evaluated).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
    // The nested object shape keeps its own "__proto__" too.
    const nested = (evaluated.prototype as { unwrap(): { shape: Record<string, unknown> } }).unwrap().shape;
    expect(Object.hasOwn(nested, '__proto__')).toBe(true);
  });

  it('tsValue (annotations, _meta) evaluates to own properties', () => {
    const meta = evaluate(tsValue(tool._meta as JsonObject));
    expect(Object.hasOwn(meta, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
    expect(meta).toMatchObject({ prototype: 1 });
  });

  it('the whole registerTool snippet, run with zod, registers every parameter and metadata key', () => {
    const { name, config } = register(
      typescriptSnippet({ name: tool.name, tool, description: tool.description, meta: tool._meta, implementation: tool.name, comment: 'Keep it.' }),
    );
    expect(name).toBe('__proto__');
    for (const key of ['inputSchema', 'annotations', '_meta'] as const) {
      const value = config[key] as Record<string, unknown>;
      expect(Object.hasOwn(value, '__proto__'), key).toBe(true);
      expect(Object.getPrototypeOf(value), key).toBe(Object.prototype);
    }
    expect(Object.keys(config.inputSchema as object).sort()).toEqual(['__proto__', 'constructor', 'prototype']);
  });
});
