import type { Request, Response, Server } from 'restify';
import type { Logger } from '../logging/logger.js';

/** What a caller learns of an internal error: that it happened, in German and English, and nothing else. */
export const INTERNAL_ERROR_MESSAGE =
  'Es ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später noch einmal. (An internal error occurred; please try again later.)';

/** The body of every 5xx caused by an error: a generic message and the request id to quote to operators. */
export function internalErrorBody(requestId: string): { error: { code: 'InternalError'; message: string; requestId: string } } {
  return { error: { code: 'InternalError', message: INTERNAL_ERROR_MESSAGE, requestId } };
}

function requestIdOf(res: Response): string {
  return String(res.getHeader('x-request-id') ?? '');
}

/**
 * Replaces restify's answer to an error thrown in any route (`{"message": "RangeError: …"}`) with
 * {@link internalErrorBody}; the cause goes to the log. Errors below 500 (restify's 404, 405, 413…) keep
 * restify's answer, which names no internals.
 */
export function answerServerErrors(server: Server, logFor: (req: Request) => Logger): void {
  server.on('restifyError', (req: Request, res: Response, error: unknown, callback: () => void) => {
    const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
    if (typeof status === 'number' && status < 500) return callback();
    logFor(req).error({ err: error, method: req.method, path: req.getPath() }, 'Request failed with an internal error');
    if (!res.headersSent) res.send(typeof status === 'number' ? status : 500, internalErrorBody(requestIdOf(res)));
    return callback();
  });
}

/** The part of a response botbuilder's `CloudAdapter.process` uses. */
interface BotResponse {
  socket: unknown;
  status(code: number): unknown;
  send(body?: unknown): unknown;
  end(): unknown;
  header(name: string, value: unknown): unknown;
}

/**
 * A response for `CloudAdapter.process` that never shows its error text: the adapter answers a failed
 * turn with 500 and the error's message as the body, which is replaced by {@link internalErrorBody}
 * (the message goes to the log).
 */
export function guardBotResponse(res: Response, log: Logger): BotResponse {
  let status = 200;
  return {
    socket: res.socket,
    status: (code: number) => {
      status = code;
      return res.status(code);
    },
    send: (body?: unknown) => {
      if (status < 500) return res.send(body) as unknown;
      log.error({ cause: typeof body === 'string' ? body : undefined, status }, 'Bot turn failed with an internal error');
      return res.send(internalErrorBody(requestIdOf(res))) as unknown;
    },
    end: () => res.end(),
    header: (name: string, value: unknown) => res.header(name, value) as unknown,
  };
}
