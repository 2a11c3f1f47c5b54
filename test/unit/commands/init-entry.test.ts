import { describe, expect, it } from 'vitest';
import { portableArgument, projectPath, serverEntry } from '../../../src/commands/init-entry.js';

const project = '/home/dev/notes';
const place = { projectDir: project, cwd: project };

describe('serverEntry', () => {
  it('writes the command, baseline and cwd relative to the project, the command relative to its cwd', () => {
    const entry = serverEntry(
      { kind: 'stdio', command: 'node', args: ['/home/dev/notes/packages/server/dist/server.js', '--data=/home/dev/notes/data', '--log', '/var/log/notes.log'], cwd: '/home/dev/notes/packages/server' },
      {},
      '/home/dev/notes/snapshots/notes.json',
      place,
      [],
    );
    expect(entry).toEqual({
      baseline: 'snapshots/notes.json',
      command: ['node', 'dist/server.js', '--data=../../data', '--log', '/var/log/notes.log'],
      cwd: 'packages/server',
    });
  });

  it('keeps the paths typed relative to where init runs working from the project folder', () => {
    const entry = serverEntry({ kind: 'stdio', command: 'node', args: ['dist/server.js'] }, {}, 'mcp-snapshot.notes.json', { projectDir: project, cwd: `${project}/packages/server` }, []);
    expect(entry).toEqual({ baseline: 'packages/server/mcp-snapshot.notes.json', command: ['node', 'dist/server.js'], cwd: 'packages/server' });
  });

  it('writes the client config file relative to the project', () => {
    const entry = serverEntry({ kind: 'stdio', command: 'node', args: [] }, { config: '/home/dev/notes/.mcp.json', server: 'notes' }, 'mcp-snapshot.json', place, []);
    expect(entry).toEqual({ baseline: 'mcp-snapshot.json', clientConfig: { file: '.mcp.json', server: 'notes' } });
  });

  it('leaves env values, headers and URL secrets out, with a note for each', () => {
    const notes: string[] = [];
    expect(serverEntry({ kind: 'stdio', command: 'node', args: ['s.js'], env: { TOKEN: 'secret-value' } }, {}, 'b.json', place, notes)).toEqual({ baseline: 'b.json', command: ['node', 's.js'] });
    const http = serverEntry({ kind: 'http', url: 'http://me:pw@127.0.0.1:3000/mcp?token=t', headers: { Authorization: 'Bearer x' } }, {}, 'b.json', place, notes);
    expect(JSON.stringify(http)).not.toMatch(/pw|token=t|Bearer/);
    expect(notes).toHaveLength(3);
  });
});

describe('projectPath', () => {
  it('is relative to the project, "." for the project itself, ../ for a sibling', () => {
    expect(projectPath('/home/dev/notes/a/b.json', project)).toBe('a/b.json');
    expect(projectPath(project, project)).toBe('.');
    expect(projectPath('/home/dev/shared/api.json', project)).toBe('../shared/api.json');
  });
});

describe('portableArgument', () => {
  it('makes absolute paths inside the project relative to the server folder, whole or as an option value', () => {
    expect(portableArgument('/home/dev/notes/dist/server.js', project, project)).toBe('dist/server.js');
    expect(portableArgument('--db=/home/dev/notes/data/db.sqlite', `${project}/dist`, project)).toBe('--db=../data/db.sqlite');
    expect(portableArgument('/home/dev/notes', project, project)).toBe('.');
  });

  it('keeps everything else as typed', () => {
    expect(portableArgument('/usr/bin/node', project, project)).toBe('/usr/bin/node');
    expect(portableArgument('/home/dev/notes-other/x.js', project, project)).toBe('/home/dev/notes-other/x.js');
    expect(portableArgument('--port=3000', project, project)).toBe('--port=3000');
    expect(portableArgument('relative/file.js', project, project)).toBe('relative/file.js');
  });
});
