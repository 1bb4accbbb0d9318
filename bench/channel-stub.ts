import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for a channel's `serviceUrl`: the bot posts its replies here
 * (`POST /v3/conversations/:conversation/activities/:replyToId`). It notes when the first reply to each
 * user activity arrived; the load generator puts the send time into the activity id
 * (`<conversation>.<sequence>.<epoch ms>`), so latency = arrival − send, without any shared state. It reads
 * the id from the URL and does not parse the reply, so the stand-in costs bot and echo floor the same.
 */
export class ChannelStub {
  /** Per answered activity id: latency (ms) and arrival (epoch ms) of its first reply, in order of arrival. */
  readonly replies = new Map<string, { latencyMs: number; arrivedAt: number }>();
  private server?: Server;
  private replyCount = 0;

  /** Starts listening; returns the `serviceUrl`. */
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const arrivedAt = performance.timeOrigin + performance.now();
        const match = req.method === 'POST' ? /^\/v3\/conversations\/[^/]+\/activities(?:\/([^/?]+))?/.exec(req.url ?? '') : null;
        if (match) this.record(match[1] ? decodeURIComponent(match[1]) : replyToIdOf(Buffer.concat(chunks).toString('utf8')), arrivedAt);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(`{"id":"reply-${++this.replyCount}"}`);
      });
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Forgets what was recorded (between runs). */
  reset(): void {
    this.replies.clear();
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private record(replyToId: string | undefined, arrivedAt: number): void {
    if (replyToId === undefined || this.replies.has(replyToId)) return;
    const sentAt = Number(replyToId.split('.').slice(2).join('.'));
    if (Number.isFinite(sentAt)) this.replies.set(replyToId, { latencyMs: arrivedAt - sentAt, arrivedAt });
  }
}

/** The `replyToId` of an activity body (the bot posts replies to `…/activities/:replyToId`, so rarely needed). */
function replyToIdOf(body: string): string | undefined {
  try {
    const { replyToId } = JSON.parse(body) as { replyToId?: unknown };
    return typeof replyToId === 'string' ? replyToId : undefined;
  } catch {
    return undefined;
  }
}
