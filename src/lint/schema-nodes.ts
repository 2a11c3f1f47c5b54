import { isObject, own, token } from '../schema/json.js';
import type { Json, JsonObject } from '../snapshot/model.js';

/** One subschema of a tool schema, as the lint checks see it. */
export interface SchemaNode {
  schema: Json;
  /** RFC 6901 pointer inside the tool, e.g. `/inputSchema/properties/mode`. */
  pointer: string;
  /**
   * Every valid instance of the whole schema has a value here that must match this subschema (the
   * root, required properties of such objects, allOf branches, items an array must hold): if it
   * accepts nothing, the whole schema accepts nothing.
   */
  mandatory: boolean;
  /** The object schema this one is a branch of (allOf/anyOf/oneOf, if/then/else, dependentSchemas). */
  combinedWith?: JsonObject;
}

// draft-07 `dependencies` holds schemas and arrays of names; only the schemas are visited.
const MAP_KEYWORDS = ['patternProperties', 'dependentSchemas', 'dependencies', '$defs', 'definitions'] as const;
const OPTIONAL_KEYWORDS = ['additionalProperties', 'unevaluatedProperties', 'propertyNames', 'additionalItems', 'unevaluatedItems', 'if', 'then', 'else'] as const;
const BRANCH_KEYWORDS = ['if', 'then', 'else'] as const;

/**
 * Every subschema of `root` reachable through the schema keywords, depth first, with whether it is
 * mandatory. `not` is not entered (what it holds is negated), and `$ref` is not followed.
 */
export function schemaNodes(root: Json, pointer: string): SchemaNode[] {
  const nodes: SchemaNode[] = [];
  visit({ schema: root, pointer, mandatory: true }, nodes);
  return nodes;
}

function visit(node: SchemaNode, out: SchemaNode[]): void {
  out.push(node);
  const schema = node.schema;
  if (!isObject(schema)) return;
  const child = (value: Json | undefined, pointer: string, mandatory: boolean, combinedWith?: JsonObject): void => {
    if (value === undefined || (typeof value !== 'boolean' && !isObject(value))) return;
    visit({ schema: value, pointer, mandatory: node.mandatory && mandatory, ...(combinedWith ? { combinedWith } : {}) }, out);
  };
  // `required`, `items` and `contains` constrain objects and arrays only: they are mandatory only
  // where no value of another type is accepted.
  const objectsOnly = onlyType(schema, 'object');
  const arraysOnly = onlyType(schema, 'array');
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : []);
  const properties = own(schema, 'properties');
  if (isObject(properties)) {
    for (const name of Object.keys(properties)) child(properties[name], `${node.pointer}/properties${token(name)}`, objectsOnly && required.has(name));
  }
  for (const keyword of MAP_KEYWORDS) {
    const map = own(schema, keyword);
    if (!isObject(map)) continue;
    for (const key of Object.keys(map)) child(map[key], `${node.pointer}/${keyword}${token(key)}`, false, keyword === 'dependentSchemas' || keyword === 'dependencies' ? schema : undefined);
  }
  for (const keyword of OPTIONAL_KEYWORDS) {
    child(own(schema, keyword), `${node.pointer}/${keyword}`, false, (BRANCH_KEYWORDS as readonly string[]).includes(keyword) ? schema : undefined);
  }
  const minItems = typeof schema.minItems === 'number' ? schema.minItems : 0;
  const prefixItems = own(schema, 'prefixItems');
  const tuple = Array.isArray(prefixItems) ? prefixItems : undefined;
  tuple?.forEach((item, index) => child(item, `${node.pointer}/prefixItems/${index}`, arraysOnly && minItems > index));
  const items = own(schema, 'items');
  if (Array.isArray(items)) items.forEach((item, index) => child(item, `${node.pointer}/items/${index}`, arraysOnly && minItems > index));
  else child(items, `${node.pointer}/items`, arraysOnly && minItems > (tuple?.length ?? 0));
  const minContains = typeof schema.minContains === 'number' ? schema.minContains : 1;
  child(own(schema, 'contains'), `${node.pointer}/contains`, arraysOnly && minContains > 0);
  for (const keyword of ['allOf', 'anyOf', 'oneOf'] as const) {
    const branches = own(schema, keyword);
    if (!Array.isArray(branches)) continue;
    // Every allOf branch must hold; of a union's branches, one must, so one alone is mandatory.
    const mandatory = keyword === 'allOf' || branches.length === 1;
    branches.forEach((branch, index) => child(branch, `${node.pointer}/${keyword}/${index}`, mandatory, schema));
  }
}

/** Whether `type` admits values of this one type only (`"object"` or `["object"]`). */
export function onlyType(schema: JsonObject, type: string): boolean {
  const written = own(schema, 'type');
  return written === type || (Array.isArray(written) && written.length > 0 && written.every((item) => item === type));
}
