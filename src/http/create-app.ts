import { randomUUID } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from '../logging/logger.js';
import type { KnowledgeProblem } from '../knowledge/types.js';
import { activityShapeError } from './activity-shape.js';
import { answerServerErrors, guardBotResponse } from './internal-error.js';
import { jsonBody } from './json-body.js';
import { answerClientErrors, securityHeaders } from './security-headers.js';

/** Largest request body accepted on any endpoint (an activity is a few kB; this leaves room for cards). */
export const MAX_BODY_BYTES = 256 * 1024;

/** What `/readyz` reports. */
export interface Readiness {
  ready: boolean;
  articles?: number;
  skippedFiles?: KnowledgeProblem[];
}

export interface AppDependencies {
  adapter: CloudAdapter;
  /** Runs one bot turn; the bot itself knows nothing of HTTP. */
  runTurn: (context: TurnContext) => Promise<void>;
  readiness: () => Readiness;
  logger: Logger;
  /**
   * Checks the Bot Framework token before the adapter sees the activity (with an app id configured). Any
   * failure — a bad token, or keys that cannot be fetched — answers 401: an activity that cannot be
   * authenticated is never processed, and no framework error text reaches the caller.
   */
  authenticate?: (activity: Activity, authHeader: string) => Promise<void>;
}

/**
 * The HTTP surface of the bot (restify): the Bot Framework endpoint and the health probes.
 * Every request gets a request id (from `x-request-id` or new), logged with method, path, status and
 * duration; bodies are never logged.
 */
export function createApp(deps: AppDependencies): Server {
  const { adapter, runTurn, readiness, logger } = deps;
  const server = restify.createServer({ name: 'ikz-assistent', handleUncaughtExceptions: false });
  const logFor = (req: Request) => requestContext.get(req)?.log ?? logger;

  server.pre(securityHeaders());
  answerClientErrors(server.server);
  answerServerErrors(server, logFor);
  server.pre((req: Request, res: Response, next) => {
    const header = req.header('x-request-id');
    const requestId = header && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
    requestContext.set(req, { log: logger.child({ requestId }), startedAt: process.hrtime.bigint() });
    res.setHeader('x-request-id', requestId);
    return next();
  });
  server.on('after', (req: Request, res: Response) => {
    const context = requestContext.get(req);
    if (!context) return;
    const ms = Math.round(Number(process.hrtime.bigint() - context.startedAt) / 1e4) / 100;
    // Direct Line clients without WebSocket poll every second: successful polls only at debug level.
    const poll = req.method === 'GET' && res.statusCode < 400 && /^\/v3\/directline\/conversations\/[^/]+\/activities$/.test(req.getPath());
    const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : poll ? 'debug' : 'info';
    context.log[level]({ method: req.method, path: req.getPath(), status: res.statusCode, ms }, 'HTTP request');
  });

  server.get('/healthz', (_req: Request, res: Response, next) => {
    res.send(200, { status: 'ok' });
    return next();
  });

  server.get('/readyz', (_req: Request, res: Response, next) => {
    const state = readiness();
    res.send(state.ready ? 200 : 503, {
      status: state.ready ? 'ready' : 'starting',
      articles: state.articles ?? 0,
      skippedFiles: (state.skippedFiles ?? []).map(({ file, reason }) => ({ file, reason })),
    });
    return next();
  });

  server.post(
    '/api/messages',
    requireJson,
    ...jsonBody({
      maxBytes: MAX_BODY_BYTES,
      refuse: (res, status, message) => {
        res.send(status, { error: message });
      },
    }),
    async (req: Request, res: Response) => {
      const invalid = activityShapeError(req.body);
      if (invalid) {
        res.send(400, { error: `Invalid activity: ${invalid}` });
        return;
      }
      if (deps.authenticate) {
        try {
          await deps.authenticate(req.body as Activity, req.header('authorization') ?? '');
        } catch (error) {
          requestContext.get(req)?.log.warn({ reason: (error as Error).message }, 'Activity refused: authentication failed');
          res.send(401, { error: 'Unauthorized' });
          return;
        }
      }
      if (!readiness().ready) {
        res.header('Retry-After', '5');
        res.send(503, { error: 'The bot is starting; try again in a few seconds.' });
        return;
      }
      await adapter.process(req, guardBotResponse(res, logFor(req)), runTurn);
    },
  );

  return server;
}

/** Per-request logger (with the request id) and start time, kept beside restify's own request object. */
const requestContext = new WeakMap<Request, { log: Logger; startedAt: bigint }>();

/** Rejects non-JSON bodies before parsing: the Bot Framework only sends `application/json`. */
function requireJson(req: Request, res: Response, next: restify.Next): void {
  if (!req.is('application/json')) {
    res.send(415, { error: 'Expected Content-Type: application/json' });
    return next(false);
  }
  return next();
}
