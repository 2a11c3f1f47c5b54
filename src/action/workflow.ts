/** The action reference written into generated workflows and shown in the docs. */
export const ACTION_REF = 'mcp-compat/mcp-compat@v0';

/**
 * The workflow `mcp-compat init` writes: on every pull request (and push to the default branch),
 * build the project if it has a package.json, then check every configured server against its
 * committed baseline, with annotations, a job summary and one sticky PR comment.
 *
 * It uses `pull_request`, never `pull_request_target`: the server is built from the PR's code, and
 * under `pull_request_target` that code would run with a write token and the repository's secrets.
 */
export interface WorkflowOptions {
  /** The branch pull requests target (see default-branch.ts). */
  branch: string;
  /** The commands that install a Node project's dependencies (see install-command.ts); none: no Node build. */
  install?: readonly string[];
}

export function workflowYaml(options: WorkflowOptions): string {
  const build = options.install
    ? `      - uses: actions/setup-node@v4
        with:
          node-version: 20
${options.install.map((command) => `      - run: ${command}\n`).join('')}      - run: npm run build --if-present
`
    : '';
  const branches = `[${yamlBranchPattern(options.branch)}]`;
  return `# Checks that no pull request breaks the clients of the MCP server(s) in mcp-compat.config.json.
# Written by \`mcp-compat init\`. Docs: docs/github-action.md in the mcp-compat repository.
name: mcp-compat

on:
  pull_request:
    branches: ${branches}
  push:
    branches: ${branches}

permissions:
  contents: read
  pull-requests: write # for the sticky report comment; fork PRs get a read-only token and skip it

jobs:
  compat:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
${build}      - uses: ${ACTION_REF}
        with:
          fail-on: breaking
          comment: true
          github-token: \${{ secrets.GITHUB_TOKEN }}
`;
}

/** Plain YAML words that some parsers read as booleans or null, not as a string. */
const YAML_KEYWORDS = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null']);

/**
 * A branch name as a GitHub branch filter: plain when it is a word of letters, digits and `._/-`
 * that YAML reads as a string; otherwise double-quoted, with the filter's pattern characters
 * escaped so they match themselves.
 */
export function yamlBranchPattern(branch: string): string {
  if (/^[A-Za-z][A-Za-z0-9._/-]*$/.test(branch) && !YAML_KEYWORDS.has(branch.toLowerCase())) return branch;
  return JSON.stringify(branch.replace(/[*?+[\]!\\]/g, (char) => `\\${char}`));
}
