import { describe, expect, it } from 'vitest';
import { compareTool } from '../../../src/diff/compare-tool.js';
import type { JsonObject } from '../../../src/snapshot/model.js';
import { tool } from './snapshot-builders.js';

// Behaviour hints. destructiveHint and idempotentHint mean something only when readOnlyHint is false
// (MCP specification, ToolAnnotations): when readOnlyHint changes, the change is reported once, and
// those two are reported only where their own value changed too.

const hintRules = (before: JsonObject | undefined, after: JsonObject | undefined): string[] =>
  compareTool(tool('t', before ? { annotations: before } : {}), tool('t', after ? { annotations: after } : {}))
    .map((change) => `${change.rule} ${String(change.params?.effective)}`)
    .sort();

/** The rule a change reports in the other direction: -added for -removed and back. */
const mirrored = (rule: string): string => rule.replace(/-(added|removed) /, (_, side: string) => (side === 'added' ? '-removed ' : '-added '));

describe('compareTool: annotations', () => {
  it('a tool that becomes read-only: the read-only change alone, not the destructive and idempotent values that follow from it', () => {
    expect(hintRules(undefined, { readOnlyHint: true })).toEqual(['tool-read-only-hint-added true']);
    expect(hintRules({ destructiveHint: true, idempotentHint: false }, { readOnlyHint: true, destructiveHint: true, idempotentHint: false })).toEqual(['tool-read-only-hint-added true']);
  });

  it('a tool that stops being read-only: the read-only change alone, in the same way', () => {
    expect(hintRules({ readOnlyHint: true }, undefined)).toEqual(['tool-read-only-hint-removed false']);
    expect(hintRules({ readOnlyHint: true, destructiveHint: true }, { readOnlyHint: false, destructiveHint: true })).toEqual(['tool-read-only-hint-removed false']);
  });

  it('hints written along with the read-only change are reported, in both directions (memory read_graph)', () => {
    const plain = {};
    const readGraph = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
    expect(hintRules(plain, readGraph)).toEqual([
      'tool-destructive-hint-removed false',
      'tool-idempotent-hint-added true',
      'tool-open-world-hint-removed false',
      'tool-read-only-hint-added true',
    ]);
    expect(hintRules(readGraph, plain)).toEqual([
      'tool-destructive-hint-added true',
      'tool-idempotent-hint-removed false',
      'tool-open-world-hint-added true',
      'tool-read-only-hint-removed false',
    ]);
  });

  it('hints of a tool that stays writable are compared by effective value as before', () => {
    expect(hintRules({ destructiveHint: false }, {})).toEqual(['tool-destructive-hint-added true']);
    expect(hintRules({ idempotentHint: true }, { idempotentHint: false })).toEqual(['tool-idempotent-hint-removed false']);
    expect(hintRules({ readOnlyHint: true, idempotentHint: false }, { readOnlyHint: true })).toEqual([]);
  });

  it('every pair of hint values: each direction mirrors the other, and nothing but readOnlyHint follows from readOnlyHint alone', () => {
    const values = [undefined, true, false];
    const states: JsonObject[] = [];
    for (const readOnlyHint of values)
      for (const destructiveHint of values)
        for (const idempotentHint of values) {
          const state: JsonObject = {};
          if (readOnlyHint !== undefined) state.readOnlyHint = readOnlyHint;
          if (destructiveHint !== undefined) state.destructiveHint = destructiveHint;
          if (idempotentHint !== undefined) state.idempotentHint = idempotentHint;
          states.push(state);
        }
    const own = (state: JsonObject, key: string, fallback: boolean): boolean => (typeof state[key] === 'boolean' ? (state[key] as boolean) : fallback);
    for (const before of states) {
      for (const after of states) {
        const forward = hintRules(before, after);
        const backward = hintRules(after, before);
        const label = `${JSON.stringify(before)} -> ${JSON.stringify(after)}`;
        expect(backward.map((rule) => mirrored(rule).replace(/ (true|false)$/, '')).sort(), label).toEqual(forward.map((rule) => rule.replace(/ (true|false)$/, '')).sort());
        if (own(before, 'readOnlyHint', false) !== own(after, 'readOnlyHint', false)) {
          if (own(before, 'destructiveHint', true) === own(after, 'destructiveHint', true)) expect(forward.filter((rule) => rule.startsWith('tool-destructive')), label).toEqual([]);
          if (own(before, 'idempotentHint', false) === own(after, 'idempotentHint', false)) expect(forward.filter((rule) => rule.startsWith('tool-idempotent')), label).toEqual([]);
        }
      }
    }
  });
});
