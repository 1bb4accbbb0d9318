import type { IncomingMessage } from 'node:http';
import type { Next, Request, RequestHandler, Response } from 'restify';
import { routePath, underPrefix } from './request-url.js';

/** Clients remembered at most per limiter; the one seen longest ago is forgotten first. */
const MAX_CLIENTS = 10_000;

/**
 * Token buckets per client: `burst` requests at once, refilled at `rate` per second. Pure bookkeeping, so
 * HTTP routes and WebSocket upgrades can share one budget.
 */
export class ClientRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the client's budget: 0 when allowed, else the seconds until the next one is. */
  take(client: string): number {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.burst, at: now };
    this.buckets.delete(client); // re-inserted below: the map stays ordered by last use
    bucket.tokens = Math.min(this.burst, bucket.tokens + (Math.max(0, now - bucket.at) / 1000) * this.rate);
    bucket.at = now;
    this.buckets.set(client, bucket);
    if (this.buckets.size > MAX_CLIENTS) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate));
  }
}

/**
 * The client a request counts against: the connecting address, or behind a trusted reverse proxy the last
 * `X-Forwarded-For` entry (the one that proxy added; the entries before it are whatever the client sent).
 */
export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const last = (Array.isArray(header) ? header.join(',') : header)?.split(',').at(-1)?.trim();
    if (last) return last;
  }
  return req.socket.remoteAddress ?? 'unknown';
}

export interface RateLimitOptions {
  limiter: ClientRateLimiter;
  /** Routes limited: those whose path pattern is one of these or lies below one. */
  routes: readonly string[];
  /** Behind a reverse proxy the client address is in X-Forwarded-For (set only when the proxy is trusted). */
  trustProxy?: boolean;
}

/**
 * restify `use` handler (it runs after routing): limits the requests each client makes to the chosen routes,
 * judged by the route that serves the request, so no spelling of the path escapes the limit. Beyond the limit:
 * `429 Too Many Requests` with `Retry-After` and a short JSON error.
 *
 * @example
 * ```ts
 * server.use(rateLimit({ limiter: new ClientRateLimiter(2, 20), routes: ['/api/webchat/token'] }));
 * ```
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  return (req: Request, res: Response, next: Next) => {
    if (!underPrefix(routePath(req), options.routes)) return next();
    const wait = options.limiter.take(clientAddress(req, options.trustProxy ?? false));
    if (wait === 0) return next();
    res.header('Retry-After', String(wait));
    res.send(429, { error: 'Too many requests; please wait a moment.' });
    return next(false);
  };
}
