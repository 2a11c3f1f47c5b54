import type { Json, JsonObject } from '../snapshot/model.js';
import { FALSE, normalize, normalizedBranches, type Node } from './normalize.js';
import { provablyDisjoint } from './disjoint.js';
import { canonical, dict, isObject, jsonType, own } from './json.js';

/**
 * Whether a union covers a schema: every value the schema accepts is accepted by one of the
 * union's branches. Proven, never assumed: by a branch that alone accepts all the schema accepts,
 * or by cutting the schema into pieces whose union is exactly the schema (one per type of a type
 * list, per value of an enum, or per value or type of one property, plus "the property absent")
 * and finding a branch for each piece. Whether one schema accepts all another accepts is asked of
 * the caller (`within`), which compares the two as the comparator does. False means "not proven".
 */
export interface CoverageQuestion {
  /** The schema to cover, normalised, in `root`. */
  node: Node;
  root: Json;
  /** The union's branches as written, in `branchRoot`. */
  branches: Json[];
  branchRoot: Json;
  /** A branch already known not to accept all of `node` on its own (the one it was paired with). */
  skip?: number;
  /** Whether branch `index` accepts every value `piece` (a schema in `root`) accepts; false when unsure or out of budget. */
  within(piece: Json, index: number): boolean;
}

/** Pieces of pieces, and no deeper: enough for a type list whose object piece splits by a property. */
const MAX_SPLIT_DEPTH = 2;
/** Properties tried as a cut, per schema. */
const MAX_PROPERTY_CUTS = 8;

export function covers(question: CoverageQuestion): boolean {
  const node = question.node;
  if (node === FALSE) return true;
  const branchNodes = normalizedBranches(question.branches, question.branchRoot);
  // A branch that shares no value with the schema shares none with its pieces either.
  const open = branchNodes.map((branch) => branch !== FALSE && !provablyDisjoint(node, branch, question.root, question.branchRoot));
  return coveredAt(question, branchNodes, open, node, 0);
}

function coveredAt(question: CoverageQuestion, branchNodes: Node[], open: boolean[], node: Node, depth: number): boolean {
  if (node === FALSE) return true;
  for (let index = 0; index < branchNodes.length; index++) {
    if (!open[index] || (depth === 0 && index === question.skip)) continue;
    if (question.within(node, index)) return true;
  }
  if (depth >= MAX_SPLIT_DEPTH || !open.some(Boolean)) return false;
  for (const cut of cuts(node, question.root)) {
    // Each branch takes, as one piece, the parts it may accept (all of them at once is the whole
    // schema, tried above); the parts left are then tried one by one, each cut further.
    let remaining = cut.parts.map((_, index) => index);
    for (let index = 0; index < branchNodes.length && remaining.length > 0; index++) {
      const branch = branchNodes[index];
      if (branch === FALSE || !open[index]) continue;
      const candidates = remaining.filter((part) => cut.admits(branch, part, question.branchRoot));
      if (candidates.length === 0 || candidates.length === cut.parts.length) continue;
      if (question.within(cut.piece(candidates), index)) remaining = remaining.filter((part) => !candidates.includes(part));
    }
    if (remaining.every((part) => coveredAt(question, branchNodes, open, cut.piece([part]), depth + 1))) return true;
  }
  return false;
}

/** One way to cut a schema: parts whose pieces together accept exactly what it accepts. */
interface Cut {
  parts: Part[];
  /** The schema restricted to some parts. */
  piece(parts: number[]): JsonObject;
  /** Whether a branch may accept values of a part (a cheap filter: the comparison decides). */
  admits(branch: JsonObject, part: number, branchRoot: Json): boolean;
}

type Part = { type: string } | { value: Json } | { absent: true };

function cuts(node: JsonObject, root: Json): Cut[] {
  const out: Cut[] = [];
  const self = cutOf(node);
  if (self.parts.length > 1) {
    out.push({
      parts: self.parts,
      piece: (parts) => restrict(node, self.parts, parts),
      admits: (branch, part) => mayAccept(branch, self.parts[part]),
    });
  }
  if (!isObject(node.properties)) return out;
  const required = new Set(Array.isArray(node.required) ? node.required.map(String) : []);
  let tried = 0;
  for (const [name, schema] of Object.entries(node.properties)) {
    if (tried >= MAX_PROPERTY_CUTS) break;
    const property = normalize(schema, root);
    if (property === FALSE) continue;
    const inner = cutOf(property).parts;
    if (inner.length === 0) continue;
    const parts: Part[] = required.has(name) ? inner : [...inner, { absent: true }];
    if (parts.length < 2) continue;
    tried++;
    out.push({
      parts,
      piece: (chosen) => withProperty(node, name, property, parts, chosen, required.has(name)),
      admits: (branch, part, branchRoot) => mayAcceptProperty(branch, name, parts[part], branchRoot),
    });
  }
  return out;
}

/** The parts of a schema by its own enum values, or else by its types (none when it lists neither). */
function cutOf(node: JsonObject): { parts: Part[] } {
  if (Array.isArray(node.enum)) {
    const values = node.enum.filter((value) => !Array.isArray(node.type) || typeAdmits(node.type, value));
    return { parts: values.map((value) => ({ value })) };
  }
  const types = Array.isArray(node.type) ? node.type.map(String) : [];
  return { parts: types.map((type) => ({ type })) };
}

/** The schema restricted to the chosen parts of its enum or its types (the pieces' union is the schema). */
function restrict(node: JsonObject, parts: Part[], chosen: number[]): JsonObject {
  const picked = chosen.map((index) => parts[index]);
  const values = picked.flatMap((part) => ('value' in part ? [part.value] : []));
  const types = picked.flatMap((part) => ('type' in part ? [part.type] : []));
  if (values.length > 0) {
    const out = dict({ ...node, enum: values });
    if (Array.isArray(node.type)) out.type = node.type.filter((type) => values.some((value) => typeAdmits([type], value)));
    return out;
  }
  return dict({ ...node, type: types });
}

/** The object schema with one property restricted to the chosen parts (its values, its types, or absent). */
function withProperty(node: JsonObject, name: string, property: JsonObject, parts: Part[], chosen: number[], required: boolean): JsonObject {
  const absent = chosen.some((index) => 'absent' in parts[index]);
  const present = chosen.filter((index) => !('absent' in parts[index]));
  const properties = dict(node.properties as JsonObject);
  const out = dict({ ...node, properties });
  if (present.length === 0) {
    // Only "absent": in a closed object, leaving the property out says so exactly.
    if (node.additionalProperties === false && !isObject(node.patternProperties)) delete properties[name];
    else properties[name] = false;
    return out;
  }
  properties[name] = restrict(property, parts, present);
  if (!absent && !required) out.required = [...(Array.isArray(node.required) ? node.required : []), name];
  return out;
}

/** Whether a branch may accept some value of a part, by its `type` and `enum` alone. */
function mayAccept(branch: JsonObject, part: Part): boolean {
  if ('absent' in part) return true;
  if ('value' in part) {
    if (Array.isArray(branch.type) && !typeAdmits(branch.type, part.value)) return false;
    if (Array.isArray(branch.enum)) {
      const key = canonical(part.value);
      return branch.enum.some((item) => canonical(item) === key);
    }
    return true;
  }
  const types = Array.isArray(branch.type) ? branch.type.map(String) : Array.isArray(branch.enum) ? branch.enum.map(jsonType) : undefined;
  if (!types) return true;
  const type = part.type;
  return types.includes(type) || (type === 'integer' && types.includes('number')) || (type === 'number' && types.includes('integer'));
}

function mayAcceptProperty(branch: JsonObject, name: string, part: Part, branchRoot: Json): boolean {
  if (Array.isArray(branch.type) && !branch.type.includes('object')) return false;
  const required = Array.isArray(branch.required) && branch.required.includes(name);
  if ('absent' in part) return !required;
  const schema = isObject(branch.properties) ? own(branch.properties, name) : undefined;
  if (schema === undefined) return branch.additionalProperties !== false || isObject(branch.patternProperties);
  const property = normalize(schema, branchRoot);
  return property !== FALSE && mayAccept(property, part);
}

function typeAdmits(types: Json[], value: Json): boolean {
  const type = jsonType(value);
  return types.includes(type) || (type === 'integer' && types.includes('number'));
}

