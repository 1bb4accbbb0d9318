import type { Request, Response, Next } from 'restify';

/** Request headers a Web Chat / Direct Line client sends cross-origin. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with';

/**
 * Whether a browser origin may call the widget's routes: the bot's own site (the `Host` the request was
 * sent to) or one of the configured `CORS_ORIGINS`. `null` and malformed origins never pass.
 */
export function originAllowed(origin: string, host: string | undefined, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (host && url.host.toLowerCase() === host.toLowerCase()) return true;
  return allowedOrigins.includes(url.origin.toLowerCase());
}

/**
 * restify `pre` handler for the routes under `prefixes`: answers CORS preflight requests, adds
 * `Access-Control-Allow-Origin` for allowed origins, and refuses every other browser origin with 403.
 * Requests without `Origin` (servers, curl) pass: the tokens protect the routes, CORS only protects users.
 */
export function corsPolicy(prefixes: readonly string[], allowedOrigins: readonly string[]) {
  return (req: Request, res: Response, next: Next): void => {
    const path = req.getPath();
    if (!prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return next();
    const origin = req.header('origin');
    if (!origin) return next();
    res.header('Vary', 'Origin');
    if (!originAllowed(origin, req.header('host'), allowedOrigins)) {
      res.send(403, { error: { code: 'OriginNotAllowed', message: 'This site may not use the chat.' } });
      return next(false);
    }
    res.header('Access-Control-Allow-Origin', origin);
    if (req.method === 'OPTIONS') {
      res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
      return next(false);
    }
    return next();
  };
}
