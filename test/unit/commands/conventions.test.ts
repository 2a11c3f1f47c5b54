import { describe, expect, it } from 'vitest';
import { closest, conventionalArgv } from '../../../src/commands/conventions.js';
import { UserError } from '../../../src/errors.js';

const COMMANDS = ['snapshot', 'diff', 'check', 'init'];

describe('conventionalArgv', () => {
  it.each([
    [['help'], ['--help']],
    [['help', 'diff'], ['diff', '--help']],
    [['help', 'diff', '-h'], ['diff', '--help']],
    [['-h'], ['--help']],
    [['check', '-h', '--format', 'json'], ['check', '--help', '--format', 'json']],
    [['--version'], ['--version']],
    [[], []],
  ])('%j reads as %j', (words, expected) => {
    expect(conventionalArgv(words, COMMANDS)).toEqual(expected);
  });

  it('leaves the words after -- to the server, -h included', () => {
    expect(conventionalArgv(['snapshot', '--', 'server', '-h'], COMMANDS)).toEqual(['snapshot', '--', 'server', '-h']);
  });

  it('refuses an unknown command, with the one meant', () => {
    expect(() => conventionalArgv(['chek'], COMMANDS)).toThrow('Unknown command "chek". Did you mean "check"?');
    expect(() => conventionalArgv(['help', 'nope'], COMMANDS)).toThrow(UserError);
  });
});

describe('closest', () => {
  it('finds a misspelling, a swap of two letters and a missing letter; nothing for an unrelated word', () => {
    expect(closest('formt', ['format', 'fail-on'])).toBe('format');
    expect(closest('snapshto', COMMANDS)).toBe('snapshot');
    expect(closest('baselin', ['baseline', 'update'])).toBe('baseline');
    expect(closest('zzz', ['format', 'fail-on'])).toBeUndefined();
    expect(closest('a', ['diff'])).toBeUndefined();
  });
});
