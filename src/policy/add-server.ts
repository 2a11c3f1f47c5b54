import type { JsonObject } from '../snapshot/model.js';
import { objectAt, withMember } from './json-text.js';

/**
 * Adds a server entry to the `servers` object of a config's JSON text (at `path`: [] for
 * mcp-compat.config.json, ['mcp-compat'] for package.json), creating `servers` if needed. Only
 * that object grows: every other byte of the file stays as it was. Pure; the caller checks that
 * the name is new, validates the result and writes it.
 */
export function addServer(text: string, path: readonly string[], name: string, entry: JsonObject): string {
  const root = objectAt(text, path);
  const servers = root.members.get('servers');
  if (!servers) return withMember(text, root, 'servers', { [name]: entry });
  if (text[servers.start] !== '{') throw new Error('"servers" is not an object');
  return withMember(text, objectAt(text, [...path, 'servers']), name, entry);
}
