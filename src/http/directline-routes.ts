import type restify from 'restify';
import type { Request, Response, Server } from 'restify';
import { isLocale, readClientActivity } from '../channels/directline/activity-input.js';
import type { DirectLineChannel } from '../channels/directline/directline-channel.js';
import { TokenError, type DirectLineTokens, type IssuedToken, type TokenClaims } from '../channels/directline/directline-tokens.js';
import type { Logger } from '../logging/logger.js';
import { jsonBody } from './json-body.js';
import { publicOrigin, queryOf, routeParam } from './request-url.js';

/** Path prefix of the Direct Line 3.0 API. */
export const DIRECT_LINE_PREFIX = '/v3/directline';

/** Largest activity a Direct Line client may post (a chat message with its channel data is a few kB). */
export const MAX_DIRECT_LINE_BODY_BYTES = 32 * 1024;

export interface DirectLineRouteDependencies {
  channel: DirectLineChannel;
  tokens: DirectLineTokens;
  /** Whether the bot can take turns (the knowledge base is loaded). */
  ready: () => boolean;
  logger: Logger;
}

/**
 * The Direct Line 3.0 REST API of the self-hosted channel (the WebSocket stream is in `directline-stream.ts`).
 * Every call needs a token from `/api/webchat/token` (`Authorization: Bearer …`): expired or forged → 401,
 * a token of another conversation → 403, an unknown conversation → 404.
 */
export function mountDirectLineRoutes(server: Server, deps: DirectLineRouteDependencies): void {
  const { channel, tokens } = deps;
  const body = jsonBody({
    maxBytes: MAX_DIRECT_LINE_BODY_BYTES,
    refuse: (res, status, message) => sendError(res, status, 'BadArgument', message),
  });

  server.post(`${DIRECT_LINE_PREFIX}/conversations`, ...body, async (req: Request, res: Response) => {
    const auth = await authorize(req, res, tokens);
    if (!auth) return;
    const { claims, token } = auth;
    if (!deps.ready()) return notReady(res);
    const requested = (req.body as { locale?: unknown } | undefined)?.locale;
    const locale = typeof requested === 'string' && isLocale(requested) ? requested : 'de-DE';
    const { created, full } = await channel.startConversation(claims.conversationId, claims.userId, locale);
    if (full) {
      // Every conversation is in use: refuse the new one rather than end someone else's.
      res.header('Retry-After', String(Math.max(1, Math.ceil(full.retryAfterMs / 1000))));
      return sendError(res, 503, 'ServiceUnavailable', 'The chat is busy right now; please try again later.');
    }
    res.header('Cache-Control', 'no-store');
    res.send(created ? 201 : 200, {
      conversationId: claims.conversationId,
      token,
      expires_in: tokens.secondsLeft(claims),
      streamUrl: streamUrl(req, claims.conversationId, token),
    });
  });

  // Reconnect: a fresh token and a stream URL that replays everything after the watermark.
  server.get(`${DIRECT_LINE_PREFIX}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const claims = (await authorize(req, res, tokens, routeParam(req, 'conversationId')))?.claims;
    if (!claims) return;
    const watermark = parseWatermark(req, res);
    if (watermark === undefined) return;
    const fresh = await renewToken(res, deps, claims);
    if (!fresh) return;
    res.header('Cache-Control', 'no-store');
    res.send(200, { ...fresh, streamUrl: streamUrl(req, claims.conversationId, fresh.token, watermark) });
  });

  server.post(
    `${DIRECT_LINE_PREFIX}/conversations/:conversationId/activities`,
    requireJson,
    ...body,
    async (req: Request, res: Response) => {
      const claims = (await authorize(req, res, tokens, routeParam(req, 'conversationId')))?.claims;
      if (!claims) return;
      if (!deps.ready()) return notReady(res);
      const input = readClientActivity(req.body);
      if (!input.ok) return sendError(res, 400, 'BadArgument', input.error);
      const id = await channel.postActivity(claims.conversationId, claims.userId, input.activity);
      if (id === undefined) return notFound(res);
      res.send(200, { id });
    },
  );

  server.get(`${DIRECT_LINE_PREFIX}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const claims = (await authorize(req, res, tokens, routeParam(req, 'conversationId')))?.claims;
    if (!claims) return;
    const watermark = parseWatermark(req, res);
    if (watermark === undefined) return;
    const page = await channel.activitiesAfter(claims.conversationId, watermark);
    if (!page) return notFound(res);
    res.header('Cache-Control', 'no-store');
    res.send(200, { activities: page.activities, watermark: String(page.watermark) });
  });

  server.post(`${DIRECT_LINE_PREFIX}/tokens/refresh`, async (req: Request, res: Response) => {
    const claims = (await authorize(req, res, tokens))?.claims;
    if (!claims) return;
    const fresh = await renewToken(res, deps, claims);
    if (!fresh) return;
    res.header('Cache-Control', 'no-store');
    res.send(200, fresh);
  });
}

/**
 * A fresh token for a live conversation, bounded by the conversation's own expiry and the token chain's
 * maximum age; otherwise the 404 (no such conversation) or 401 (nothing left to renew) is sent.
 */
async function renewToken(res: Response, deps: DirectLineRouteDependencies, claims: TokenClaims): Promise<IssuedToken | undefined> {
  const record = await deps.channel.getConversation(claims.conversationId);
  if (!record) {
    notFound(res);
    return undefined;
  }
  const fresh = await deps.tokens.renew(claims, deps.channel.expiresAt(record) / 1000);
  if (!fresh) sendError(res, 401, 'TokenExpired', 'The token can no longer be renewed; please start a new conversation.');
  return fresh;
}

/**
 * The token and its claims when the request carries a valid token for `conversationId` (when given);
 * otherwise the 401/403 is sent and `undefined` returned.
 */
async function authorize(
  req: Request,
  res: Response,
  tokens: DirectLineTokens,
  conversationId?: string,
): Promise<{ claims: TokenClaims; token: string } | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.header('authorization') ?? '');
  if (!match) {
    sendError(res, 401, 'TokenMissing', 'A token is required (Authorization: Bearer …).');
    return undefined;
  }
  let claims: TokenClaims;
  try {
    claims = await tokens.verify(match[1]!);
  } catch (error) {
    const expired = error instanceof TokenError && error.reason === 'expired';
    sendError(res, 401, expired ? 'TokenExpired' : 'TokenInvalid', expired ? 'The token has expired.' : 'The token is not valid.');
    return undefined;
  }
  if (conversationId !== undefined && conversationId !== claims.conversationId) {
    sendError(res, 403, 'Forbidden', 'The token is not valid for this conversation.');
    return undefined;
  }
  return { claims, token: match[1]! };
}

/** `?watermark=` as a number (missing or empty = from the start); a malformed one gets a 400. */
function parseWatermark(req: Request, res: Response): number | undefined {
  const raw = queryOf(req).get('watermark') ?? '';
  if (raw === '') return 0;
  if (!/^\d{1,15}$/.test(raw)) {
    sendError(res, 400, 'BadArgument', 'The watermark must be a number.');
    return undefined;
  }
  return Number(raw);
}

/** The WebSocket URL of a conversation's activity stream (token in `t`, as Direct Line does). */
function streamUrl(req: Request, conversationId: string, token: string, watermark?: number): string {
  const origin = publicOrigin(req).replace(/^http/, 'ws');
  const query = new URLSearchParams({ ...(watermark ? { watermark: String(watermark) } : {}), t: token });
  return `${origin}${DIRECT_LINE_PREFIX}/conversations/${encodeURIComponent(conversationId)}/stream?${query}`;
}

function requireJson(req: Request, res: Response, next: restify.Next): void {
  if (!req.is('application/json')) {
    sendError(res, 415, 'BadArgument', 'Expected Content-Type: application/json');
    return next(false);
  }
  return next();
}

function notReady(res: Response): void {
  res.header('Retry-After', '5');
  sendError(res, 503, 'ServiceUnavailable', 'The bot is starting; try again in a few seconds.');
}

function notFound(res: Response): void {
  sendError(res, 404, 'BadArgument', 'Conversation not found (it may have expired).');
}

/** Direct Line's error shape: `{ "error": { "code", "message" } }`. */
function sendError(res: Response, status: number, code: string, message: string): void {
  res.send(status, { error: { code, message } });
}
