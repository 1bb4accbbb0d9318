import restify, { type Next, type Request, type RequestHandler, type Response } from 'restify';

/** Limits per client address: a steady rate with a burst, like a token bucket. */
export interface RateLimitOptions {
  /** Requests per second in the long run. */
  rate: number;
  /** Requests allowed at once. */
  burst: number;
  /** Only requests whose path starts with one of these are limited. */
  paths: string[];
  /** Behind a reverse proxy the client address is in X-Forwarded-For (set only when the proxy is trusted). */
  trustProxy?: boolean;
}

/**
 * Rate limiting per client on chosen paths, using restify's own token-bucket throttle, answered with
 * `429 Too Many Requests`, a `Retry-After` header and a short JSON error (the throttle alone sends neither).
 *
 * @example
 * ```ts
 * server.use(rateLimit({ rate: 2, burst: 20, paths: ['/api/webchat/token', '/v3/directline'] }));
 * ```
 */
export function rateLimit(options: RateLimitOptions): RequestHandler {
  const throttle = restify.plugins.throttle({
    burst: options.burst,
    rate: options.rate,
    ...(options.trustProxy ? { xff: true } : { ip: true }),
    maxKeys: 10_000,
  });
  const retryAfter = String(Math.max(1, Math.ceil(1 / options.rate)));
  return (req: Request, res: Response, next: Next) => {
    const path = req.getPath();
    if (!options.paths.some((p) => path === p || path.startsWith(`${p}/`))) return next();
    throttle(req, res, (error?: unknown) => {
      if (error && (error as { statusCode?: number }).statusCode === 429) {
        res.header('Retry-After', retryAfter);
        res.send(429, { error: 'Too many requests; please wait a moment.' });
        return next(false);
      }
      return next(error as Error | undefined);
    });
  };
}
