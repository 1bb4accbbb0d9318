import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { DirectLineChannel } from '../channels/directline/directline-channel.js';
import { TokenError, type DirectLineTokens } from '../channels/directline/directline-tokens.js';
import type { Logger } from '../logging/logger.js';
import { originAllowed } from './cors.js';
import { DIRECT_LINE_PREFIX } from './directline-routes.js';
import { publicOrigin } from './request-url.js';
import { answerOnSocket } from './security-headers.js';

export interface DirectLineStreamDependencies {
  channel: DirectLineChannel;
  tokens: DirectLineTokens;
  corsOrigins: readonly string[];
  logger: Logger;
  /** Interval of the WebSocket ping that finds dead connections (default 30 s). */
  heartbeatMs?: number;
  /**
   * The client's request budget (shared with the Direct Line routes): 0 when the upgrade may go on, else the
   * seconds to wait (answered with 429).
   */
  rateLimit?: (req: IncomingMessage) => number;
}

const STREAM_PATH = new RegExp(`^${DIRECT_LINE_PREFIX}/conversations/([^/]+)/stream$`);

/**
 * Serves Direct Line's `streamUrl` on the HTTP server's `upgrade` event: after checking origin and token
 * (`?t=`), the client receives everything after `?watermark=` at once and then every new activity as
 * `{ "activities": [...], "watermark": "n" }`, the format of Direct Line's WebSocket stream.
 */
export function attachDirectLineStream(httpServer: HttpServer, deps: DirectLineStreamDependencies): { close(): void } {
  const { channel, tokens, logger } = deps;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 4096 });
  const alive = new WeakMap<WebSocket, boolean>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const match = STREAM_PATH.exec(url.pathname);
      if (!match) return answerOnSocket(socket, 404, 'Not Found');
      const origin = req.headers.origin;
      if (origin && !originAllowed(origin, publicOrigin(req), deps.corsOrigins)) return answerOnSocket(socket, 403, 'Forbidden');
      const wait = deps.rateLimit?.(req) ?? 0;
      if (wait > 0) return answerOnSocket(socket, 429, 'Too Many Requests', { 'Retry-After': String(wait) });
      let conversationId: string;
      let expiresAt: number;
      try {
        conversationId = decodeURIComponent(match[1]!);
        const claims = await tokens.verify(url.searchParams.get('t') ?? '');
        if (claims.conversationId !== conversationId) return answerOnSocket(socket, 403, 'Forbidden');
        expiresAt = claims.expiresAt;
      } catch (error) {
        return answerOnSocket(
          socket,
          error instanceof TokenError ? 401 : 400,
          error instanceof TokenError ? 'Unauthorized' : 'Bad Request',
        );
      }
      const rawWatermark = url.searchParams.get('watermark') ?? '';
      if (rawWatermark !== '' && !/^\d{1,15}$/.test(rawWatermark)) return answerOnSocket(socket, 400, 'Bad Request');
      if (!(await channel.getConversation(conversationId))) return answerOnSocket(socket, 404, 'Not Found');

      wss.handleUpgrade(req, socket, head, (ws) => {
        alive.set(ws, true);
        ws.on('pong', () => alive.set(ws, true));
        ws.on('message', () => undefined); // clients send "" as a keep-alive
        ws.on('error', (error) => logger.debug({ err: error, conversationId }, 'Direct Line stream error'));
        const pending = channel.connect(conversationId, Number(rawWatermark || 0), {
          push: (event) => {
            if (ws.readyState !== ws.OPEN) return;
            const message = event.transient
              ? { activities: event.activities }
              : { activities: event.activities, watermark: String(event.watermark) };
            ws.send(JSON.stringify(message));
          },
          close: () => ws.close(1000, 'Conversation ended'),
        });
        // The stream lives no longer than its token; the client reconnects with a refreshed one.
        const expiry = setTimeout(() => ws.close(1008, 'Token expired'), Math.max(0, expiresAt * 1000 - Date.now()));
        expiry.unref();
        ws.on('close', () => {
          clearTimeout(expiry);
          void pending.then((disconnect) => disconnect?.());
        });
        void pending.then((disconnect) => {
          if (!disconnect) ws.close(1011, 'Conversation not found');
        });
        logger.debug({ conversationId }, 'Direct Line stream connected');
      });
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'Direct Line stream upgrade failed');
      answerOnSocket(socket, 500, 'Internal Server Error');
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, deps.heartbeatMs ?? 30_000);
  heartbeat.unref();

  return {
    close: () => {
      clearInterval(heartbeat);
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.close(1001, 'Server stopping');
      wss.close();
      // A client that does not answer the close handshake must not hold up the shutdown.
      setTimeout(() => wss.clients.forEach((ws) => ws.terminate()), 1000).unref();
    },
  };
}
