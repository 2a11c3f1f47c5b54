import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../src/action/command-line.js';
import { commentMarker } from '../../../src/action/github-api.js';

describe('splitCommandLine', () => {
  it.each([
    ['node dist/server.js', ['node', 'dist/server.js']],
    ['  node   server.js  --port 3000 ', ['node', 'server.js', '--port', '3000']],
    [`python -m "my server" 'it''s'`, ['python', '-m', 'my server', 'its']],
    [`node -e "console.log(\\"hi\\")"`, ['node', '-e', 'console.log("hi")']],
    [`echo a\\ b '$HOME' "$HOME" ""`, ['echo', 'a b', '$HOME', '$HOME', '']],
    ['node a.js; rm -rf /', ['node', 'a.js;', 'rm', '-rf', '/']],
  ])('%s', (line, words) => {
    expect(splitCommandLine(line)).toEqual(words);
  });

  it('rejects an unterminated quote', () => {
    expect(() => splitCommandLine('node "server.js')).toThrow(/Unterminated " quote/);
  });
});

describe('commentMarker', () => {
  it('is an HTML comment that cannot be closed by the id', () => {
    expect(commentMarker('notes')).toBe('<!-- mcp-compat-report id="notes" -->');
    expect(commentMarker('a --> <b>')).toBe('<!-- mcp-compat-report id="a_--___b_" -->');
  });
});
