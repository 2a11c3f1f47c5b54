// A checker of the markdown the reports write: fences balanced, and outside them every HTML tag the
// report opens (<details>, <summary>, <code>, <table>) closed in order, and table rows keeping the
// cells of their header. Returns the problems found (none for valid output).

const TAG = /<(\/?)(details|summary|code|table|tr|td|th)\b[^>]*>/g;

export function markdownProblems(markdown: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let fence: string | undefined;
  let header: number | undefined;
  markdown.split('\n').forEach((line, index) => {
    const at = `line ${index + 1}`;
    const marker = /^ *(`{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (marker === fence && line.trim() === fence) fence = undefined;
      return;
    }
    if (marker !== undefined) {
      fence = marker;
      header = undefined;
      return;
    }
    for (const match of line.matchAll(TAG)) {
      const [, closing, name] = match as unknown as [string, string, string];
      if (!closing) stack.push(name);
      else if (stack.pop() !== name) problems.push(`${at}: </${name}> closes nothing open`);
    }
    if (!line.startsWith('|')) header = undefined;
    else if (header === undefined) header = cells(line);
    else if (cells(line) !== header) problems.push(`${at}: ${cells(line)} cells in a table of ${header}`);
  });
  if (fence !== undefined) problems.push(`unclosed fence ${fence}`);
  if (stack.length > 0) problems.push(`unclosed <${stack.join('>, <')}>`);
  return problems;
}

function cells(row: string): number {
  return row.split('|').length;
}
