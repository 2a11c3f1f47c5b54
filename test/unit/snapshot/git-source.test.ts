import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { shellQuote } from '../../../src/commands/flags/report-values.js';
import { parseGitSource, refreshByCopy, resolveSnapshotArgument, workingTreePath } from '../../../src/snapshot/git-source.js';

describe('git:REF:PATH snapshot arguments', () => {
  it('splits at the first colon after git: (REF has no colon; PATH may)', () => {
    expect(parseGitSource('git:main:mcp-snapshot.json')).toEqual({ ref: 'main', path: 'mcp-snapshot.json' });
    expect(parseGitSource('git:origin/main:a/b:c.json')).toEqual({ ref: 'origin/main', path: 'a/b:c.json' });
    expect(parseGitSource('git:v1.2.0~1:./x.json')).toEqual({ ref: 'v1.2.0~1', path: './x.json' });
  });

  it('anything else is a file path', () => {
    for (const path of ['mcp-snapshot.json', './git:main:x.json', '/tmp/git:a:b', 'GIT:main:x']) expect(parseGitSource(path)).toBeUndefined();
  });

  it.each(['git:', 'git:main', 'git:main:', 'git::x.json', 'git:-p:x.json', 'git:--output=/tmp/x:y'])('refuses %j', (spec) => {
    expect(() => parseGitSource(spec)).toThrow(UserError);
  });

  it('commands resolve file paths and keep git sources as they are', () => {
    expect(resolveSnapshotArgument('git:main:x.json')).toBe('git:main:x.json');
    expect(resolveSnapshotArgument('x.json', '/repo')).toBe(resolve('/repo', 'x.json'));
    expect(workingTreePath('git:main:dir/x.json')).toBe('dir/x.json');
  });

  it('the refresh command copies, commits the working-tree baseline, or shows the head from git', () => {
    expect(refreshByCopy('head.json', 'base.json', shellQuote)).toBe('cp head.json base.json');
    expect(refreshByCopy('new.json', 'git:main:base.json', shellQuote)).toBe('cp new.json base.json');
    expect(refreshByCopy('base.json', 'git:main:base.json', shellQuote)).toBe("git commit -m 'Accept the MCP server changes' -- base.json");
    expect(refreshByCopy('git:feature:base.json', 'base.json', shellQuote)).toBe('git show feature:./base.json > base.json');
  });
});
