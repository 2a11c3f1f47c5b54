import type { ChangeFacts, RuleDefinition, Severity } from './types.js';
import type { SchemaDirection } from '../schema/model.js';
import { bound, code, list, show, str } from './format.js';

/**
 * What a schema difference does to the set of accepted instances:
 * - narrows: fewer instances are valid (input: calls may be rejected; output: clients get less variety)
 * - widens: more instances are valid (input: more calls accepted; output: clients may get values they do not expect)
 * - unprovable: cannot be proven either way (two regular expressions), so treated as breaking both ways
 * - annotation: documentation only
 * - behaviour: nothing is rejected, but what the server does may change (a default)
 */
export type SchemaEffect = 'narrows' | 'widens' | 'unprovable' | 'annotation' | 'behaviour';

export interface SchemaAspect {
  id: string;
  effect: SchemaEffect;
  title: string;
  /** Overrides of the effect's severity for one direction, with the reason in the rationale. */
  input?: Severity;
  output?: Severity;
  rationale?: string;
  example: { before: string; after: string };
  /** What changed, without the consequence (which depends on direction). */
  detail(f: ChangeFacts): string;
}

const values = (f: ChangeFacts) => list(f.params?.values);
const property = (f: ChangeFacts) => code(str(f.params?.property));
const fromTo = (f: ChangeFacts) => `from ${show(f.before)} to ${show(f.after)}`;
const reason = (f: ChangeFacts) => (f.params?.reason ? ` (${str(f.params.reason)})` : '');
/** A limit's change: an absent limit reads as "unbounded", an exclusive one as `> 0` or `< 10`. */
const boundFromTo = (f: ChangeFacts, side: '>' | '<') =>
  `from ${bound(f.before, f.params?.exclusiveBefore === true ? side : undefined)} to ${bound(f.after, f.params?.exclusiveAfter === true ? side : undefined)}`;

const count = (id: string, title: string, what: string, effect: SchemaEffect, before: string, after: string): SchemaAspect => ({
  id,
  effect,
  title,
  example: { before, after },
  detail: (f) => `${what} changed ${boundFromTo(f, '>')}`,
});

export const SCHEMA_ASPECTS: readonly SchemaAspect[] = [
  { id: 'type-narrowed', effect: 'narrows', title: 'Type narrowed', example: { before: '{"type": ["string", "number"]}', after: '{"type": "string"}' }, detail: (f) => `type no longer allows ${list(f.params?.types)}` },
  { id: 'type-widened', effect: 'widens', title: 'Type widened', example: { before: '{"type": "string"}', after: '{"type": ["string", "null"]}' }, detail: (f) => `type now also allows ${list(f.params?.types)}` },
  { id: 'enum-value-removed', effect: 'narrows', title: 'Enum value removed', example: { before: '{"enum": ["fast", "exact"]}', after: '{"enum": ["fast"]}' }, detail: (f) => `value ${values(f)} is no longer allowed` },
  { id: 'enum-value-added', effect: 'widens', title: 'Enum value added', example: { before: '{"enum": ["fast"]}', after: '{"enum": ["fast", "exact"]}' }, detail: (f) => `value ${values(f)} is now allowed` },
  { id: 'enum-added', effect: 'narrows', title: 'Enum added', example: { before: '{"type": "string"}', after: '{"type": "string", "enum": ["a", "b"]}' }, detail: (f) => `only ${values(f)} are allowed now` },
  { id: 'enum-removed', effect: 'widens', title: 'Enum removed', example: { before: '{"enum": ["a", "b"]}', after: '{"type": "string"}' }, detail: (f) => `values are no longer limited to ${values(f)}` },
  { id: 'minimum-increased', effect: 'narrows', title: 'Minimum raised', example: { before: '{"minimum": 0}', after: '{"minimum": 1}' }, detail: (f) => `lower bound raised ${boundFromTo(f, '>')}` },
  { id: 'minimum-decreased', effect: 'widens', title: 'Minimum lowered or removed', example: { before: '{"minimum": 1}', after: '{"minimum": 0}' }, detail: (f) => `lower bound lowered ${boundFromTo(f, '>')}` },
  { id: 'maximum-decreased', effect: 'narrows', title: 'Maximum lowered', example: { before: '{"maximum": 100}', after: '{"maximum": 50}' }, detail: (f) => `upper bound lowered ${boundFromTo(f, '<')}` },
  { id: 'maximum-increased', effect: 'widens', title: 'Maximum raised or removed', example: { before: '{"maximum": 50}', after: '{"maximum": 100}' }, detail: (f) => `upper bound raised ${boundFromTo(f, '<')}` },
  { id: 'multiple-of-added', effect: 'narrows', title: 'multipleOf added', example: { before: '{"type": "number"}', after: '{"type": "number", "multipleOf": 5}' }, detail: (f) => `values must now be multiples of ${show(f.after)}` },
  { id: 'multiple-of-removed', effect: 'widens', title: 'multipleOf removed', example: { before: '{"multipleOf": 5}', after: '{}' }, detail: (f) => `values no longer need to be multiples of ${show(f.before)}` },
  { id: 'multiple-of-tightened', effect: 'narrows', title: 'multipleOf tightened', example: { before: '{"multipleOf": 5}', after: '{"multipleOf": 10}' }, detail: (f) => `multipleOf changed ${fromTo(f)}, which admits fewer values` },
  { id: 'multiple-of-loosened', effect: 'widens', title: 'multipleOf loosened', example: { before: '{"multipleOf": 10}', after: '{"multipleOf": 5}' }, detail: (f) => `multipleOf changed ${fromTo(f)}, which admits more values` },
  { id: 'multiple-of-changed', effect: 'unprovable', title: 'multipleOf changed incomparably', example: { before: '{"multipleOf": 4}', after: '{"multipleOf": 6}' }, detail: (f) => `multipleOf changed ${fromTo(f)}${reason(f)}` },
  count('min-length-increased', 'minLength raised', 'minLength', 'narrows', '{"minLength": 1}', '{"minLength": 3}'),
  count('min-length-decreased', 'minLength lowered or removed', 'minLength', 'widens', '{"minLength": 3}', '{"minLength": 1}'),
  count('max-length-decreased', 'maxLength lowered', 'maxLength', 'narrows', '{"maxLength": 100}', '{"maxLength": 10}'),
  count('max-length-increased', 'maxLength raised or removed', 'maxLength', 'widens', '{"maxLength": 10}', '{"maxLength": 100}'),
  { id: 'pattern-added', effect: 'narrows', title: 'Pattern added', example: { before: '{"type": "string"}', after: '{"type": "string", "pattern": "^[a-z]+$"}' }, detail: (f) => `strings must now match ${code(str(f.after))}` },
  { id: 'pattern-removed', effect: 'widens', title: 'Pattern removed', example: { before: '{"pattern": "^[a-z]+$"}', after: '{}' }, detail: (f) => `strings no longer need to match ${code(str(f.before))}` },
  { id: 'pattern-changed', effect: 'unprovable', title: 'Pattern changed', rationale: 'Whether one regular expression accepts every string another accepts cannot be decided here, so a changed pattern is treated as breaking in both directions.', example: { before: '{"pattern": "^[a-z]+$"}', after: '{"pattern": "^[a-z0-9]+$"}' }, detail: (f) => `pattern changed from ${code(str(f.before))} to ${code(str(f.after))}${reason(f)}` },
  { id: 'format-added', effect: 'narrows', title: 'Format added', rationale: 'MCP SDKs validate formats (ajv-formats), so a new format rejects strings that were accepted.', example: { before: '{"type": "string"}', after: '{"type": "string", "format": "email"}' }, detail: (f) => `strings must now be in format ${code(str(f.after))}` },
  { id: 'format-removed', effect: 'widens', title: 'Format removed', example: { before: '{"format": "email"}', after: '{}' }, detail: (f) => `strings no longer need format ${code(str(f.before))}` },
  { id: 'format-changed', effect: 'unprovable', title: 'Format changed', example: { before: '{"format": "date"}', after: '{"format": "date-time"}' }, detail: (f) => `format changed from ${code(str(f.before))} to ${code(str(f.after))}${reason(f)}` },
  { id: 'required-property-added', effect: 'narrows', title: 'Property became required', example: { before: '{"required": ["query"]}', after: '{"required": ["query", "limit"]}' }, detail: (f) => `${property(f)} is now required` },
  { id: 'required-property-removed', effect: 'widens', title: 'Property no longer required', example: { before: '{"required": ["query", "limit"]}', after: '{"required": ["query"]}' }, detail: (f) => `${property(f)} is no longer required` },
  { id: 'property-added', effect: 'widens', output: 'compatible', title: 'Property added to an open object', rationale: 'An object without `additionalProperties: false` already admitted any extra property, so a new optional property rejects nothing a client could reasonably send (the strict reading that flags it is the most-reported false alarm of schema registries). In an output it only describes a field clients may ignore.', example: { before: '{"properties": {"query": {}}}', after: '{"properties": {"query": {}, "limit": {"type": "integer"}}}' }, detail: (f) => `property ${property(f)} was added` },
  { id: 'property-now-accepted', effect: 'widens', title: 'Property added to a closed object', rationale: 'With `additionalProperties: false` the property used to be rejected; clients that validate outputs strictly will now see a field they reject.', example: { before: '{"properties": {"a": {}}, "additionalProperties": false}', after: '{"properties": {"a": {}, "b": {}}, "additionalProperties": false}' }, detail: (f) => `property ${property(f)} is now allowed` },
  { id: 'property-removed', effect: 'widens', input: 'risky', title: 'Property removed from an open object', rationale: 'Nothing is rejected, since the object still admits any property, but a client that keeps sending it is now silently ignored: the behaviour it relied on is gone. In an output, the field is no longer described and may carry anything.', example: { before: '{"properties": {"query": {}, "fuzzy": {"type": "boolean"}}}', after: '{"properties": {"query": {}}}' }, detail: (f) => `property ${property(f)} was removed (still admitted, but no longer described)` },
  { id: 'property-no-longer-accepted', effect: 'narrows', title: 'Property removed from a closed object', example: { before: '{"properties": {"a": {}, "b": {}}, "additionalProperties": false}', after: '{"properties": {"a": {}}, "additionalProperties": false}' }, detail: (f) => `property ${property(f)} was removed and is now rejected` },
  { id: 'additional-properties-closed', effect: 'narrows', title: 'Additional properties forbidden', example: { before: '{"properties": {"a": {}}}', after: '{"properties": {"a": {}}, "additionalProperties": false}' }, detail: () => 'properties not listed in the schema are now rejected' },
  { id: 'additional-properties-opened', effect: 'widens', title: 'Additional properties allowed', example: { before: '{"additionalProperties": false}', after: '{}' }, detail: () => 'properties not listed in the schema are now allowed' },
  { id: 'pattern-properties-changed', effect: 'unprovable', title: 'patternProperties added or removed', example: { before: '{"patternProperties": {"^x-": {}}}', after: '{}' }, detail: (f) => `pattern property ${code(str(f.params?.pattern))} was ${f.before === undefined ? 'added' : 'removed'}${reason(f)}` },
  count('min-properties-increased', 'minProperties raised', 'minProperties', 'narrows', '{"minProperties": 0}', '{"minProperties": 1}'),
  count('min-properties-decreased', 'minProperties lowered or removed', 'minProperties', 'widens', '{"minProperties": 1}', '{}'),
  count('max-properties-decreased', 'maxProperties lowered', 'maxProperties', 'narrows', '{"maxProperties": 10}', '{"maxProperties": 5}'),
  count('max-properties-increased', 'maxProperties raised or removed', 'maxProperties', 'widens', '{"maxProperties": 5}', '{}'),
  { id: 'dependent-required-added', effect: 'narrows', title: 'Dependent requirement added', example: { before: '{}', after: '{"dependentRequired": {"from": ["to"]}}' }, detail: (f) => `when ${property(f)} is present, ${values(f)} is now required too` },
  { id: 'dependent-required-removed', effect: 'widens', title: 'Dependent requirement removed', example: { before: '{"dependentRequired": {"from": ["to"]}}', after: '{}' }, detail: (f) => `when ${property(f)} is present, ${values(f)} is no longer required` },
  count('min-items-increased', 'minItems raised', 'minItems', 'narrows', '{"minItems": 0}', '{"minItems": 1}'),
  count('min-items-decreased', 'minItems lowered or removed', 'minItems', 'widens', '{"minItems": 1}', '{}'),
  count('max-items-decreased', 'maxItems lowered', 'maxItems', 'narrows', '{"maxItems": 10}', '{"maxItems": 5}'),
  count('max-items-increased', 'maxItems raised or removed', 'maxItems', 'widens', '{"maxItems": 5}', '{}'),
  { id: 'unique-items-added', effect: 'narrows', title: 'Items must be unique', example: { before: '{"type": "array"}', after: '{"type": "array", "uniqueItems": true}' }, detail: () => 'array items must now be unique' },
  { id: 'unique-items-removed', effect: 'widens', title: 'Items no longer need to be unique', example: { before: '{"uniqueItems": true}', after: '{}' }, detail: () => 'array items no longer need to be unique' },
  { id: 'contains-added', effect: 'narrows', title: 'contains added', example: { before: '{"type": "array"}', after: '{"type": "array", "contains": {"const": "x"}}' }, detail: () => 'arrays must now contain a matching item' },
  { id: 'contains-removed', effect: 'widens', title: 'contains removed', example: { before: '{"contains": {"const": "x"}}', after: '{}' }, detail: () => 'arrays no longer need to contain a matching item' },
  count('min-contains-increased', 'minContains raised', 'minContains', 'narrows', '{"minContains": 1}', '{"minContains": 2}'),
  count('min-contains-decreased', 'minContains lowered or removed', 'minContains', 'widens', '{"minContains": 2}', '{"minContains": 1}'),
  count('max-contains-decreased', 'maxContains lowered', 'maxContains', 'narrows', '{"maxContains": 3}', '{"maxContains": 2}'),
  count('max-contains-increased', 'maxContains raised or removed', 'maxContains', 'widens', '{"maxContains": 2}', '{}'),
  { id: 'any-of-branch-removed', effect: 'narrows', title: 'Union variant removed', example: { before: '{"anyOf": [{"type": "string"}, {"type": "number"}]}', after: '{"anyOf": [{"type": "string"}]}' }, detail: (f) => `a variant of the ${code(str(f.params?.keyword))} union was removed: ${show(f.before)}` },
  { id: 'any-of-branch-added', effect: 'widens', title: 'Union variant added', example: { before: '{"type": "string"}', after: '{"anyOf": [{"type": "string"}, {"type": "number"}]}' }, detail: (f) => `a variant was added to the ${code(str(f.params?.keyword))} union: ${show(f.after)}` },
  { id: 'any-of-became-one-of', effect: 'unprovable', title: 'anyOf became oneOf', example: { before: '{"anyOf": [A, B]}', after: '{"oneOf": [A, B]}' }, detail: (f) => `\`anyOf\` became \`oneOf\`${reason(f)}` },
  { id: 'one-of-exclusivity-changed', effect: 'unprovable', title: 'Variants of a oneOf that may overlap changed', rationale: 'A `oneOf` rejects a value that matches two of its variants. When the variants cannot be proven mutually exclusive, widening or adding one may reject values that matched exactly one before, and narrowing or removing one may accept values that matched two, so any change to them is treated as breaking in both directions.', example: { before: '{"oneOf": [{"type": "string"}, {"type": "number"}]}', after: '{"oneOf": [{"type": "string"}, {"type": "number"}, {"type": "string", "minLength": 2}]}' }, detail: (f) => `the variants of a \`oneOf\` changed${reason(f)}: a value matching two variants is rejected, so values may be rejected or accepted that were not before` },
  { id: 'one-of-became-any-of', effect: 'widens', title: 'oneOf became anyOf', example: { before: '{"oneOf": [A, B]}', after: '{"anyOf": [A, B]}' }, detail: () => '`oneOf` became `anyOf`: values matching several variants are now accepted' },
  { id: 'all-of-branch-added', effect: 'narrows', title: 'allOf constraint added', example: { before: '{"allOf": [A]}', after: '{"allOf": [A, B]}' }, detail: (f) => `a constraint was added to \`allOf\`: ${show(f.after)}` },
  { id: 'all-of-branch-removed', effect: 'widens', title: 'allOf constraint removed', example: { before: '{"allOf": [A, B]}', after: '{"allOf": [A]}' }, detail: (f) => `a constraint was removed from \`allOf\`: ${show(f.before)}` },
  { id: 'not-added', effect: 'narrows', title: 'not added', example: { before: '{}', after: '{"not": {"const": ""}}' }, detail: (f) => `values matching ${show(f.after)} are now rejected` },
  { id: 'not-removed', effect: 'widens', title: 'not removed', example: { before: '{"not": {"const": ""}}', after: '{}' }, detail: (f) => `values matching ${show(f.before)} are no longer rejected` },
  { id: 'not-changed', effect: 'unprovable', title: 'not changed', example: { before: '{"not": {"const": ""}}', after: '{"not": {"const": "x"}}' }, detail: (f) => `\`not\` changed ${fromTo(f)}${reason(f)}` },
  { id: 'conditional-added', effect: 'narrows', title: 'if/then/else added', example: { before: '{}', after: '{"if": {...}, "then": {...}}' }, detail: () => 'an `if`/`then`/`else` condition was added' },
  { id: 'conditional-removed', effect: 'widens', title: 'if/then/else removed', example: { before: '{"if": {...}, "then": {...}}', after: '{}' }, detail: () => 'an `if`/`then`/`else` condition was removed' },
  { id: 'conditional-changed', effect: 'unprovable', title: 'if condition changed', example: { before: '{"if": A, "then": B}', after: '{"if": C, "then": B}' }, detail: (f) => `the \`if\` condition changed${reason(f)}` },
  { id: 'schema-became-false', effect: 'narrows', title: 'Schema rejects everything', example: { before: '{"type": "string"}', after: 'false' }, detail: () => 'the schema now rejects every value' },
  { id: 'schema-no-longer-false', effect: 'widens', title: 'Schema no longer rejects everything', example: { before: 'false', after: '{"type": "string"}' }, detail: () => 'the schema used to reject every value and now admits some' },
  { id: 'ref-not-followed', effect: 'unprovable', title: 'Unresolvable or external $ref changed', rationale: 'External references (files, URLs) are never fetched, so what they point to cannot be compared.', example: { before: '{"$ref": "https://example.com/a.json"}', after: '{"$ref": "https://example.com/b.json"}' }, detail: (f) => `\`$ref\` changed ${fromTo(f)}${reason(f)}` },
  { id: 'unknown-keyword-changed', effect: 'unprovable', title: 'Unknown keyword changed', rationale: 'A keyword the comparator does not know may constrain values in ways it cannot see; it is reported, never ignored.', example: { before: '{"x": 1}', after: '{"x": 2}' }, detail: (f) => `keyword ${code(str(f.params?.keyword))} changed ${fromTo(f)}` },
  { id: 'schema-too-deep', effect: 'unprovable', title: 'Schema too deep to compare', example: { before: '(nesting deeper than 128 levels)', after: '(changed below that depth)' }, detail: (f) => `the schema is nested deeper than ${show(f.params?.depth)} levels here; the rest was not compared` },
  { id: 'description-changed', effect: 'annotation', title: 'Schema title or description changed', example: { before: '{"description": "Max results"}', after: '{"description": "Maximum number of results"}' }, detail: (f) => `${str(f.params?.keyword)} changed` },
  { id: 'default-changed', effect: 'behaviour', output: 'compatible', title: 'Default changed', rationale: 'Callers that omit the parameter get a different value, so the tool may behave differently for them without any error.', example: { before: '{"default": 10}', after: '{"default": 50}' }, detail: (f) => `default changed ${fromTo(f)}` },
  { id: 'deprecated-changed', effect: 'annotation', title: 'deprecated flag changed', example: { before: '{}', after: '{"deprecated": true}' }, detail: (f) => (f.after === true ? 'marked deprecated' : 'no longer marked deprecated') },
  { id: 'annotation-changed', effect: 'annotation', title: 'Schema annotation changed', example: { before: '{"readOnly": false}', after: '{"readOnly": true}' }, detail: (f) => `${code(str(f.params?.keyword))} changed ${fromTo(f)}` },
];

const SEVERITY: Record<SchemaDirection, Record<SchemaEffect, Severity>> = {
  input: { narrows: 'breaking', widens: 'compatible', unprovable: 'breaking', annotation: 'compatible', behaviour: 'risky' },
  output: { narrows: 'compatible', widens: 'breaking', unprovable: 'breaking', annotation: 'compatible', behaviour: 'risky' },
};

const CONSEQUENCE: Record<SchemaDirection, Record<Severity, string>> = {
  input: {
    breaking: 'calls that were valid may now be rejected',
    risky: 'existing calls are accepted but may behave differently',
    compatible: 'existing calls keep working',
  },
  output: {
    breaking: 'clients may now receive results they do not expect',
    risky: 'clients may see different results',
    compatible: 'results clients already handle stay valid',
  },
};

export function schemaRuleId(direction: SchemaDirection, aspect: string): string {
  return `${direction}-${aspect}`;
}

function subject(f: ChangeFacts, direction: SchemaDirection): string {
  const entity = f.entity === 'tool' ? 'Tool' : f.entity === 'prompt' ? 'Prompt' : f.entity;
  const path = str(f.params?.path);
  const side = direction === 'input' ? 'input' : 'output';
  return `${entity} ${code(f.name)} ${side}${path ? ` ${code(path)}` : ''}`;
}

function rule(aspect: SchemaAspect, direction: SchemaDirection): RuleDefinition {
  const severity = aspect[direction] ?? SEVERITY[direction][aspect.effect];
  const loosening = (direction === 'input' && aspect.effect === 'widens') || (direction === 'output' && aspect.effect === 'narrows');
  const side = direction === 'input' ? 'input schema (what clients send)' : 'output schema (what clients receive)';
  return {
    id: schemaRuleId(direction, aspect.id),
    severity,
    bump: loosening || aspect.id === 'property-added' ? 'minor' : 'patch',
    title: `${direction === 'input' ? 'Input' : 'Output'}: ${aspect.title.charAt(0).toLowerCase()}${aspect.title.slice(1)}`,
    rationale: `${aspect.rationale ? `${aspect.rationale} ` : ''}In an ${side} this ${effectWords(aspect.effect)}, so it is ${severity}.`,
    example: aspect.example,
    message: (f) => `${subject(f, direction)}: ${aspect.detail(f)}; ${CONSEQUENCE[direction][severity]}.`,
    detail: aspect.detail,
  };
}

function effectWords(effect: SchemaEffect): string {
  switch (effect) {
    case 'narrows':
      return 'narrows the accepted values';
    case 'widens':
      return 'widens the accepted values';
    case 'unprovable':
      return 'cannot be proven safe';
    case 'annotation':
      return 'changes documentation only';
    case 'behaviour':
      return 'rejects nothing but can change behaviour';
  }
}

export const SCHEMA_RULES: readonly RuleDefinition[] = (['input', 'output'] as const).flatMap((direction) =>
  SCHEMA_ASPECTS.map((aspect) => rule(aspect, direction)),
);
