import type { Request, Response, Next } from 'restify';
import { normalisedPath, publicOrigin, routePath, underPrefix } from './request-url.js';

/** Request headers a Web Chat / Direct Line client sends cross-origin. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, x-ms-bot-agent, x-requested-with';

/**
 * Whether a browser origin may call the widget's routes: the bot's own site (`ownOrigin`, the origin the
 * request reached this server at) or one of the configured `CORS_ORIGINS`. Scheme, host and port must all
 * match: `https://bot:3978` is not the site of an `http://bot:3978` server. `null` and malformed origins
 * never pass.
 */
export function originAllowed(origin: string, ownOrigin: string, allowedOrigins: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.origin === normalisedOrigin(ownOrigin)) return true;
  return allowedOrigins.includes(url.origin.toLowerCase());
}

function normalisedOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).origin;
  } catch {
    return undefined;
  }
}

/**
 * The CORS policy of the routes under `prefixes`, in two restify handlers:
 *
 * - `preflight` (a `pre` handler, as no route answers `OPTIONS`): answers preflight requests for paths that
 *   lead to those routes, however they are encoded.
 * - `check` (a `use` handler, after routing): for the route that actually serves the request — so
 *   `/api/webchat/%74oken` counts as `/api/webchat/token` — adds `Access-Control-Allow-Origin` for allowed
 *   origins and refuses every other browser origin with 403.
 *
 * Requests without `Origin` (servers, curl) pass: the tokens protect the routes, CORS only protects users.
 */
export function corsPolicy(prefixes: readonly string[], allowedOrigins: readonly string[]) {
  /** `true` when the request may go on; otherwise the 403 has been sent. */
  const admit = (req: Request, res: Response): boolean => {
    const origin = req.header('origin');
    if (!origin) return true;
    res.header('Vary', 'Origin');
    if (!originAllowed(origin, publicOrigin(req), allowedOrigins)) {
      res.send(403, { error: { code: 'OriginNotAllowed', message: 'This site may not use the chat.' } });
      return false;
    }
    res.header('Access-Control-Allow-Origin', origin);
    return true;
  };
  return {
    preflight: (req: Request, res: Response, next: Next): void => {
      if (req.method !== 'OPTIONS' || !req.header('origin') || !underPrefix(normalisedPath(req.getPath()), prefixes)) return next();
      if (!admit(req, res)) return next(false);
      res.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.header('Access-Control-Max-Age', '600');
      res.send(204);
      return next(false);
    },
    check: (req: Request, res: Response, next: Next): void => {
      if (!underPrefix(routePath(req), prefixes)) return next();
      return admit(req, res) ? next() : next(false);
    },
  };
}
