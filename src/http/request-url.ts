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
