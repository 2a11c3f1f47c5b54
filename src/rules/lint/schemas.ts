import { whyNothingMatches, contradictions, forbidsProperty, matchesPattern, requiredNames } from '../../lint/contradictions.js';
import type { LintFacts, LintRule } from '../../lint/model.js';
import { schemaNodes, type SchemaNode } from '../../lint/schema-nodes.js';
import { canonical, isObject, own, token } from '../../schema/json.js';
import type { Json, JsonObject, Snapshot, ToolSnapshot } from '../../snapshot/model.js';
import { code, show, str } from '../format.js';

type Side = 'inputSchema' | 'outputSchema';

/** Tool schemas that no client could satisfy, or that say something other than what was meant. */
export const SCHEMA_LINT_RULES: readonly LintRule[] = [
  {
    id: 'input-schema-not-object',
    severity: 'error',
    title: '`inputSchema` without `type: "object"` at the top',
    rationale: 'The MCP specification defines a tool\'s `inputSchema` as a JSON Schema object with `type: "object"`: arguments are always sent as an object. SDKs validate the tool list against that definition, and some clients drop the tool or fail to list any tool.',
    example: { bad: 'inputSchema: {properties: {q: {type: "string"}}}', good: 'inputSchema: {type: "object", properties: {q: {type: "string"}}}' },
    check: (snapshot) => notObject(snapshot, 'inputSchema'),
    message: (f) => `Tool ${code(f.name)}: \`inputSchema\` ${f.params?.type === undefined ? 'has no `type`' : `has \`type\` ${show(f.params.type)}`}; it must be \`type: "object"\`.`,
  },
  {
    id: 'output-schema-not-object',
    severity: 'error',
    title: '`outputSchema` without `type: "object"` at the top',
    rationale: 'Structured tool results (`structuredContent`) are JSON objects, and the MCP specification defines `outputSchema` with `type: "object"`. Clients that validate results against it reject the tool list or every result.',
    example: { bad: 'outputSchema: {type: "array", items: {...}}', good: 'outputSchema: {type: "object", properties: {items: {type: "array", items: {...}}}}' },
    check: (snapshot) => notObject(snapshot, 'outputSchema'),
    message: (f) => `Tool ${code(f.name)}: \`outputSchema\` ${f.params?.type === undefined ? 'has no `type`' : `has \`type\` ${show(f.params.type)}`}; it must be \`type: "object"\`.`,
  },
  {
    id: 'input-schema-unsatisfiable',
    severity: 'error',
    title: 'No arguments can satisfy the input schema',
    rationale: 'A part of the input schema that every call must satisfy (the schema itself, a required property, an `allOf` branch) accepts no value: `minimum` above `maximum`, `minLength` above `maxLength`, an empty `enum`, `type`s of `allOf` with nothing in common, a required property that `additionalProperties: false` forbids, `false` or `not: {}`. Clients that validate arguments can never call the tool.',
    example: { bad: 'limit: {type: "integer", minimum: 10, maximum: 5}, required: [limit]', good: 'limit: {type: "integer", minimum: 5, maximum: 10}' },
    check: (snapshot) => unsatisfiable(snapshot, 'inputSchema'),
    message: (f) => `Tool ${code(f.name)}: no call can be valid: ${str(f.params?.reason)} (at ${code(str(f.params?.at))}).`,
  },
  {
    id: 'output-schema-unsatisfiable',
    severity: 'error',
    title: 'No result can satisfy the output schema',
    rationale: 'A part of the output schema that every result must satisfy accepts no value, so every structured result the tool returns is invalid, and clients that validate `structuredContent` against `outputSchema` reject them all.',
    example: { bad: 'outputSchema: {type: "object", properties: {n: {type: "number", minimum: 1, maximum: 0}}, required: [n]}', good: 'n: {type: "number", minimum: 0, maximum: 1}' },
    check: (snapshot) => unsatisfiable(snapshot, 'outputSchema'),
    message: (f) => `Tool ${code(f.name)}: no result can match the output schema: ${str(f.params?.reason)} (at ${code(str(f.params?.at))}).`,
  },
  {
    id: 'schema-contradiction',
    severity: 'warning',
    title: 'A part of a tool schema accepts no value',
    rationale: 'An optional property, a union branch, an array item or a definition whose own keywords contradict each other (`minimum` above `maximum`, an empty `enum`, ...) accepts nothing: the tool still works, but that part cannot be used, which is rarely what was meant. (`false` and `not: {}` there are the usual way to forbid something and are not reported.)',
    example: { bad: 'mode: {type: "string", enum: []} (optional)', good: 'mode: {type: "string", enum: ["fast", "exact"]}' },
    check: (snapshot) => [...contradicting(snapshot, 'inputSchema'), ...contradicting(snapshot, 'outputSchema')],
    message: (f) => `Tool ${code(f.name)}: nothing can match ${code(str(f.params?.at))}, because ${str(f.params?.reason)}.`,
  },
  {
    id: 'input-required-property-undeclared',
    severity: 'warning',
    title: '`required` names a property the input schema does not declare',
    rationale: 'The schema accepts the property (it is open), but says nothing about it: no type, no description. The model must send a value it knows nothing about, and the name is usually a typo or a leftover of a rename. When the schema is closed (`additionalProperties: false`) no call can be valid, and `input-schema-unsatisfiable` reports it instead.',
    example: { bad: 'properties: {query: {...}}, required: [querry]', good: 'properties: {query: {...}}, required: [query]' },
    check: (snapshot) => snapshot.tools.flatMap((tool) => schemaNodes(tool.inputSchema, '/inputSchema').flatMap((node) => undeclaredRequired(tool, node))),
    message: (f) => `Tool ${code(f.name)}: \`required\` at ${code(str(f.params?.at))} names ${code(str(f.params?.property))}, which is not declared in \`properties\`.`,
  },
  {
    id: 'input-required-property-has-default',
    severity: 'info',
    title: 'A required input property with a `default`',
    rationale: 'A property in `required` must be sent with every call, so its `default` never applies: the model has to fill in a value the server could have chosen, and clients that validate arguments reject a call that leaves it out, as the default invites. Schema generators do this when they describe what a schema outputs rather than what it accepts (zod 4\'s `toJSONSchema` does by default, and lists every field with `.default()` as required). Leave the property out of `required` (with zod 4: `io: "input"`).',
    example: { bad: 'properties: {level: {type: "string", default: "info"}}, required: [level]', good: 'properties: {level: {type: "string", default: "info"}}' },
    check: (snapshot) => snapshot.tools.flatMap((tool) => schemaNodes(tool.inputSchema, '/inputSchema').flatMap((node) => requiredWithDefault(tool, node))),
    message: (f) => `Tool ${code(f.name)}: ${code(str(f.params?.property))} is required but has a default (${show(f.params?.default)}); every call must send it anyway. Make it optional.`,
  },
  {
    id: 'schema-enum-duplicate-value',
    severity: 'warning',
    title: 'A value listed twice in `enum`',
    rationale: 'JSON Schema says the items of `enum` should be unique. A repeated value changes nothing that is accepted, but it usually marks a copy-and-paste slip (a value meant to be another), and some code generators and strict validators reject such schemas.',
    example: { bad: 'enum: ["asc", "desc", "asc"]', good: 'enum: ["asc", "desc"]' },
    check: (snapshot) =>
      snapshot.tools.flatMap((tool) =>
        (['inputSchema', 'outputSchema'] as const).flatMap((side) => {
          const root = tool[side];
          if (root === undefined) return [];
          return schemaNodes(root, `/${side}`).flatMap((node): LintFacts[] => {
            const values = isObject(node.schema) ? own(node.schema, 'enum') : undefined;
            if (!Array.isArray(values)) return [];
            const index = firstRepeat(values);
            return index === -1 ? [] : [{ entity: 'tool', name: tool.name, pointer: `${node.pointer}/enum/${index}`, params: { value: values[index] as Json } }];
          });
        }),
      ),
    message: (f) => `Tool ${code(f.name)}: ${show(f.params?.value)} is listed more than once in \`enum\` at ${code(f.pointer.replace(/\/\d+$/, ''))}.`,
  },
];

function notObject(snapshot: Snapshot, side: Side): LintFacts[] {
  return snapshot.tools.flatMap((tool): LintFacts[] => {
    const schema = tool[side];
    if (schema === undefined || own(schema, 'type') === 'object') return [];
    const type = own(schema, 'type');
    if (type === undefined) return [{ entity: 'tool', name: tool.name, pointer: `/${side}` }];
    return [{ entity: 'tool', name: tool.name, pointer: `/${side}/type`, params: { type } }];
  });
}

function unsatisfiable(snapshot: Snapshot, side: Side): LintFacts[] {
  return snapshot.tools.flatMap((tool) => {
    const root = tool[side];
    if (root === undefined) return [];
    return schemaNodes(root, `/${side}`)
      .filter((node) => node.mandatory)
      .flatMap((node): LintFacts[] => {
        const why = whyNothingMatches(node.schema, true);
        return why ? [{ entity: 'tool', name: tool.name, pointer: node.pointer + why.at, params: { at: node.pointer + why.at, reason: why.reason } }] : [];
      });
  });
}

function contradicting(snapshot: Snapshot, side: Side): LintFacts[] {
  return snapshot.tools.flatMap((tool) => {
    const root = tool[side];
    if (root === undefined) return [];
    return schemaNodes(root, `/${side}`)
      .filter((node) => !node.mandatory && isObject(node.schema))
      .flatMap((node): LintFacts[] => {
        const [why] = contradictions(node.schema as JsonObject);
        return why ? [{ entity: 'tool', name: tool.name, pointer: node.pointer + why.at, params: { at: node.pointer, reason: why.reason } }] : [];
      });
  });
}

/**
 * Names in `required` that nothing around declares. Properties may be declared next to `required`,
 * in the branches of its combinators, or, for a branch, in the schema it is a branch of (the common
 * `anyOf: [{required: [a]}, {required: [b]}]`); a `$ref`, a matching pattern or an
 * `additionalProperties` schema may declare anything, so none of those is reported.
 */
function undeclaredRequired(tool: ToolSnapshot, node: SchemaNode): LintFacts[] {
  const schema = node.schema;
  if (!isObject(schema)) return [];
  const required = requiredNames(schema);
  if (required.length === 0) return [];
  const scope = withBranches(schema, 0);
  if (node.combinedWith) scope.push(...withBranches(node.combinedWith, 0));
  if (scope.some((part) => REF_KEYWORDS.some((keyword) => Object.hasOwn(part, keyword)) || isObject(own(part, 'additionalProperties')))) return [];
  const written = schema.required as Json[];
  return required
    .filter((name) => !forbidsProperty(schema, name))
    .filter((name) => !scope.some((part) => declares(part, name)))
    .map((property) => ({ entity: 'tool', name: tool.name, pointer: `${node.pointer}/required/${written.indexOf(property)}`, params: { at: node.pointer, property } }));
}

/** Properties listed in `required` whose own schema (a `$ref` is not followed) has a `default`. */
function requiredWithDefault(tool: ToolSnapshot, node: SchemaNode): LintFacts[] {
  const schema = node.schema;
  if (!isObject(schema)) return [];
  const properties = own(schema, 'properties');
  if (!isObject(properties)) return [];
  return requiredNames(schema).flatMap((property): LintFacts[] => {
    const declared = own(properties, property);
    if (!isObject(declared) || !Object.hasOwn(declared, 'default')) return [];
    return [{ entity: 'tool', name: tool.name, pointer: `${node.pointer}/properties${token(property)}`, params: { at: node.pointer, property, default: declared.default as Json } }];
  });
}

const REF_KEYWORDS = ['$ref', '$dynamicRef', '$recursiveRef'];
/** Branches inside branches count too, this deep. */
const BRANCH_DEPTH = 8;

/** A schema and, recursively, the branches of its combinators: the places its properties may be declared. */
function withBranches(schema: JsonObject, depth: number): JsonObject[] {
  if (depth >= BRANCH_DEPTH) return [schema];
  return [schema, ...branchesOf(schema).flatMap((branch) => withBranches(branch, depth + 1))];
}

/** The index of the first value equal to an earlier one (key order ignored), or -1: one pass. */
function firstRepeat(values: readonly Json[]): number {
  const seen = new Set<string>();
  for (const [index, value] of values.entries()) {
    const key = canonical(value);
    if (seen.has(key)) return index;
    seen.add(key);
  }
  return -1;
}

function declares(schema: JsonObject, name: string): boolean {
  const properties = own(schema, 'properties');
  return (isObject(properties) && Object.hasOwn(properties, name)) || matchesPattern(schema, name);
}

function branchesOf(schema: JsonObject): JsonObject[] {
  const out: JsonObject[] = [];
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    const branches = own(schema, keyword);
    if (Array.isArray(branches)) out.push(...branches.filter(isObject));
  }
  for (const keyword of ['if', 'then', 'else']) {
    const branch = own(schema, keyword);
    if (isObject(branch)) out.push(branch);
  }
  for (const keyword of ['dependentSchemas', 'dependencies']) {
    const dependent = own(schema, keyword);
    if (isObject(dependent)) out.push(...Object.values(dependent).filter(isObject));
  }
  return out;
}
