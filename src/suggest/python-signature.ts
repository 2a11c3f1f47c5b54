import type { Json, JsonObject } from '../snapshot/model.js';
import { pyIdentifier } from './literals.js';

const PYTHON_TYPES: Record<string, string> = {
  string: 'str',
  integer: 'int',
  number: 'float',
  boolean: 'bool',
  array: 'list',
  object: 'dict',
};

function pythonType(schema: Json | undefined): string {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return 'Any';
  const types = Array.isArray(schema.type) ? schema.type : typeof schema.type === 'string' ? [schema.type] : [];
  const concrete = types.filter((t): t is string => typeof t === 'string' && t !== 'null');
  if (concrete.length !== 1) return 'Any';
  // Own members only: a `type` of "constructor" must not find Object.prototype's.
  const type = Object.hasOwn(PYTHON_TYPES, concrete[0]!) ? (PYTHON_TYPES[concrete[0]!] as string) : 'Any';
  return types.includes('null') ? `${type} | None` : type;
}

export interface PythonParameter {
  /** The Python parameter as written in the signature. */
  declaration: string;
  identifier: string;
  /** The JSON property it stands for, when the identifier had to differ. */
  original?: string;
}

/**
 * FastMCP derives the input schema from the function signature, so the snippet's parameters mirror
 * the tool's top-level properties: required first, then optional ones defaulting to None.
 */
export function pythonParameters(schema: JsonObject): PythonParameter[] {
  const properties =
    typeof schema.properties === 'object' && schema.properties !== null && !Array.isArray(schema.properties)
      ? schema.properties
      : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const used = new Set<string>();
  const make = (key: string, isRequired: boolean): PythonParameter => {
    let identifier = pyIdentifier(key);
    while (used.has(identifier)) identifier += '_';
    used.add(identifier);
    const type = pythonType(properties[key]);
    const declaration = isRequired ? `${identifier}: ${type}` : `${identifier}: ${type.endsWith('| None') || type === 'Any' ? type : `${type} | None`} = None`;
    return identifier === key ? { declaration, identifier } : { declaration, identifier, original: key };
  };
  const keys = Object.keys(properties);
  return [...keys.filter((k) => required.has(k)).map((k) => make(k, true)), ...keys.filter((k) => !required.has(k)).map((k) => make(k, false))];
}
