import type { Json, JsonObject } from '../snapshot/model.js';
import { tsObjectKey, tsString } from './literals.js';

const MAX_DEPTH = 4;

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A zod expression approximating a JSON Schema, for snippets only: types, enums, consts,
 * nullability, arrays, nested objects and descriptions. Anything it cannot express becomes
 * `z.unknown()`; the snippet says constraints must be checked by hand.
 */
export function zodExpression(schema: Json | undefined, depth = 0): string {
  if (!isObject(schema) || depth > MAX_DEPTH) return 'z.unknown()';
  let expression = baseExpression(schema, depth);
  if (typeof schema.description === 'string') expression += `.describe(${tsString(schema.description)})`;
  return expression;
}

function baseExpression(schema: JsonObject, depth: number): string {
  if (schema.const !== undefined) return literal(schema.const);
  if (Array.isArray(schema.enum)) {
    const values = schema.enum;
    if (values.length > 0 && values.every((v): v is string => typeof v === 'string')) {
      return `z.enum([${values.map(tsString).join(', ')}])`;
    }
    const literals = values.map(literal);
    return literals.length === 1 ? literals[0]! : literals.length > 1 ? `z.union([${literals.join(', ')}])` : 'z.never()';
  }
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : [];
  const nullable = types.includes('null');
  const concrete = types.filter((t) => t !== 'null');
  if (concrete.length === 0) return nullable ? 'z.null()' : 'z.unknown()';
  const expression =
    concrete.length === 1
      ? typeExpression(String(concrete[0]), schema, depth)
      : `z.union([${concrete.map((type) => typeExpression(String(type), schema, depth)).join(', ')}])`;
  return nullable ? `${expression}.nullable()` : expression;
}

function literal(value: Json): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? `z.literal(${typeof value === 'string' ? tsString(value) : String(value)})`
    : value === null
      ? 'z.null()'
      : 'z.unknown()';
}

function typeExpression(type: string, schema: JsonObject, depth: number): string {
  switch (type) {
    case 'string':
      return 'z.string()';
    case 'integer':
      return 'z.number().int()';
    case 'number':
      return 'z.number()';
    case 'boolean':
      return 'z.boolean()';
    case 'array':
      return `z.array(${zodExpression(isObject(schema.items) ? schema.items : undefined, depth + 1)})`;
    case 'object':
      return isObject(schema.properties)
        ? `z.object(${zodShape(schema, depth + 1)})${schema.additionalProperties === false ? '.strict()' : '.passthrough()'}`
        : 'z.record(z.unknown())';
    default:
      return 'z.unknown()';
  }
}

/** A zod raw shape (`{ key: z.string(), ... }`) for an object schema, as `registerTool` takes it. */
export function zodShape(schema: JsonObject, depth = 0, indent = 0): string {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r) => typeof r === 'string') : []);
  const entries = Object.entries(properties);
  if (entries.length === 0) return '{}';
  const pad = ' '.repeat(indent + 2);
  const lines = entries.map(
    ([key, property]) =>
      `${pad}${tsObjectKey(key)}: ${zodExpression(property, depth)}${required.has(key) ? '' : '.optional()'},`,
  );
  return `{\n${lines.join('\n')}\n${' '.repeat(indent)}}`;
}
