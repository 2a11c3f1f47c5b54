import type { Json } from '../snapshot/model.js';
import type { Report } from './model.js';
import { escapeJsonText } from './sanitize.js';

/** The machine contract of design §6, field for field; schemas/report.schema.json describes it. */
export function renderJson(report: Report): string {
  const document = {
    formatVersion: report.formatVersion,
    base: { name: report.base.name, version: report.base.version },
    head: { name: report.head.name, version: report.head.version },
    summary: {
      breaking: report.summary.breaking,
      risky: report.summary.risky,
      compatible: report.summary.compatible,
      recommendedBump: report.summary.recommendedBump,
      failOn: report.summary.failOn,
      failed: report.summary.failed,
      ...(report.context ? { context: { baseTokens: report.context.baseTokens, headTokens: report.context.headTokens, delta: report.context.delta } } : {}),
    },
    changes: report.changes.map((change) => {
      const entry: Record<string, Json | undefined> = {
        rule: change.rule,
        severity: change.severity,
        entity: change.entity,
        name: change.name,
        pointer: change.pointer,
        before: change.before,
        after: change.after,
        message: change.message,
      };
      if (change.suggestion) {
        const { kind, name, text, snippet } = change.suggestion;
        entry.suggestion = { kind, name, text, snippet };
      }
      entry.fingerprint = change.fingerprint;
      entry.acknowledged = change.acknowledged;
      return entry;
    }),
    ...(report.context ? { context: contextDetail(report.context) } : {}),
  };
  // The server's strings exactly, with controls, bidi and invisible characters as \uXXXX escapes.
  return `${escapeJsonText(JSON.stringify(document, null, 2))}\n`;
}

/** The top-level `context`: the encoding, the limits applied, the ones exceeded, and each entity whose count changed. */
function contextDetail(context: NonNullable<Report['context']>): Json {
  const { maxTokens, maxGrowth } = context.limits;
  return {
    encoding: context.encoding,
    limits: {
      ...(maxTokens === undefined ? {} : { maxTokens }),
      ...(maxGrowth === undefined ? {} : { maxGrowth: 'percent' in maxGrowth ? `${maxGrowth.percent}%` : maxGrowth.tokens }),
    },
    exceeded: context.exceeded.map((breach) => ({ limit: breach.limit, message: breach.message })),
    entities: context.entities.map((entity) => ({ entity: entity.entity, name: entity.name, baseTokens: entity.baseTokens, headTokens: entity.headTokens, delta: entity.delta })),
  };
}
