import { describe, expect, it } from 'vitest';
import { addServer } from '../../../src/policy/add-server.js';

const entry = { baseline: 'api.json', url: 'http://127.0.0.1:3000/mcp' };

describe('addServer', () => {
  it('appends the entry to servers, keeping every other byte and the file\'s indentation', () => {
    const text = '{\n    "failOn": "risky",\n    "servers": {\n        "notes": { "baseline": "mcp-snapshot.json", "command": ["node", "s.js"] }\n    },\n    "acknowledged": []\n}\n';
    expect(addServer(text, [], 'api', entry)).toBe(
      '{\n    "failOn": "risky",\n    "servers": {\n        "notes": { "baseline": "mcp-snapshot.json", "command": ["node", "s.js"] },\n' +
        '        "api": {\n            "baseline": "api.json",\n            "url": "http://127.0.0.1:3000/mcp"\n        }\n    },\n    "acknowledged": []\n}\n',
    );
  });

  it('fills an empty servers object, and creates servers when there is none', () => {
    expect(JSON.parse(addServer('{ "servers": {} }', [], 'api', entry))).toEqual({ servers: { api: entry } });
    const created = addServer('{\n  "failOn": "breaking"\n}\n', [], 'api', entry);
    expect(created).toBe('{\n  "failOn": "breaking",\n  "servers": {\n    "api": {\n      "baseline": "api.json",\n      "url": "http://127.0.0.1:3000/mcp"\n    }\n  }\n}\n');
  });

  it('edits the "mcp-compat" key of a package.json', () => {
    const text = '{\n  "name": "notes",\n  "mcp-compat": {\n    "servers": {}\n  }\n}\n';
    const updated = addServer(text, ['mcp-compat'], 'api', entry);
    expect(JSON.parse(updated)).toEqual({ name: 'notes', 'mcp-compat': { servers: { api: entry } } });
    expect(updated.startsWith('{\n  "name": "notes",\n')).toBe(true);
  });

  it('keeps names that are data, such as __proto__, as names', () => {
    const updated = addServer('{"servers":{"a":{"baseline":"a.json","url":"http://127.0.0.1/"}}}', [], '__proto__', entry);
    expect(Object.keys(JSON.parse(updated).servers)).toEqual(['a', '__proto__']);
  });

  it('refuses a servers value that is not an object', () => {
    expect(() => addServer('{"servers": []}', [], 'api', entry)).toThrow('"servers" is not an object');
  });
});
