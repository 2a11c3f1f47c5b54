import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderJson } from '../../../src/report/json.js';
import { CHANGES, sampleReport } from './sample.js';

const schema = JSON.parse(readFileSync(new URL('../../../schemas/report.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

describe('renderJson', () => {
  it('is exactly the design §6 document and valid against schemas/report.schema.json', () => {
    const json = JSON.parse(renderJson(sampleReport())) as Record<string, unknown>;
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(Object.keys(json)).toEqual(['formatVersion', 'base', 'head', 'summary', 'changes']);
    expect(json.base).toEqual({ name: 'notes', version: '1.0.0' });
    expect(json.summary).toEqual({ breaking: 2, risky: 1, compatible: 2, recommendedBump: 'major', failOn: 'breaking', failed: true });
    const changes = json.changes as Record<string, unknown>[];
    expect(changes[1]).toEqual({
      rule: 'input-enum-value-removed',
      severity: 'breaking',
      entity: 'tool',
      name: 'search',
      pointer: '/inputSchema/properties/mode/enum',
      before: ['fast', 'exact'],
      after: ['fast'],
      message: CHANGES[3]!.message,
      suggestion: { kind: 'versioned-tool', name: 'search_v2', text: CHANGES[3]!.suggestion!.text, snippet: CHANGES[3]!.suggestion!.snippet },
      fingerprint: expect.stringMatching(/^[0-9a-f]{12}$/),
      acknowledged: false,
    });
    // Absent before/after stay absent rather than null.
    expect(Object.keys(changes[0]!)).not.toContain('before');
  });

  it('keeps server text verbatim: JSON consumers do their own escaping', () => {
    const json = JSON.parse(renderJson(sampleReport())) as { changes: { message: string }[] };
    expect(json.changes[4]!.message).toBe(CHANGES[4]!.message);
  });

  it('the schema rejects an extra field or a bad fingerprint', () => {
    const json = JSON.parse(renderJson(sampleReport())) as { summary: Record<string, unknown>; changes: Record<string, unknown>[] };
    expect(validate({ ...json, summary: { ...json.summary, extra: 1 } })).toBe(false);
    expect(validate({ ...json, changes: [{ ...json.changes[0], fingerprint: 'xyz' }] })).toBe(false);
  });
});
