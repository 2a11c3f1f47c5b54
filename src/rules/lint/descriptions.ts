import type { LintFacts, LintRule } from '../../lint/model.js';
import { isObject, own, token } from '../../schema/json.js';
import { resolveLocalRef } from '../../schema/normalize.js';
import type { Json, JsonObject } from '../../snapshot/model.js';
import { code, str } from '../format.js';

/** A tool description longer than this many characters is reported (about 1,000 tokens of every conversation). */
export const TOOL_DESCRIPTION_MAX_CHARACTERS = 4096;
/** Input and output schema of one tool together, as compact JSON, longer than this many characters is reported. */
export const TOOL_SCHEMA_MAX_CHARACTERS = 16384;

/** What a model is told about a tool or prompt: missing descriptions, and descriptions and schemas too large. */
export const DESCRIPTION_LINT_RULES: readonly LintRule[] = [
  {
    id: 'tool-description-missing',
    severity: 'warning',
    title: 'Tool without a description',
    rationale: 'The model decides whether and how to call a tool from its name, description and schema. Without a description it guesses from the name, and picks the tool at the wrong time or not at all. A `title` is for people and is not a substitute.',
    example: { bad: '{name: "sync"}', good: '{name: "sync", description: "Upload local changes to the remote project."}' },
    check: (snapshot) => snapshot.tools.filter((tool) => !hasText(tool.description)).map((tool) => ({ entity: 'tool', name: tool.name, pointer: '/description' })),
    message: (f) => `Tool ${code(f.name)} has no description; models can only guess what it does from its name.`,
  },
  {
    id: 'tool-parameter-description-missing',
    severity: 'info',
    title: 'Tool parameter without a description',
    rationale: 'A parameter is a property of the tool\'s `inputSchema`; its description is how the model learns what to put there (units, formats, examples). Self-explaining names need none, hence info. A description on the branches of an `anyOf`/`oneOf` counts when every branch without one is a bare type (the `null` of a nullable).',
    example: { bad: 'properties: {since: {type: "string"}}', good: 'properties: {since: {type: "string", description: "ISO 8601 date; only items changed after it"}}' },
    check: (snapshot) =>
      snapshot.tools.flatMap((tool) => {
        const properties = own(tool.inputSchema, 'properties');
        if (!isObject(properties)) return [];
        return Object.keys(properties)
          .filter((name) => isObject(properties[name]) && !describes(properties[name] as Json, tool.inputSchema))
          .map((name): LintFacts => ({ entity: 'tool', name: tool.name, pointer: `/inputSchema/properties${token(name)}`, params: { parameter: name } }));
      }),
    message: (f) => `Tool ${code(f.name)}: parameter ${code(str(f.params?.parameter))} has no description.`,
  },
  {
    id: 'prompt-argument-description-missing',
    severity: 'info',
    title: 'Prompt argument without a description',
    rationale: 'Clients show a prompt\'s arguments as a form or a completion list; without a description the person filling it in has only the argument\'s name to go by.',
    example: { bad: 'arguments: [{name: "lang"}]', good: 'arguments: [{name: "lang", description: "Language of the summary, e.g. en"}]' },
    check: (snapshot) =>
      snapshot.prompts.flatMap((prompt) =>
        (prompt.arguments ?? []).filter((argument) => !hasText(argument.description)).map((argument): LintFacts => ({ entity: 'prompt', name: prompt.name, pointer: `/arguments${token(argument.name)}`, params: { argument: argument.name } })),
      ),
    message: (f) => `Prompt ${code(f.name)}: argument ${code(str(f.params?.argument))} has no description.`,
  },
  {
    id: 'tool-description-too-long',
    severity: 'warning',
    title: `Tool description longer than ${TOOL_DESCRIPTION_MAX_CHARACTERS.toLocaleString('en-US')} characters`,
    rationale: `Every tool description is sent to the model in every conversation that loads the server, whether the tool is used or not. Beyond ${TOOL_DESCRIPTION_MAX_CHARACTERS.toLocaleString('en-US')} characters (about 1,000 tokens) it crowds out the user's own context, and some clients cut it.`,
    example: { bad: 'description: (a 10,000-character manual)', good: 'description: (what it does, when to use it, what it returns)' },
    check: (snapshot) =>
      snapshot.tools.filter((tool) => (tool.description?.length ?? 0) > TOOL_DESCRIPTION_MAX_CHARACTERS).map((tool) => ({ entity: 'tool', name: tool.name, pointer: '/description', params: { length: tool.description?.length ?? 0 } })),
    message: (f) => `Tool ${code(f.name)}: the description is ${Number(f.params?.length).toLocaleString('en-US')} characters long (limit ${TOOL_DESCRIPTION_MAX_CHARACTERS.toLocaleString('en-US')}); it is sent with every conversation.`,
  },
  {
    id: 'tool-schema-too-large',
    severity: 'warning',
    title: `Tool schemas larger than ${TOOL_SCHEMA_MAX_CHARACTERS.toLocaleString('en-US')} characters`,
    rationale: `The input and output schemas are sent to the model with the tool. Together larger than ${TOOL_SCHEMA_MAX_CHARACTERS.toLocaleString('en-US')} characters of compact JSON (about 4,000 tokens) they cost every conversation a lot, and models fill large schemas less reliably; splitting the tool usually helps.`,
    example: { bad: 'inputSchema: (a 40 KB schema of a whole API)', good: 'several tools, each with the parameters it needs' },
    check: (snapshot) =>
      snapshot.tools.flatMap((tool) => {
        const size = JSON.stringify(tool.inputSchema).length + (tool.outputSchema ? JSON.stringify(tool.outputSchema).length : 0);
        return size > TOOL_SCHEMA_MAX_CHARACTERS ? [{ entity: 'tool', name: tool.name, pointer: '/inputSchema', params: { size } }] : [];
      }),
    message: (f) => `Tool ${code(f.name)}: its schemas take ${Number(f.params?.size).toLocaleString('en-US')} characters of JSON (limit ${TOOL_SCHEMA_MAX_CHARACTERS.toLocaleString('en-US')}); they are sent with every conversation.`,
  },
];

function hasText(text: string | undefined): boolean {
  return text !== undefined && text.trim() !== '';
}

/**
 * Whether a property schema carries a description: itself, (one step) through a local `$ref`, or in
 * the branches of its `anyOf`/`oneOf` when at least one branch is described and every other one is
 * a bare type, such as the `null` of a nullable or Notion's `{type: "string"}` for a value also
 * accepted as JSON text: there is nothing else such a branch could say.
 */
function describes(schema: Json, root: JsonObject): boolean {
  if (describedItself(schema, root)) return true;
  if (!isObject(schema)) return false;
  return ['anyOf', 'oneOf'].some((keyword) => {
    const branches = own(schema, keyword);
    if (!Array.isArray(branches) || !branches.some((branch) => describedItself(branch, root))) return false;
    return branches.every((branch) => describedItself(branch, root) || bareType(branch));
  });
}

/** A description on the schema, or on the target of its local `$ref`. */
function describedItself(schema: Json, root: JsonObject): boolean {
  if (!isObject(schema)) return false;
  if (hasText(stringOf(own(schema, 'description')))) return true;
  const ref = own(schema, '$ref');
  if (typeof ref !== 'string') return false;
  const target = resolveLocalRef(root, ref);
  return isObject(target) && hasText(stringOf(own(target, 'description')));
}

/** `{type: ...}` and nothing else, or a `null` spelled as `const`/`enum`. */
function bareType(schema: Json): boolean {
  if (!isObject(schema)) return false;
  const keys = Object.keys(schema);
  if (keys.length !== 1) return false;
  if (keys[0] === 'type') return true;
  const only = schema[keys[0] as string];
  return (keys[0] === 'const' && only === null) || (keys[0] === 'enum' && Array.isArray(only) && only.length === 1 && only[0] === null);
}

function stringOf(value: Json | undefined): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
