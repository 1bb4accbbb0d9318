import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The public origin a client reached this server at (`https://bot.example.de`), honouring a reverse proxy's
 * `X-Forwarded-Proto`/`X-Forwarded-Host`. Used only to build URLs handed back to that same client.
 */
export function publicOrigin(req: IncomingMessage): string {
  const first = (name: string) => {
    const value = req.headers[name];
    return (Array.isArray(value) ? value[0] : value)?.split(',')[0]?.trim();
  };
  const forwardedProto = first('x-forwarded-proto')?.toLowerCase();
  const secure = forwardedProto ? forwardedProto === 'https' : Boolean((req.socket as TLSSocket).encrypted);
  const host = [first('x-forwarded-host'), first('host')].find((h) => h && HOST.test(h)) ?? 'localhost';
  return `${secure ? 'https' : 'http'}://${host}`;
}

/** The query parameters of a request. */
export function queryOf(req: IncomingMessage): URLSearchParams {
  return new URL(req.url ?? '/', 'http://localhost').searchParams;
}

/**
 * The path pattern of the route that serves a request (`/v3/directline/conversations/:conversationId`),
 * known after routing; `undefined` before routing or when no route matched. Checks keyed on it cannot be
 * side-stepped by encoding the path differently (`/api/webchat/%74oken`, `/api/webchat/token;x`).
 */
export function routePath(req: { getRoute?: () => { path?: unknown } | undefined }): string | undefined {
  const path = req.getRoute?.()?.path;
  return typeof path === 'string' ? path : undefined;
}

/**
 * A request path as the router may read it, for checks that run before routing: cut at `;` (the router
 * ignores what follows), percent-decoded, duplicate slashes collapsed, lower case. Errs on the side of
 * matching more paths, never fewer.
 */
export function normalisedPath(rawPath: string): string {
  let path = rawPath.split(';')[0]!;
  try {
    path = decodeURIComponent(path);
  } catch {
    // Malformed escapes: the router refuses such a path; match on the raw text.
  }
  return path.replace(/\/{2,}/g, '/').toLowerCase();
}

/** Whether `path` is one of `prefixes` or lies below one. */
export function underPrefix(path: string | undefined, prefixes: readonly string[]): boolean {
  return path !== undefined && prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** A named parameter of the route that served the request (`:id` in `/cases/:id`); `undefined` when absent. */
export function routeParam(req: { params?: unknown }, name: string): string | undefined {
  const value = (req.params as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}
