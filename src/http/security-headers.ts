import type { Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Next, Request, Response } from 'restify';

/**
 * Headers every response carries, errors included. The policy forbids everything: JSON and scripts need
 * nothing, and the HTML page sends its own, wider policy (see `webchat-routes.ts`).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
};

/** restify `pre` handler that sets {@link SECURITY_HEADERS} before anything else can answer. */
export function securityHeaders() {
  return (_req: Request, res: Response, next: Next): void => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    return next();
  };
}

/** The header lines of {@link SECURITY_HEADERS} for a response written by hand to a socket. */
export function securityHeaderLines(): string {
  return Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
}

/** Answers an HTTP request on a raw socket (an upgrade or a request Node could not parse) and closes it. */
export function answerOnSocket(socket: Duplex, status: number, reason: string, headers: Record<string, string> = {}): void {
  if (!socket.writable) return void socket.destroy();
  const extra = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\n${securityHeaderLines()}${extra}Connection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Answers requests that Node's HTTP parser refuses (malformed, headers too large, timed out) like Node does,
 * but with the security headers.
 */
export function answerClientErrors(httpServer: HttpServer): void {
  httpServer.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // Mid-response (a pipelined request) nothing more can be written: Node closes such a socket too.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) return void socket.destroy();
    if (error.code === 'HPE_HEADER_OVERFLOW') return answerOnSocket(socket, 431, 'Request Header Fields Too Large');
    if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answerOnSocket(socket, 408, 'Request Timeout');
    return answerOnSocket(socket, 400, 'Bad Request');
  });
}
