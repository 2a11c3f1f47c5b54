import type { Json, JsonObject } from '../snapshot/model.js';

/**
 * Which side of the wire a schema describes. Input schemas describe what clients send
 * (narrowing breaks them); output schemas describe what clients receive (widening breaks them).
 */
export type SchemaDirection = 'input' | 'output';

/**
 * One direction-neutral difference between two schemas. The comparator only detects; the rule
 * catalog turns `aspect` + direction into a rule id (`input-enum-value-removed`) and a severity.
 */
export interface SchemaDifference {
  /** Kebab-case aspect id, e.g. `enum-value-removed`, `required-property-added`, `pattern-changed`. */
  aspect: string;
  /** RFC 6901 pointer inside the schema (the entity pointer is prefixed by the caller). */
  pointer: string;
  /** Human path of the parameter/field concerned, e.g. `mode`, `filters.tags[]`; '' for the root. */
  path: string;
  before?: Json;
  after?: Json;
  /** Aspect-specific facts for the message (values added/removed, the reason safety is unprovable, ...). */
  params?: JsonObject;
}

export type SchemaInput = JsonObject | boolean;
