import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredComment {
  id: number;
  body: string;
}

export interface RecordedRequest {
  method: string;
  path: string;
  authorization?: string;
}

/**
 * A 127.0.0.1 stand-in for the three GitHub REST endpoints the sticky comment uses:
 * list, create and update issue comments of one repository.
 */
export class GitHubApiStub {
  readonly comments: StoredComment[] = [];
  readonly requests: RecordedRequest[] = [];
  private server?: Server;
  private nextId = 1000;
  /** Status to answer writes with (403 imitates the read-only token of a fork's pull request). */
  writeStatus = 200;

  constructor(
    private readonly repository: string,
    private readonly issue: number,
  ) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      void this.handle(request).then(([status, body]) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<[number, unknown]> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    this.requests.push({ method: request.method ?? '', path: url.pathname, authorization: request.headers.authorization });
    let text = '';
    for await (const chunk of request) text += chunk;
    const prefix = `/repos/${this.repository}/issues`;
    if (request.method === 'GET' && url.pathname === `${prefix}/${this.issue}/comments`) {
      const page = Number(url.searchParams.get('page') ?? '1');
      const perPage = Number(url.searchParams.get('per_page') ?? '30');
      return [200, this.comments.slice((page - 1) * perPage, page * perPage)];
    }
    if (request.method === 'POST' && url.pathname === `${prefix}/${this.issue}/comments`) {
      if (this.writeStatus !== 200) return [this.writeStatus, { message: 'Resource not accessible by integration' }];
      const comment = { id: this.nextId++, body: (JSON.parse(text) as { body: string }).body };
      this.comments.push(comment);
      return [201, comment];
    }
    const update = new RegExp(`^${prefix}/comments/(\\d+)$`).exec(url.pathname);
    if (request.method === 'PATCH' && update) {
      if (this.writeStatus !== 200) return [this.writeStatus, { message: 'Resource not accessible by integration' }];
      const comment = this.comments.find((item) => item.id === Number(update[1]));
      if (!comment) return [404, { message: 'Not Found' }];
      comment.body = (JSON.parse(text) as { body: string }).body;
      return [200, comment];
    }
    return [404, { message: 'Not Found' }];
  }
}
