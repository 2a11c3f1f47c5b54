import { describe, expect, it } from 'vitest';
import { describeTarget, safeUrl } from '../../../src/capture/target.js';

describe('describeTarget', () => {
  it('names a stdio server by its command file and first arguments, without folders', () => {
    expect(describeTarget({ kind: 'stdio', command: '/usr/local/bin/node', args: ['/home/me/project/dist/server.js'] })).toBe('server `node …/project/dist/server.js`');
    expect(describeTarget({ kind: 'stdio', command: 'npx', args: ['-y', 'pkg', '--token', 'x'] })).toBe('server `npx -y pkg …`');
  });

  it('never shows URL credentials, query or fragment, nor header values', () => {
    const text = describeTarget({ kind: 'http', url: 'https://user:pw@example.com/mcp?key=secret#x', headers: { Authorization: 'Bearer secret' } });
    expect(text).toBe('HTTP server https://example.com/mcp');
    expect(describeTarget({ kind: 'sse', url: 'http://127.0.0.1:3000/sse' })).toBe('SSE server http://127.0.0.1:3000/sse');
  });

  it('safeUrl copes with text that is not a URL', () => {
    expect(safeUrl('not a url?token=1')).toBe('not a url');
  });
});
