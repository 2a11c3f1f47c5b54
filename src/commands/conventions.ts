import { UserError } from '../errors.js';

/**
 * The command-line conventions users expect from other CLIs, applied before oclif reads the words:
 * `help`, `help CMD`, `-h` and `CMD -h` mean `--help`, and a misspelt command gets a did-you-mean
 * instead of oclif's "command not found". Words after `--` belong to the server and are never read.
 */
export function conventionalArgv(words: readonly string[], commands: readonly string[], listed: readonly string[] = commands): string[] {
  const [first, ...rest] = words;
  if (first === undefined) return [];
  if (first === 'help') {
    const [command, ...others] = rest;
    if (command === undefined || command.startsWith('-')) return ['--help'];
    assertCommand(command, commands, listed);
    return [command, ...others.filter((word) => word !== '--help' && word !== '-h'), '--help'];
  }
  if (first === '-h') return ['--help', ...rest];
  if (first.startsWith('-')) return [...words];
  assertCommand(first, commands, listed);
  const dash = words.indexOf('--');
  const own = dash === -1 ? [...words] : words.slice(0, dash);
  const after = dash === -1 ? [] : words.slice(dash);
  return [...own.map((word) => (word === '-h' ? '--help' : word)), ...after];
}

/** `commands` are every accepted name (aliases too); `listed` are the ones the hint names. */
function assertCommand(word: string, commands: readonly string[], listed: readonly string[]): void {
  if (commands.includes(word)) return;
  const guess = closest(word, commands);
  throw new UserError(`Unknown command "${word}".${guess ? ` Did you mean "${guess}"?` : ''}`, { hint: `Commands: ${listed.join(', ')}; mcp-compat --help says more.` });
}

/** The candidate nearest to a misspelt word, when it is near enough to be what was meant (edit distance at most a third of its length, and 1 at least). */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (best === undefined || distance < best.distance) best = { candidate, distance };
  }
  if (best === undefined) return undefined;
  return best.distance <= Math.max(1, Math.floor(best.candidate.length / 3)) ? best.candidate : undefined;
}

/** Levenshtein distance, with a swap of two neighbouring letters counted as one edit (`snapshto`). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
