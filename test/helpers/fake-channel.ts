import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/**
 * A local HTTP server standing in for a channel's `serviceUrl`: the bot posts its replies here
 * (`POST /v3/conversations/:conversationId/activities/:replyToId`), and tests wait for them.
 */
export class FakeChannel {
  readonly replies: Partial<Activity>[] = [];
  private server?: Server;
  private waiters: Array<() => void> = [];

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities/.test(req.url ?? '')) {
          this.replies.push(JSON.parse(body) as Partial<Activity>);
          this.waiters.splice(0).forEach((wake) => wake());
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: `reply-${this.replies.length}` }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resolves once `count` replies have arrived (or rejects after `timeoutMs`). */
  async waitForReplies(count: number, timeoutMs = 5000): Promise<Partial<Activity>[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.replies.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} replies, got ${this.replies.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.replies;
  }

  /** Resolves with the replies to the activity `replyToId` once the first has arrived (or rejects after `timeoutMs`). */
  async waitForReplyTo(replyToId: string, timeoutMs = 5000): Promise<Partial<Activity>[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const replies = this.replies.filter((reply) => reply.replyToId === replyToId);
      if (replies.length > 0) return replies;
      await this.waitForReplies(this.replies.length + 1, deadline - Date.now());
    }
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
