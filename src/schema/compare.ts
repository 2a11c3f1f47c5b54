import type { Json, JsonObject } from '../snapshot/model.js';
import type { SchemaDifference, SchemaInput } from './model.js';
import { allOfPosition, ANNOTATIONS, FALSE, IGNORED, normalize, overlappingBranches, resolveLocalRef, unionBranchPointer, writtenAsOneOf, type Node } from './normalize.js';
import { canonical, containsRef, coversType, has, isObject, jsonType, own, sameJson, token, typeAccepts } from './json.js';
import { matchBranches } from './branches.js';
import { compareBounds, compareCount, compareMultipleOf } from './numbers.js';
import { covers } from './coverage.js';
import { SCHEMA_ASPECTS } from '../rules/schema-rules.js';

/** Keywords the comparator understands; any other keyword that differs is reported as unprovable. */
const KNOWN = new Set([
  'type', 'enum', 'required', 'properties', 'additionalProperties', 'patternProperties', 'propertyNames',
  'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas', 'items', 'prefixItems',
  'minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains', 'minimum', 'maximum',
  'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength', 'pattern', 'format',
  'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', '$ref',
  ...ANNOTATIONS,
]);

/** Deeper than any real schema; past it a difference is reported as unprovable instead of overflowing the stack. */
const MAX_DEPTH = 128;

const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'propertyNames', 'minProperties', 'maxProperties', 'dependentRequired', 'dependentSchemas'];
const ARRAY_KEYWORDS = ['items', 'prefixItems', 'minItems', 'maxItems', 'uniqueItems', 'contains', 'minContains', 'maxContains'];
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'format'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

interface At {
  pointer: string;
  path: string;
}

/**
 * Compares two JSON Schemas and lists every difference in what they accept, direction-neutral:
 * each difference says whether it narrows or widens the accepted set (by its aspect id), and the
 * rule catalog decides what that means for inputs and outputs. Pure; inputs are not modified.
 */
export function compareSchemas(before: SchemaInput, after: SchemaInput): SchemaDifference[] {
  const comparison = new Comparison(before, after);
  comparison.node(before, after, { pointer: '', path: '' }, 0);
  return comparison.differences;
}

class Comparison {
  readonly differences: SchemaDifference[] = [];
  /**
   * Pairs of schemas reached through a `$ref`, by identity, already compared or being compared.
   * One being compared is equal where its recursion is (coinduction); one compared before has had
   * its differences reported at the first place it was reached. Either way it is not compared
   * again, so a web of definitions referring to each other costs one comparison per pair, not one
   * per path through the web.
   */
  private readonly comparedThroughRef = new Set<string>();

  constructor(
    private readonly beforeRoot: Json,
    private readonly afterRoot: Json,
    /** What a comparison shares with the side comparisons it starts, so that they cannot multiply past a fixed cost. */
    private readonly shared: Shared = { sideComparisons: SIDE_COMPARISONS, coverage: new Map(), objectIds: new WeakMap(), lastObjectId: 0 },
  ) {}

  /**
   * Set on a side comparison that asks one question and stops at the first difference that
   * answers it: any difference in accepted values ('any'), one that may reject a value the first
   * schema accepts ('narrowing': is it a subset?), or one that may accept a value the first
   * rejects ('widening': is it a superset?).
   */
  private watching: Watch | undefined;

  emit(aspect: string, at: At, before?: Json, after?: Json, params?: JsonObject): void {
    if (this.watching && watched(this.watching, aspect)) throw DIFFERENT;
    const difference: SchemaDifference = { aspect, pointer: at.pointer, path: at.path };
    if (before !== undefined) difference.before = before;
    if (after !== undefined) difference.after = after;
    if (params !== undefined) difference.params = params;
    this.differences.push(difference);
  }

  node(rawBefore: Json | undefined, rawAfter: Json | undefined, at: At, depth: number): void {
    if (rawBefore === rawAfter && this.beforeRoot === this.afterRoot) return;
    if (!containsRef(rawBefore ?? null) && !containsRef(rawAfter ?? null) && sameJson(rawBefore ?? true, rawAfter ?? true)) return;
    if (depth > MAX_DEPTH) {
      this.emit('schema-too-deep', at, undefined, undefined, { depth: MAX_DEPTH });
      return;
    }
    const beforeRefs: string[] = [];
    const afterRefs: string[] = [];
    const before = normalize(rawBefore, this.beforeRoot, beforeRefs);
    const after = normalize(rawAfter, this.afterRoot, afterRefs);
    if (beforeRefs.length > 0 || afterRefs.length > 0) {
      const pair = `${this.identity(rawBefore, this.beforeRoot)}|${this.identity(rawAfter, this.afterRoot)}`;
      if (this.comparedThroughRef.has(pair)) return;
      this.comparedThroughRef.add(pair);
    }
    this.normalized(before, after, at, depth);
  }

  /** What a schema is, by identity: a bare `$ref` (chain) stands for its target, anything else for itself. */
  private identity(raw: Json | undefined, root: Json): string {
    let node = raw;
    const followed = new Set<string>();
    while (isObject(node) && typeof node.$ref === 'string' && onlyRef(node) && !followed.has(node.$ref)) {
      followed.add(node.$ref);
      const target = resolveLocalRef(root, node.$ref);
      if (target === undefined) break;
      node = target;
    }
    if (node === undefined || node === null || typeof node !== 'object') return JSON.stringify(node ?? true);
    let id = this.shared.objectIds.get(node);
    if (id === undefined) {
      id = ++this.shared.lastObjectId;
      this.shared.objectIds.set(node, id);
    }
    return `#${id}`;
  }

  private normalized(before: Node, after: Node, at: At, depth: number): void {
    if (before === FALSE || after === FALSE) {
      if (before === FALSE && after !== FALSE) this.emit('schema-no-longer-false', at, false, true);
      if (after === FALSE && before !== FALSE) this.emit('schema-became-false', at, true, false);
      return;
    }
    // `X` -> `anyOf: [X, Y]` (and back): the whole union-less side is compared as one branch. A
    // title or description that moved with X into a branch goes with it, and is compared there once.
    const kindBefore = unionKind(before);
    const kindAfter = unionKind(after);
    const lifted = (!kindBefore && kindAfter && onlyUnion(after)) || (kindBefore && !kindAfter && onlyUnion(before));
    const carried = !lifted ? NOTHING_CARRIED : kindAfter ? movedAnnotations(after, before, this.afterRoot) : movedAnnotations(before, after, this.beforeRoot);
    this.annotations(before, after, at, carried);
    if (lifted) {
      this.unions(before, after, at, depth, carried);
      return;
    }
    this.unknownKeywords(before, after, at);
    const bothAllow = this.types(before, after, at);
    if (bothAllow.has('object')) this.object(before, after, at, depth);
    if (bothAllow.has('array')) this.array(before, after, at, depth);
    if (bothAllow.has('string')) this.string(before, after, at);
    if (bothAllow.has('number')) this.number(before, after, at);
    this.unions(before, after, at, depth);
    this.allOf(before, after, at, depth);
    this.not(before, after, at);
    this.conditional(before, after, at, depth);
  }

  private annotations(before: JsonObject, after: JsonObject, at: At, carried: ReadonlySet<string>): void {
    for (const key of ['title', 'description'] as const) {
      if (!carried.has(key) && !sameJson(before[key], after[key])) this.emit('description-changed', child(at, key), before[key], after[key], { keyword: key });
    }
    if (!sameJson(before.default, after.default)) this.emit('default-changed', child(at, 'default'), before.default, after.default);
    if ((before.deprecated === true) !== (after.deprecated === true)) {
      this.emit('deprecated-changed', child(at, 'deprecated'), before.deprecated, after.deprecated);
    }
    for (const key of ['readOnly', 'writeOnly', 'contentEncoding', 'contentMediaType', 'contentSchema']) {
      if (!sameJson(before[key], after[key])) this.emit('annotation-changed', child(at, key), before[key], after[key], { keyword: key });
    }
  }

  private unknownKeywords(before: JsonObject, after: JsonObject, at: At): void {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort()) {
      if (key === '$ref') {
        // Left in place by normalize: external, unresolvable or self-referencing. Never followed.
        if (!sameJson(before.$ref, after.$ref)) {
          this.emit('ref-not-followed', child(at, '$ref'), before.$ref, after.$ref, { reason: 'a $ref that is external or does not resolve is not followed' });
        }
        continue;
      }
      if (KNOWN.has(key)) continue;
      const was = own(before, key);
      const now = own(after, key);
      if (key.startsWith('x-')) {
        if (!sameJson(was, now)) this.emit('annotation-changed', child(at, key), was, now, { keyword: key });
        continue;
      }
      if (!sameJson(was, now)) {
        this.emit('unknown-keyword-changed', child(at, key), was, now, { keyword: key });
      }
    }
  }

  /** Compares `type` and `enum`; returns the instance types both sides accept, whose keywords are compared next. */
  private types(before: JsonObject, after: JsonObject, at: At): Set<string> {
    // Facing an enum, `type: "null"` is `enum: [null]` and `type: "boolean"` is `enum: [true, false]`.
    const beforeEnum = Array.isArray(before.enum) ? before.enum : Array.isArray(after.enum) ? finiteValues(before) : undefined;
    const afterEnum = Array.isArray(after.enum) ? after.enum : Array.isArray(before.enum) ? finiteValues(after) : undefined;
    const beforeTypes = allowedTypes(before);
    const afterTypes = allowedTypes(after);

    if (beforeEnum && afterEnum) {
      const afterKeys = new Set(afterEnum.map((v) => canonical(v)));
      const beforeKeys = new Set(beforeEnum.map((v) => canonical(v)));
      // A value is accepted where its side's enum lists it and its side's `type` allows it.
      const removed = beforeEnum.filter((v) => typeAccepts(beforeTypes, v) && (!afterKeys.has(canonical(v)) || !typeAccepts(afterTypes, v)));
      const added = afterEnum.filter((v) => typeAccepts(afterTypes, v) && (!beforeKeys.has(canonical(v)) || !typeAccepts(beforeTypes, v)));
      if (removed.length > 0) this.emit('enum-value-removed', child(at, 'enum'), beforeEnum, afterEnum, { values: removed });
      if (added.length > 0) this.emit('enum-value-added', child(at, 'enum'), beforeEnum, afterEnum, { values: added });
      return intersect(beforeTypes, afterTypes);
    }
    if (!beforeEnum && afterEnum) this.emit('enum-added', child(at, 'enum'), undefined, afterEnum, { values: afterEnum });
    if (beforeEnum && !afterEnum) this.emit('enum-removed', child(at, 'enum'), beforeEnum, undefined, { values: beforeEnum });

    const narrowed = [...beforeTypes].filter((t) => !coversType(afterTypes, t));
    const widened = [...afterTypes].filter((t) => !coversType(beforeTypes, t));
    // With an enum on one side, the enum change already says what became (un)acceptable.
    if (!beforeEnum && !afterEnum) {
      if (narrowed.length > 0) this.emit('type-narrowed', child(at, 'type'), typeValue(before), typeValue(after), { types: narrowed });
      if (widened.length > 0) this.emit('type-widened', child(at, 'type'), typeValue(before), typeValue(after), { types: widened });
    } else if (beforeEnum && !afterEnum && narrowed.length > 0) {
      this.emit('type-narrowed', child(at, 'type'), typeValue(before), typeValue(after), { types: narrowed });
    } else if (!beforeEnum && afterEnum && widened.length > 0) {
      this.emit('type-widened', child(at, 'type'), typeValue(before), typeValue(after), { types: widened });
    }
    return intersect(beforeTypes, afterTypes);
  }

  private object(before: JsonObject, after: JsonObject, at: At, depth: number): void {
    if (!OBJECT_KEYWORDS.some((k) => k in before || k in after)) return;
    const beforeProps = isObject(before.properties) ? before.properties : {};
    const afterProps = isObject(after.properties) ? after.properties : {};
    const names = [...new Set([...Object.keys(beforeProps), ...Object.keys(afterProps)])].sort();
    for (const name of names) {
      const at2 = { pointer: `${at.pointer}/properties${token(name)}`, path: join(at.path, name) };
      const inBefore = Object.prototype.hasOwnProperty.call(beforeProps, name);
      const inAfter = Object.prototype.hasOwnProperty.call(afterProps, name);
      if (inBefore && inAfter) {
        this.node(beforeProps[name], afterProps[name], at2, depth + 1);
      } else if (inBefore) {
        const fallback = otherwise(after, name);
        if (fallback === 'closed') this.emit('property-no-longer-accepted', at2, beforeProps[name], undefined, { property: name });
        else if (fallback === 'open') this.emit('property-removed', at2, beforeProps[name], undefined, { property: name });
        else this.node(beforeProps[name], fallback, at2, depth + 1);
      } else {
        const fallback = otherwise(before, name);
        if (fallback === 'closed') this.emit('property-now-accepted', at2, undefined, afterProps[name], { property: name });
        else if (fallback === 'open') this.emit('property-added', at2, undefined, afterProps[name], { property: name });
        else this.node(fallback, afterProps[name], at2, depth + 1);
      }
    }

    const requiredBefore = new Set(strings(before.required));
    const requiredAfter = new Set(strings(after.required));
    for (const name of [...requiredAfter].sort()) {
      if (!requiredBefore.has(name)) this.emit('required-property-added', { pointer: child(at, 'required').pointer, path: join(at.path, name) }, before.required, after.required, { property: name });
    }
    for (const name of [...requiredBefore].sort()) {
      if (!requiredAfter.has(name)) this.emit('required-property-removed', { pointer: child(at, 'required').pointer, path: join(at.path, name) }, before.required, after.required, { property: name });
    }

    this.additionalProperties(before, after, at, depth);

    const patternsBefore = isObject(before.patternProperties) ? before.patternProperties : {};
    const patternsAfter = isObject(after.patternProperties) ? after.patternProperties : {};
    for (const pattern of [...new Set([...Object.keys(patternsBefore), ...Object.keys(patternsAfter)])].sort()) {
      const at2 = { pointer: `${at.pointer}/patternProperties${token(pattern)}`, path: join(at.path, `/${pattern}/`) };
      const was = own(patternsBefore, pattern);
      const now = own(patternsAfter, pattern);
      if (was !== undefined && now !== undefined) this.node(was, now, at2, depth + 1);
      else this.emit('pattern-properties-changed', at2, was, now, { pattern, reason: 'which property names a pattern matches cannot be compared exactly' });
    }

    if ('propertyNames' in before || 'propertyNames' in after) {
      this.node(namesOnly(before.propertyNames), namesOnly(after.propertyNames), { pointer: child(at, 'propertyNames').pointer, path: join(at.path, '(property names)') }, depth + 1);
    }
    compareCount(this, before, after, at, 'minProperties', 'min');
    compareCount(this, before, after, at, 'maxProperties', 'max');

    const depBefore = isObject(before.dependentRequired) ? before.dependentRequired : {};
    const depAfter = isObject(after.dependentRequired) ? after.dependentRequired : {};
    for (const key of [...new Set([...Object.keys(depBefore), ...Object.keys(depAfter)])].sort()) {
      const listBefore = own(depBefore, key);
      const listAfter = own(depAfter, key);
      const was = new Set(strings(listBefore));
      const now = new Set(strings(listAfter));
      const added = [...now].filter((n) => !was.has(n));
      const removed = [...was].filter((n) => !now.has(n));
      const at2 = { pointer: `${at.pointer}/dependentRequired${token(key)}`, path: join(at.path, key) };
      if (added.length > 0) this.emit('dependent-required-added', at2, listBefore, listAfter, { property: key, values: added });
      if (removed.length > 0) this.emit('dependent-required-removed', at2, listBefore, listAfter, { property: key, values: removed });
    }
    const schemasBefore = isObject(before.dependentSchemas) ? before.dependentSchemas : {};
    const schemasAfter = isObject(after.dependentSchemas) ? after.dependentSchemas : {};
    for (const key of [...new Set([...Object.keys(schemasBefore), ...Object.keys(schemasAfter)])].sort()) {
      this.node(own(schemasBefore, key) ?? true, own(schemasAfter, key) ?? true, { pointer: `${at.pointer}/dependentSchemas${token(key)}`, path: join(at.path, `(when ${key} is present)`) }, depth + 1);
    }
  }

  private additionalProperties(before: JsonObject, after: JsonObject, at: At, depth: number): void {
    const was = before.additionalProperties;
    const now = after.additionalProperties;
    const at2 = { pointer: child(at, 'additionalProperties').pointer, path: join(at.path, '*') };
    const closedBefore = was === false;
    const closedAfter = now === false;
    if (!closedBefore && closedAfter) this.emit('additional-properties-closed', at2, was, now);
    else if (closedBefore && !closedAfter) this.emit('additional-properties-opened', at2, was, now);
    else if (!closedBefore && !closedAfter && (was !== undefined || now !== undefined)) this.node(was ?? true, now ?? true, at2, depth + 1);
  }

  private array(before: JsonObject, after: JsonObject, at: At, depth: number): void {
    if (!ARRAY_KEYWORDS.some((k) => k in before || k in after)) return;
    const prefixBefore = Array.isArray(before.prefixItems) ? before.prefixItems : [];
    const prefixAfter = Array.isArray(after.prefixItems) ? after.prefixItems : [];
    const positions = Math.max(prefixBefore.length, prefixAfter.length);
    for (let i = 0; i < positions; i++) {
      const was = prefixBefore[i] ?? before.items ?? true;
      const now = prefixAfter[i] ?? after.items ?? true;
      this.node(was, now, { pointer: `${at.pointer}/prefixItems/${i}`, path: `${at.path}[${i}]` }, depth + 1);
    }
    if ('items' in before || 'items' in after) {
      this.node(before.items ?? true, after.items ?? true, { pointer: child(at, 'items').pointer, path: `${at.path}[]` }, depth + 1);
    }
    compareCount(this, before, after, at, 'minItems', 'min');
    compareCount(this, before, after, at, 'maxItems', 'max');
    if ((before.uniqueItems === true) !== (after.uniqueItems === true)) {
      this.emit(after.uniqueItems === true ? 'unique-items-added' : 'unique-items-removed', child(at, 'uniqueItems'), before.uniqueItems, after.uniqueItems);
    }
    if ('contains' in before && 'contains' in after) {
      this.node(before.contains, after.contains, { pointer: child(at, 'contains').pointer, path: `${at.path}[contains]` }, depth + 1);
    } else if ('contains' in after) {
      this.emit('contains-added', child(at, 'contains'), undefined, after.contains);
    } else if ('contains' in before) {
      this.emit('contains-removed', child(at, 'contains'), before.contains, undefined);
    }
    compareCount(this, before, after, at, 'minContains', 'min');
    compareCount(this, before, after, at, 'maxContains', 'max');
  }

  private string(before: JsonObject, after: JsonObject, at: At): void {
    if (!STRING_KEYWORDS.some((k) => k in before || k in after)) return;
    compareCount(this, before, after, at, 'minLength', 'min');
    compareCount(this, before, after, at, 'maxLength', 'max');
    for (const key of ['pattern', 'format'] as const) {
      const was = before[key];
      const now = after[key];
      if (sameJson(was, now)) continue;
      if (was === undefined) this.emit(`${key}-added`, child(at, key), undefined, now);
      else if (now === undefined) this.emit(`${key}-removed`, child(at, key), was, undefined);
      else this.emit(`${key}-changed`, child(at, key), was, now, { reason: `two different ${key === 'pattern' ? 'regular expressions' : 'formats'} cannot be proven to accept the same strings` });
    }
  }

  private number(before: JsonObject, after: JsonObject, at: At): void {
    if (!NUMBER_KEYWORDS.some((k) => k in before || k in after)) return;
    compareBounds(this, before, after, at);
    compareMultipleOf(this, before, after, at);
  }

  private unions(before: JsonObject, after: JsonObject, at: At, depth: number, carried: ReadonlySet<string> = NOTHING_CARRIED): void {
    const kindBefore = unionKind(before);
    const kindAfter = unionKind(after);
    if (!kindBefore && !kindAfter) return;
    const keyword = kindAfter ?? kindBefore ?? 'anyOf';
    const writtenBefore = writtenKind(before, kindBefore);
    const writtenAfter = writtenKind(after, kindAfter);
    let exclusivityReported = false;
    if (kindBefore && kindAfter) {
      if (writtenBefore === 'anyOf' && kindAfter === 'oneOf') {
        this.emit('any-of-became-one-of', child(at, 'oneOf'), undefined, undefined, { reason: `${overlapReason(after)}, so a value matching both is now rejected` });
        exclusivityReported = true;
      } else if (kindBefore === 'oneOf' && writtenAfter === 'anyOf') {
        this.emit('one-of-became-any-of', child(at, 'anyOf'));
        exclusivityReported = true;
      }
    }
    const lifted = kindBefore ? onlyUnion(before) : onlyUnion(after);
    if (!kindBefore || !kindAfter) {
      const unionSide = kindBefore ? before : after;
      const branches = unionSide[keyword] as Json[];
      if (!lifted) {
        // The other side has keywords of its own next to the union, compared above; the union
        // only adds (or drops) constraints relative to "anything".
        branches.forEach((branch, i) => {
          const at2 = { pointer: `${at.pointer}${unionBranchPointer(branches, i, keyword)}`, path: at.path };
          if (kindAfter) this.node(true, branch, at2, depth + 1);
          else this.node(branch, true, at2, depth + 1);
        });
        return;
      }
    }
    const branchesBefore = kindBefore ? (before[kindBefore] as Json[]) : [liftable(before, carried)];
    const branchesAfter = kindAfter ? (after[kindAfter] as Json[]) : [liftable(after, carried)];
    const reported = this.differences.length;
    const matching = matchBranches(branchesBefore, branchesAfter, this.beforeRoot, this.afterRoot);
    // In a `oneOf` whose variants may overlap, a value matching two variants is rejected: a
    // variant widened or added may reject values that matched one variant before, and one
    // narrowed or removed may accept values that matched two. Elsewhere each side accepts what any
    // of its branches accepts, so what one pair of branches differs by may be covered by others.
    const exclusive = kindBefore === 'oneOf' || kindAfter === 'oneOf';
    for (const [i, j] of matching.pairs) {
      const pointer = kindAfter ? `${at.pointer}${unionBranchPointer(branchesAfter, j, keyword)}` : `${at.pointer}`;
      const start = this.differences.length;
      if (exclusive) {
        this.node(branchesBefore[i], branchesAfter[j], { pointer, path: at.path }, depth + 1);
        continue;
      }
      // Compared in full, even by a side comparison: what the other union covers is dropped
      // below, and a `oneOf` around this union needs to know of every difference left.
      const watching = this.watching;
      this.watching = undefined;
      try {
        this.node(branchesBefore[i], branchesAfter[j], { pointer, path: at.path }, depth + 1);
      } finally {
        this.watching = watching;
      }
      if (this.differences.length === start) continue;
      this.dropCovered(start, () => this.covered('before', branchesBefore[i], branchesAfter, j, depth), () => this.covered('after', branchesAfter[j], branchesBefore, i, depth));
      if (watching && this.differences.slice(start).some((difference) => watched(watching, difference.aspect))) throw DIFFERENT;
    }
    const semanticAnyOf = (kind: 'anyOf' | 'oneOf' | undefined) => kind === 'anyOf';
    for (const i of matching.unmatchedBefore) {
      if (semanticAnyOf(kindBefore) && this.repeats(branchesBefore, i, matching.pairs.map(([k]) => k), this.beforeRoot)) continue;
      if (!exclusive && this.covered('before', branchesBefore[i], branchesAfter, undefined, depth)) continue;
      const written = writtenBefore ?? keyword;
      this.emit('any-of-branch-removed', { pointer: `${at.pointer}${unionBranchPointer(branchesBefore, i, kindBefore ?? keyword)}`, path: at.path }, branchesBefore[i], undefined, { keyword: written });
    }
    for (const j of matching.unmatchedAfter) {
      if (semanticAnyOf(kindAfter) && this.repeats(branchesAfter, j, matching.pairs.map(([, k]) => k), this.afterRoot)) continue;
      if (!exclusive && this.covered('after', branchesAfter[j], branchesBefore, undefined, depth)) continue;
      this.emit('any-of-branch-added', { pointer: `${at.pointer}${unionBranchPointer(branchesAfter, j, keyword)}`, path: at.path }, undefined, branchesAfter[j], { keyword: writtenAfter ?? keyword });
    }
    const changed = kindBefore !== kindAfter || this.differences.slice(reported).some((d) => !ACCEPTANCE_NEUTRAL.has(d.aspect));
    if (exclusive && changed && !exclusivityReported) {
      this.emit('one-of-exclusivity-changed', child(at, 'oneOf'), undefined, undefined, { reason: overlapReason(kindAfter === 'oneOf' ? after : before) });
    }
  }

  /**
   * Drops what a pair of branches differs by where the other union makes up for it: a narrowing
   * when the branch before is covered by the union after (nothing it accepted is rejected), a
   * widening when the branch after is covered by the union before (nothing new is accepted), and
   * a difference that may be either only when both are.
   */
  private dropCovered(start: number, coveredBefore: () => boolean, coveredAfter: () => boolean): void {
    let before: boolean | undefined;
    let after: boolean | undefined;
    const inputSafe = () => (before ??= coveredBefore());
    const outputSafe = () => (after ??= coveredAfter());
    const found = this.differences.splice(start);
    for (const difference of found) {
      const narrows = watched('narrowing', difference.aspect);
      const widens = watched('widening', difference.aspect);
      const moot = narrows && widens ? inputSafe() && outputSafe() : narrows ? inputSafe() : widens ? outputSafe() : false;
      if (!moot) this.differences.push(difference);
    }
  }

  /**
   * Whether an unpaired `anyOf` branch accepts exactly what a paired branch of the same union
   * accepts (a repetition spelled differently), so adding or removing it changes nothing: the
   * paired branch's own changes are reported where it is compared.
   */
  private repeats(branches: Json[], index: number, paired: number[], root: Json): boolean {
    return paired.some((k) => this.sideComparison(root, root, branches[k], branches[index], 'any', 0));
  }

  /** Whether comparing two schemas finds no difference of the kind watched; false when the budget is spent. */
  private sideComparison(beforeRoot: Json, afterRoot: Json, before: Json, after: Json, watch: Watch, depth: number): boolean {
    if (this.shared.sideComparisons <= 0) return false;
    this.shared.sideComparisons--;
    const side = new Comparison(beforeRoot, afterRoot, this.shared);
    side.watching = watch;
    try {
      side.node(before, after, { pointer: '', path: '' }, depth);
      return true;
    } catch (signal) {
      if (signal === DIFFERENT) return false;
      throw signal;
    }
  }

  /**
   * Whether every value a branch of one side accepts is accepted by some branch of the other
   * side's union (`anyOf`, or one schema): then a narrowing found against the branch it was paired
   * with rejects nothing that side accepted ('before'), or a widening accepts nothing new
   * ('after'). Proven by side comparisons (coverage.ts), at most COVERAGE_COMPARISONS per question.
   */
  private covered(side: 'before' | 'after', schema: Json, others: Json[], skip: number | undefined, depth: number): boolean {
    const [root, otherRoot] = side === 'before' ? [this.beforeRoot, this.afterRoot] : [this.afterRoot, this.beforeRoot];
    // Recursive schemas ask the same question again and again, also while it is being answered:
    // each is answered once, and one asked again on the way to its own answer is not proven.
    const key = `${side}|${this.identity(schema, root)}|${others.map((other) => this.identity(other, otherRoot)).join(',')}|${skip ?? ''}`;
    const known = this.shared.coverage.get(key);
    if (known !== undefined) return known === true;
    this.shared.coverage.set(key, 'pending');
    const answer = this.coverage(side, root, otherRoot, schema, others, skip, depth);
    this.shared.coverage.set(key, answer);
    return answer;
  }

  private coverage(side: 'before' | 'after', root: Json, otherRoot: Json, schema: Json, others: Json[], skip: number | undefined, depth: number): boolean {
    let left = COVERAGE_COMPARISONS;
    return covers({
      node: normalize(schema, root),
      root,
      branches: others,
      branchRoot: otherRoot,
      skip,
      within: (piece, index) => {
        if (left-- <= 0) return false;
        return side === 'before'
          ? this.sideComparison(this.beforeRoot, this.afterRoot, piece, others[index], 'narrowing', depth + 1)
          : this.sideComparison(this.beforeRoot, this.afterRoot, others[index], piece, 'widening', depth + 1);
      },
    });
  }

  private allOf(before: JsonObject, after: JsonObject, at: At, depth: number): void {
    const branchesBefore = Array.isArray(before.allOf) ? before.allOf : [];
    const branchesAfter = Array.isArray(after.allOf) ? after.allOf : [];
    if (branchesBefore.length === 0 && branchesAfter.length === 0) return;
    const matching = matchBranches(branchesBefore, branchesAfter, this.beforeRoot, this.afterRoot);
    const where = (branches: Json[], index: number) => ({ pointer: `${at.pointer}/allOf/${allOfPosition(branches, index)}`, path: at.path });
    for (const [i, j] of matching.pairs) this.node(branchesBefore[i], branchesAfter[j], where(branchesAfter, j), depth + 1);
    for (const i of matching.unmatchedBefore) this.emit('all-of-branch-removed', where(branchesBefore, i), branchesBefore[i], undefined);
    for (const j of matching.unmatchedAfter) this.emit('all-of-branch-added', where(branchesAfter, j), undefined, branchesAfter[j]);
  }

  private not(before: JsonObject, after: JsonObject, at: At): void {
    if (!('not' in before) && !('not' in after)) return;
    if ('not' in before && 'not' in after) {
      if (!sameJson(before.not, after.not) || containsRef(before.not) || containsRef(after.not)) {
        if (sameJson(before.not, after.not) && this.beforeRoot === this.afterRoot) return;
        if (!sameJson(before.not, after.not)) this.emit('not-changed', child(at, 'not'), before.not, after.not, { reason: 'a change inside `not` cannot be proven safe in either direction here' });
      }
    } else if ('not' in after) {
      this.emit('not-added', child(at, 'not'), undefined, after.not);
    } else {
      this.emit('not-removed', child(at, 'not'), before.not, undefined);
    }
  }

  private conditional(before: JsonObject, after: JsonObject, at: At, depth: number): void {
    const has = (s: JsonObject) => 'if' in s;
    if (!has(before) && !has(after)) return;
    if (has(before) && has(after) && sameJson(before.if, after.if)) {
      this.node(before.then ?? true, after.then ?? true, { pointer: child(at, 'then').pointer, path: at.path }, depth + 1);
      this.node(before.else ?? true, after.else ?? true, { pointer: child(at, 'else').pointer, path: at.path }, depth + 1);
      return;
    }
    const pick = (s: JsonObject): JsonObject => ({ if: s.if ?? null, then: s.then ?? true, else: s.else ?? true });
    if (has(before) && has(after)) this.emit('conditional-changed', child(at, 'if'), pick(before), pick(after), { reason: 'a changed `if` condition selects different instances for `then`/`else`' });
    else if (has(after)) this.emit('conditional-added', child(at, 'if'), undefined, pick(after));
    else this.emit('conditional-removed', child(at, 'if'), pick(before), undefined);
  }
}

export type Emitter = Pick<Comparison, 'emit'>;
export type { At };

function child(at: At, keyword: string): At {
  return { pointer: `${at.pointer}${token(keyword)}`, path: at.path };
}

function join(path: string, name: string): string {
  return path === '' ? name : `${path}.${name}`;
}

function strings(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const ALL_TYPES = ['array', 'boolean', 'integer', 'null', 'number', 'object', 'string'];

/** The JSON types a node admits: its `type`, or those of its enum values, or all of them. `number` covers `integer`. */
function allowedTypes(node: JsonObject): Set<string> {
  if (Array.isArray(node.type)) {
    const types = new Set(node.type.filter((t): t is string => typeof t === 'string'));
    if (types.has('number')) types.add('integer');
    return types;
  }
  if (Array.isArray(node.enum)) {
    const types = new Set<string>();
    for (const value of node.enum) {
      const t = jsonType(value);
      types.add(t);
      if (t === 'integer') types.add('number');
    }
    return types;
  }
  return new Set(ALL_TYPES);
}


/** Every value a node admits by its `type` alone, when that type list has finitely many (null, booleans). */
function finiteValues(node: JsonObject): Json[] | undefined {
  if (!Array.isArray(node.type) || node.type.length === 0 || !node.type.every((type) => type === 'null' || type === 'boolean')) return undefined;
  return [...(node.type.includes('null') ? [null] : []), ...(node.type.includes('boolean') ? [true, false] : [])];
}

function intersect(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set<string>();
  for (const t of a) if (coversType(b, t)) out.add(t);
  for (const t of b) if (coversType(a, t)) out.add(t);
  if (out.has('integer') || out.has('number')) out.add('number');
  return out;
}

function typeValue(node: JsonObject): Json {
  return node.type ?? null;
}

/** `{$ref}` alone, or next to keywords that do not constrain (`$defs`, `$schema`, `$comment` ...). */
function onlyRef(node: JsonObject): boolean {
  return Object.keys(node).every((key) => key === '$ref' || IGNORED.has(key));
}

/** A node that is nothing but a union (plus annotations). */
function onlyUnion(node: JsonObject): boolean {
  return Object.keys(node).every((key) => key === 'anyOf' || key === 'oneOf' || ANNOTATIONS.has(key));
}

/** A `propertyNames` schema as it applies: to strings only, so a `type` that admits strings says nothing. */
function namesOnly(schema: Json | undefined): Json {
  if (schema === undefined || schema === true) return { type: 'string' };
  if (!isObject(schema)) return schema;
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : undefined;
  if (types && !types.includes('string')) return schema;
  return { ...schema, type: 'string' };
}

const DIFFERENT = Symbol('accepted values differ');

/** Side comparisons per comparison of two schemas, all questions together. */
const SIDE_COMPARISONS = 256;
/** Side comparisons per coverage question. */
const COVERAGE_COMPARISONS = 32;

type Watch = 'any' | 'narrowing' | 'widening';

interface Shared {
  /** Side comparisons left. */
  sideComparisons: number;
  /** Coverage questions answered, or being answered, by the identities of what they ask about. */
  coverage: Map<string, boolean | 'pending'>;
  objectIds: WeakMap<object, number>;
  lastObjectId: number;
}

/** What each aspect does to the accepted values, from the catalog; an aspect it does not list may do anything. */
const EFFECTS = new Map<string, string>(SCHEMA_ASPECTS.map((aspect) => [aspect.id, aspect.effect]));

/**
 * Whether a difference answers a side comparison's question. A narrowing may reject a value the
 * first schema accepted; a widening may accept one it rejected. `property-added` (a property an
 * open object now describes) is neither: it rejects only values of a property the first schema
 * did not declare, which design §5 does not count as a narrowing.
 */
function watched(watch: Watch, aspect: string): boolean {
  if (watch === 'any') return !ACCEPTANCE_NEUTRAL.has(aspect);
  const effect = EFFECTS.get(aspect);
  if (effect === undefined || effect === 'unprovable') return true;
  return watch === 'narrowing' ? effect === 'narrows' : effect === 'widens' && aspect !== 'property-added';
}

/** Aspects that leave the accepted values as they were. */
const ACCEPTANCE_NEUTRAL = new Set(['description-changed', 'default-changed', 'deprecated-changed', 'annotation-changed']);

/** The union keyword as the schema spells it: an `anyOf` may stand for a `oneOf` whose variants are provably disjoint. */
function writtenKind(node: JsonObject, kind: 'anyOf' | 'oneOf' | undefined): 'anyOf' | 'oneOf' | undefined {
  return kind === 'anyOf' && writtenAsOneOf(node.anyOf as Json[]) ? 'oneOf' : kind;
}

/** Why a `oneOf` is not read as `anyOf`: the first two variants that could not be proven disjoint. */
function overlapReason(node: JsonObject): string {
  const branches = Array.isArray(node.oneOf) ? node.oneOf : [];
  const pair = overlappingBranches(branches);
  const which = pair ? `variants ${pair[0]} and ${pair[1]}` : 'its variants';
  return `${which} of \`oneOf\` cannot be proven mutually exclusive (no distinct types, enum values or required discriminator property tell them apart)`;
}

function unionKind(node: JsonObject): 'anyOf' | 'oneOf' | undefined {
  if (Array.isArray(node.anyOf)) return 'anyOf';
  if (Array.isArray(node.oneOf)) return 'oneOf';
  return undefined;
}

/** The union-less side of a comparison with a union, as one branch: its type-level keywords, and the annotations carried into the union. */
function liftable(node: JsonObject, carried: ReadonlySet<string>): Json {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node)) if (!ANNOTATIONS.has(key) || carried.has(key)) out[key] = value;
  return out;
}

const NOTHING_CARRIED: ReadonlySet<string> = new Set();

/**
 * The title and description of a union-less schema that, in the union replacing it (or replaced
 * by it), moved into a branch: the union has none of its own and one of its branches has one.
 */
function movedAnnotations(union: JsonObject, plain: JsonObject, root: Json): ReadonlySet<string> {
  const candidates = (['title', 'description'] as const).filter((key) => has(plain, key) && !has(union, key));
  if (candidates.length === 0) return NOTHING_CARRIED;
  const branches = (Array.isArray(union.anyOf) ? union.anyOf : Array.isArray(union.oneOf) ? union.oneOf : []).map((branch) => normalize(branch, root));
  const keys = candidates.filter((key) => branches.some((branch) => branch !== FALSE && has(branch, key)));
  return keys.length === 0 ? NOTHING_CARRIED : new Set(keys);
}

/** What a schema says about a property it does not list: 'open', 'closed', or the schema that applies. */
function otherwise(node: JsonObject, name: string): 'open' | 'closed' | Json {
  if (isObject(node.patternProperties)) {
    for (const [pattern, schema] of Object.entries(node.patternProperties)) {
      if (safeTest(pattern, name)) return schema;
    }
  }
  const additional = node.additionalProperties;
  if (additional === false) return 'closed';
  if (additional === undefined || additional === true || (isObject(additional) && Object.keys(additional).length === 0)) return 'open';
  return additional;
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}
