/** The few GitHub REST calls the sticky comment needs, through fetch (Node 20). */
export interface CommentTarget {
  apiUrl: string;
  repository: string;
  issueNumber: number;
  token: string;
}

interface IssueComment {
  id: number;
  body?: string;
}

/** Marker that identifies this action's comment (one per `id`, so matrix jobs keep separate comments). */
export function commentMarker(id: string): string {
  return `<!-- mcp-compat-report id="${id.replace(/[^\w.@/:-]/g, '_')}" -->`;
}

/** Creates the comment carrying `marker`, or updates it in place when it already exists. */
export async function upsertComment(target: CommentTarget, marker: string, body: string): Promise<'created' | 'updated'> {
  const base = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}`;
  const existing = await findComment(base, target, marker);
  const text = `${marker}\n${body}`;
  if (existing) {
    await call(`${base}/issues/comments/${existing.id}`, target.token, 'PATCH', { body: text });
    return 'updated';
  }
  await call(`${base}/issues/${target.issueNumber}/comments`, target.token, 'POST', { body: text });
  return 'created';
}

async function findComment(base: string, target: CommentTarget, marker: string): Promise<IssueComment | undefined> {
  for (let page = 1; page <= 50; page++) {
    const comments = (await call(`${base}/issues/${target.issueNumber}/comments?per_page=100&page=${page}`, target.token, 'GET')) as IssueComment[];
    const found = comments.find((comment) => comment.body?.startsWith(marker));
    if (found) return found;
    if (comments.length < 100) return undefined;
  }
  return undefined;
}

async function call(url: string, token: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${token}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'mcp-compat-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    const detail = (await response.text()).slice(0, 200);
    throw new Error(`GitHub API ${method} ${new URL(url).pathname} answered ${response.status}: ${detail}`);
  }
  return response.status === 204 ? undefined : response.json();
}
