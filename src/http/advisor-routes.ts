import { timingSafeEqual } from 'node:crypto';
import restify, { type Request, type Response, type Server } from 'restify';
import { CaseError, type CaseService } from '../handoff/case-service.js';
import { isCaseNumber, type CaseStatus } from '../handoff/handoff-case.js';
import { reportPeriod } from '../analytics/report-service.js';
import type { Logger } from '../logging/logger.js';

export interface AdvisorRouteDependencies {
  /** The case service once the bot is ready. */
  cases: () => CaseService | undefined;
  /** Bearer key; empty switches the API off. */
  apiKey: string;
  /** The editorial report for a period, once the bot is ready. */
  report?: (period: { from: Date; to: Date }) => Promise<{ report: unknown; markdown: (chartFile?: string) => string; chartSvg: () => Promise<string> }> | undefined;
  logger: Logger;
}

const STATUSES: CaseStatus[] = ['open', 'claimed', 'closed'];

/**
 * The advisor API for back-office tools: `GET /api/cases[?status=]`, `GET /api/cases/:id`,
 * `POST /api/cases/:id/claim` (body `{ "advisor": "Name" }`) and `POST /api/cases/:id/close`.
 * Every call needs `Authorization: Bearer <ADVISOR_API_KEY>`; a wrong or missing key gets 401 and nothing else.
 */
export function mountAdvisorRoutes(server: Server, deps: AdvisorRouteDependencies): void {
  const guard = (handler: (req: Request, res: Response, cases: CaseService) => Promise<void>) => async (req: Request, res: Response) => {
    if (!deps.apiKey) {
      res.send(404, { error: 'The advisor API is switched off (set ADVISOR_API_KEY).' });
      return;
    }
    if (!authorized(req.header('authorization'), deps.apiKey)) {
      res.header('WWW-Authenticate', 'Bearer');
      res.send(401, { error: 'Missing or wrong advisor API key.' });
      return;
    }
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
    restify.plugins.bodyParser({ maxBodySize: 4096, mapParams: false }),
    guard(async (req, res, cases) => {
      const id = caseId(req, res);
      if (!id) return;
      const advisor = typeof (req.body as { advisor?: unknown } | undefined)?.advisor === 'string' ? String((req.body as { advisor: string }).advisor).trim().slice(0, 100) : '';
      res.send(200, await cases.claim(id, advisor || 'Beratung'));
    }),
  );
  server.post(
    '/api/cases/:id/close',
    guard(async (req, res, cases) => {
      const id = caseId(req, res);
      if (!id) return;
      res.send(200, await cases.close(id));
    }),
  );
}

/** Constant-time comparison of the presented bearer key with the configured one. */
function authorized(header: string | undefined, key: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(header ?? '')?.[1]?.trim() ?? '';
  const a = Buffer.from(presented);
  const b = Buffer.from(key);
  return a.length === b.length && timingSafeEqual(a, b);
}
