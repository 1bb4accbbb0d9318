import { timingSafeEqual } from 'node:crypto';
import restify, { type Next, type Request, type Response, type Server } from 'restify';
import type { AdvisorChannelCodes } from '../handoff/advisor-channel-codes.js';
import { CaseError, type CaseService } from '../handoff/case-service.js';
import { isCaseNumber, type CaseStatus } from '../handoff/handoff-case.js';
import { reportPeriod } from '../analytics/report-service.js';
import type { Logger } from '../logging/logger.js';
import { clientAddress } from './rate-limit.js';

export interface AdvisorRouteDependencies {
  /** The case service once the bot is ready. */
  cases: () => CaseService | undefined;
  /** Bearer key; empty switches the API off. */
  apiKey: string;
  /** The editorial report for a period, once the bot is ready. */
  report?: (period: {
    from: Date;
    to: Date;
  }) => Promise<{ report: unknown; markdown: (chartFile?: string) => string; chartSvg: () => Promise<string> }> | undefined;
  /** One-time codes for setting the advisor channel (`POST /api/advisor/channel-code`). */
  channelCodes?: AdvisorChannelCodes;
  /** Behind a trusted reverse proxy the client address is the last one in X-Forwarded-For. */
  trustProxy?: boolean;
  /** Wrong keys a client may present before it is locked out, and for how long (defaults: 5, 15 minutes). */
  failureLimit?: { attempts: number; lockMs: number };
  now?: () => number;
  logger: Logger;
}

const STATUSES: CaseStatus[] = ['open', 'claimed', 'closed'];
const DEFAULT_FAILURE_LIMIT = { attempts: 5, lockMs: 15 * 60 * 1000 };

/**
 * The advisor API for back-office tools: `GET /api/cases[?status=]`, `GET /api/cases/:id`,
 * `POST /api/cases/:id/claim` (body `{ "advisor": "Name" }`), `POST /api/cases/:id/close`, `GET /api/report`
 * and `POST /api/advisor/channel-code`. Every call needs `Authorization: Bearer <ADVISOR_API_KEY>`, checked
 * before anything else (the body is read only after it): a wrong or missing key gets 401 and nothing else; a
 * client with too many wrong keys gets 429 with `Retry-After` — even with the right key — until its lock ends.
 */
export function mountAdvisorRoutes(server: Server, deps: AdvisorRouteDependencies): void {
  const limit = deps.failureLimit ?? DEFAULT_FAILURE_LIMIT;
  const failures = new FailureLimit(limit, deps.now ?? Date.now);
  /** First in every chain: the API switch, the lock-out and the key. */
  const authenticate = (req: Request, res: Response, next: Next) => {
    if (!deps.apiKey) {
      res.send(404, { error: 'The advisor API is switched off (set ADVISOR_API_KEY).' });
      return next(false);
    }
    const client = clientAddress(req, deps.trustProxy ?? false);
    const locked = failures.lockedFor(client);
    if (locked > 0) {
      res.header('Retry-After', String(Math.ceil(locked / 1000)));
      res.send(429, { error: 'Too many wrong advisor API keys from this client; try again later.' });
      return next(false);
    }
    const header = req.header('authorization');
    if (!authorized(header, deps.apiKey)) {
      // Only a presented key is a guess; a request without one (a probe, a misconfigured tool) does not count.
      if (header && failures.fail(client))
        deps.logger.warn(
          { client, lockMinutes: Math.round(limit.lockMs / 60_000) },
          'Advisor API: client locked out after too many wrong keys',
        );
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'Missing or wrong advisor API key.' });
      return next(false);
    }
    failures.succeed(client);
    return next();
  };
  const guard = (handler: (req: Request, res: Response, cases: CaseService) => Promise<void>) => async (req: Request, res: Response) => {
    const cases = deps.cases();
    if (!cases) {
      res.header('Retry-After', '5');
      res.send(503, { error: 'The bot is starting; try again in a few seconds.' });
      return;
    }
    try {
      await handler(req, res, cases);
    } catch (error) {
      if (error instanceof CaseError) {
        res.send(error.reason === 'not_found' ? 404 : 409, { error: error.message });
        return;
      }
      deps.logger.error({ err: error }, 'Advisor API request failed');
      res.send(500, { error: 'Internal error' });
    }
  };
  const caseId = (req: Request, res: Response): string | undefined => {
    const id = String(req.params.id ?? '');
    if (isCaseNumber(id)) return id;
    res.send(400, { error: 'Expected a case number like IKZ-2026-0001.' });
    return undefined;
  };

  server.get(
    '/api/cases',
    authenticate,
    guard(async (req, res, cases) => {
      const status = new URLSearchParams(String(req.getQuery() ?? '')).get('status') ?? undefined;
      if (status !== undefined && !STATUSES.includes(status as CaseStatus)) {
        res.send(400, { error: `Expected status to be one of ${STATUSES.join(', ')}.` });
        return;
      }
      res.send(200, { cases: await cases.list(status as CaseStatus | undefined) });
    }),
  );
  server.get(
    '/api/report',
    authenticate,
    guard(async (req, res) => {
      const query = new URLSearchParams(String(req.getQuery() ?? ''));
      let period: { from: Date; to: Date };
      try {
        period = reportPeriod(query.get('from') ?? undefined, query.get('to') ?? undefined);
      } catch (error) {
        res.send(400, { error: (error as Error).message });
        return;
      }
      const result = await deps.report?.(period);
      if (!result) {
        res.send(503, { error: 'The report is not available yet.' });
        return;
      }
      const format = query.get('format') ?? 'json';
      if (format === 'markdown') {
        res.setHeader('content-type', 'text/markdown; charset=utf-8');
        res.sendRaw(200, result.markdown());
      } else if (format === 'svg') {
        res.setHeader('content-type', 'image/svg+xml');
        res.sendRaw(200, await result.chartSvg());
      } else if (format === 'json') {
        res.send(200, result.report);
      } else {
        res.send(400, { error: 'Expected format json, markdown or svg.' });
      }
    }),
  );
  server.get(
    '/api/cases/:id',
    authenticate,
    guard(async (req, res, cases) => {
      const id = caseId(req, res);
      if (!id) return;
      const found = await cases.get(id);
      if (found) res.send(200, found);
      else res.send(404, { error: `Case ${id} not found` });
    }),
  );
  server.post(
    '/api/cases/:id/claim',
    authenticate,
    restify.plugins.bodyParser({ maxBodySize: 4096, mapParams: false }),
    guard(async (req, res, cases) => {
      const id = caseId(req, res);
      if (!id) return;
      const advisor =
        typeof (req.body as { advisor?: unknown } | undefined)?.advisor === 'string'
          ? String((req.body as { advisor: string }).advisor)
              .trim()
              .slice(0, 100)
          : '';
      res.send(200, await cases.claim(id, advisor || 'Beratung'));
    }),
  );
  server.post(
    '/api/cases/:id/close',
    authenticate,
    guard(async (req, res, cases) => {
      const id = caseId(req, res);
      if (!id) return;
      res.send(200, await cases.close(id));
    }),
  );
  server.post('/api/advisor/channel-code', authenticate, async (_req: Request, res: Response) => {
    if (!deps.channelCodes) {
      res.send(404, { error: 'One-time codes for the advisor channel are not available.' });
      return;
    }
    const issued = await deps.channelCodes.issue();
    deps.logger.info({ expiresAt: issued.expiresAt }, 'Advisor API: one-time code for the advisor channel issued');
    res.header('Cache-Control', 'no-store');
    res.send(201, {
      ...issued,
      usage: `Post "@IKZ-Assistent Beratungskanal ${issued.code}" in the Teams channel before the code expires.`,
    });
  });
}

/**
 * Wrong keys per client: after `attempts` wrong keys in a row the client is locked for `lockMs` (every
 * request, the right key included, gets 429). A right key resets the count. At most 10,000 clients are
 * tracked (the oldest entry goes first), so a flood of addresses cannot exhaust memory.
 */
class FailureLimit {
  private readonly clients = new Map<string, { failures: number; lockedUntil: number }>();

  constructor(
    private readonly limit: { attempts: number; lockMs: number },
    private readonly now: () => number,
  ) {}

  /** Milliseconds the client is still locked (0 when it is not). */
  lockedFor(client: string): number {
    const entry = this.clients.get(client);
    if (!entry || entry.lockedUntil === 0) return 0;
    const left = entry.lockedUntil - this.now();
    if (left > 0) return left;
    this.clients.delete(client);
    return 0;
  }

  /** Counts a wrong key; `true` when this one locked the client. */
  fail(client: string): boolean {
    const entry = this.clients.get(client) ?? { failures: 0, lockedUntil: 0 };
    this.clients.delete(client);
    if (this.clients.size >= 10_000) this.clients.delete(this.clients.keys().next().value!);
    entry.failures += 1;
    if (entry.failures >= this.limit.attempts) entry.lockedUntil = this.now() + this.limit.lockMs;
    this.clients.set(client, entry);
    return entry.lockedUntil > 0;
  }

  succeed(client: string): void {
    this.clients.delete(client);
  }
}

/** Constant-time comparison of the presented bearer key with the configured one. */
function authorized(header: string | undefined, key: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
