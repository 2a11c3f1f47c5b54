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
export function workflowYaml(options: { node: boolean }): string {
  const build = options.node
    ? `      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci
      - run: npm run build --if-present
`
    : '';
  return `# Checks that no pull request breaks the clients of the MCP server(s) in mcp-compat.config.json.
# Written by \`mcp-compat init\`. Docs: docs/github-action.md in the mcp-compat repository.
name: mcp-compat

on:
  pull_request:
  push:
    branches: [main]

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
