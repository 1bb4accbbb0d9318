// Entry point: wires configuration, logging, knowledge, bot, adapter and HTTP server (all wiring lives here).
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ResourceResponse,
  type TurnContext,
} from 'botbuilder';
import { createBot, type BotBundle } from './bot/create-bot.js';
import { AzureDirectLineTokens } from './channels/directline/azure-directline-tokens.js';
import { DIRECT_LINE_SERVICE_URL } from './channels/directline/directline-adapter.js';
import { DirectLineChannel } from './channels/directline/directline-channel.js';
import { DirectLineTokens, randomTokenSecret } from './channels/directline/directline-tokens.js';
import { KeyValueDirectLineStore } from './channels/directline/keyvalue-directline-store.js';
import { loadOrCreateTokenSecret } from './channels/directline/token-secret-file.js';
import { ConfigError, loadConfig, loadDotEnv, type AppConfig } from './config/config.js';
import { corsPolicy } from './http/cors.js';
import { ClientRateLimiter, clientAddress, rateLimit } from './http/rate-limit.js';
import { createApp, type Readiness } from './http/create-app.js';
import type { ProactiveSender } from './handoff/advisor-desk.js';
import { createEditorialReport } from './analytics/report-service.js';
import { AdvisorChannelCodes } from './handoff/advisor-channel-codes.js';
import { caseWebhook } from './handoff/case-webhook.js';
import { mountAdvisorRoutes } from './http/advisor-routes.js';
import { DIRECT_LINE_PREFIX, mountDirectLineRoutes } from './http/directline-routes.js';
import { attachDirectLineStream } from './http/directline-stream.js';
import { WEBCHAT_TOKEN_PATH, mountWebChatRoutes } from './http/webchat-routes.js';
import { KnowledgeService } from './knowledge/knowledge-service.js';
import { watchKnowledge } from './knowledge/knowledge-watcher.js';
import { createLogger, type Logger } from './logging/logger.js';
import { createStores, type Stores } from './storage/create-stores.js';

/** A running bot server. */
export interface RunningServer {
  port: number;
  /** Resolves once the knowledge base is loaded and `/readyz` answers 200. */
  ready: Promise<void>;
  /** Stops accepting requests and waits (at most `timeoutMs`) for running ones to finish. */
  close(timeoutMs?: number): Promise<void>;
}

/**
 * Starts the bot: the HTTP server listens at once (so `/healthz` answers during start-up), the
 * knowledge base is loaded next, and `/readyz` turns 200 when it is indexed.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const authentication = new ConfigurationBotFrameworkAuthentication(botAuthenticationOptions(config));
  const adapter = new CloudAdapter(authentication);
  if (!config.bot.appId) {
    logger.warn(
      'No MicrosoftAppId configured: running in LOCAL ANONYMOUS MODE without Bot Framework authentication. ' +
        'Fine for local testing; never expose this instance to the internet.',
    );
  }

  if (config.handoff.unsafeAllowUnauthenticatedAdvisors) {
    logger.warn(
      'UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS=true: ADVISOR ACTIONS ARE ACCEPTED WITHOUT AUTHENTICATION. Anyone who can reach ' +
        '/api/messages can claim and close cases, read the case data posted to the advisor channel and set that channel. ' +
        'Only for local tests and the playground; never on a reachable server.',
    );
  }

  // The knowledge base loads from here on, while storage opens and the server starts listening (its files are
  // read in the background); `ready` below waits for it. A failure surfaces there (`main` stops the process).
  const knowledgeLoading = KnowledgeService.load(config.knowledgeDir, logger, { cacheDir: config.knowledgeCacheDir });
  knowledgeLoading.catch(() => {});
  // Read (or created) first: a damaged secret file stops the start before anything is opened.
  const secret = await tokenSecret(config, logger);
  // All state on the configured backend (SQLite file by default), so a restart loses nothing.
  const stores = await createStores(config.storage, logger);
  logger.info({ backend: stores.backend, dataDir: stores.backend === 'sqlite' ? config.storage.dataDir : undefined }, 'Storage ready');
  const channelCodes = new AdvisorChannelCodes(stores.documents);

  let readiness: Readiness = { ready: false };
  let watcher: { close(): void } | undefined;
  let knowledgeService: KnowledgeService | undefined;
  let runTurn: ((context: TurnContext) => Promise<void>) | undefined;
  let bundle: BotBundle | undefined;
  const turn = async (context: TurnContext) => {
    if (!runTurn) throw new Error('Bot is not ready');
    await runTurn(context);
  };
  const server = createApp({
    adapter,
    runTurn: turn,
    readiness: () => readiness,
    logger,
    authenticate: config.bot.appId
      ? async (activity, authHeader) => {
          await authentication.authenticateRequest(activity, authHeader);
        }
      : undefined,
  });

  // Web chat: the self-hosted Direct Line channel runs the same bot in-process; conversations stay here.
  const webChat = config.webChat;
  const tokens = new DirectLineTokens(secret, webChat.tokenTtlSeconds);
  // Idle conversations outlive their last token by one token lifetime, then they are deleted.
  const storeLimits = { idleTtlMs: 2 * webChat.tokenTtlSeconds * 1000, maxConversations: webChat.maxConversations };
  const directLine = new DirectLineChannel({
    // Persisted with everything else (in memory only with STORAGE_BACKEND=memory).
    store: new KeyValueDirectLineStore(stores.documents, storeLimits),
    // Several instances share the Blob store: live streams then also read what other instances wrote.
    sharedStorePollMs: stores.backend === 'blob' ? 1000 : undefined,
    runTurn: turn,
    logger,
    onConversationRemoved: async (context) => {
      await bundle?.forgetConversation(context);
    },
  });
  const azureTokens = webChat.directLineSecret ? new AzureDirectLineTokens(webChat.directLineSecret, webChat.directLineDomain) : undefined;
  // Origin checks and rate limits apply to the route that serves a request, however its path is spelt.
  const cors = corsPolicy([WEBCHAT_TOKEN_PATH, DIRECT_LINE_PREFIX], webChat.corsOrigins);
  server.pre(cors.preflight);
  server.use(cors.check);
  // Abuse protection per client: every Direct Line call (WebSocket upgrades included), and (much tighter)
  // new conversations.
  const limits = config.rateLimit;
  const requestLimiter = new ClientRateLimiter(limits.requestsPerSecond, limits.requestBurst);
  server.use(rateLimit({ limiter: requestLimiter, routes: [DIRECT_LINE_PREFIX], trustProxy: limits.trustProxy }));
  const conversationLimiter = new ClientRateLimiter(limits.conversationsPerHour / 3600, limits.conversationBurst);
  server.use(rateLimit({ limiter: conversationLimiter, routes: [WEBCHAT_TOKEN_PATH], trustProxy: limits.trustProxy }));
  mountAdvisorRoutes(server, {
    cases: () => bundle?.cases,
    apiKey: config.handoff.advisorApiKey,
    channelCodes,
    trustProxy: limits.trustProxy,
    logger,
    report: (period) =>
      bundle && knowledgeService ? createEditorialReport(bundle.analytics, knowledgeService, period, config.kbMaxAgeDays) : undefined,
  });
  mountWebChatRoutes(server, {
    issueToken: () => (azureTokens ? azureTokens.issueForNewConversation() : tokens.issueForNewConversation()),
    office: config.office,
    privacyUrl: webChat.privacyUrl,
    logger,
  });
  mountDirectLineRoutes(server, { channel: directLine, tokens, ready: () => readiness.ready, logger });
  const stream = attachDirectLineStream(server.server, {
    channel: directLine,
    tokens,
    corsOrigins: webChat.corsOrigins,
    logger,
    rateLimit: (req) => requestLimiter.take(clientAddress(req, limits.trustProxy)),
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const port = server.address().port;
  logger.info({ port, host: config.host, node: process.version }, `IKZ-Assistent listening on http://${config.host}:${port}/api/messages`);
  logger.info(`Web chat demo page on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/`);

  // Proactive messages (advisor relay): into the self-hosted web chat in-process, elsewhere via the Bot Connector.
  const proactive: ProactiveSender = async (reference, activities) => {
    let responses: ResourceResponse[] = [];
    const send = async (context: TurnContext) => {
      responses = await context.sendActivities(activities);
    };
    if (reference.serviceUrl === DIRECT_LINE_SERVICE_URL) await directLine.adapter.continueConversation(reference, send);
    else await adapter.continueConversationAsync(config.bot.appId, reference, send);
    return responses;
  };

  const ready = (async () => {
    const knowledge = await knowledgeLoading;
    knowledgeService = knowledge;
    const created = createBot({
      knowledge,
      office: config.office,
      logger,
      storage: stores.botState,
      documents: stores.documents,
      proactive,
      tenantId: config.bot.tenantId || undefined,
      advisors: {
        channelAllowList: config.handoff.advisorChannelAllow,
        channelCodes,
        allowUnauthenticatedAdvisors: config.handoff.unsafeAllowUnauthenticatedAdvisors,
      },
      handoff: {
        officeHours: config.handoff.officeHours,
        privacyUrl: config.webChat.privacyUrl,
        onCaseCreated: config.handoff.webhookUrl ? caseWebhook(config.handoff.webhookUrl, logger) : undefined,
      },
    });
    adapter.onTurnError = created.onTurnError;
    directLine.adapter.onTurnError = created.onTurnError;
    bundle = created;
    runTurn = (context) => created.bot.run(context);
    readiness = {
      ready: true,
      articles: knowledge.articleCount,
      skippedFiles: knowledge.problems.filter((p) => p.severity === 'error'),
    };
    logger.info({ articles: knowledge.articleCount }, 'IKZ-Assistent ready');
    // One question in the background sets up what the analyser loads on first use (the hyphenation
    // patterns), so the first user does not wait for it.
    setImmediate(() => knowledge.answer('Förderanträge für Zweckverbände'));
    if (config.knowledgeWatch) {
      watcher = watchKnowledge(config.knowledgeDir, knowledge, logger, {
        onReload: () => {
          readiness = {
            ...readiness,
            articles: knowledge.articleCount,
            skippedFiles: knowledge.problems.filter((p) => p.severity === 'error'),
          };
        },
      });
    }
  })();

  const retention = scheduleRetention(stores, config.storage.retentionDays, logger);

  return {
    port,
    ready,
    close: async (timeoutMs = 10_000) => {
      readiness = { ...readiness, ready: false };
      clearInterval(retention);
      watcher?.close();
      stream.close();
      directLine.close();
      const closed = new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      server.server.closeIdleConnections();
      const timer = setTimeout(() => server.server.closeAllConnections(), timeoutMs);
      await closed;
      clearTimeout(timer);
      await stores.close();
    },
  };
}

/**
 * The secret that signs the web chat's tokens: `DIRECT_LINE_TOKEN_SECRET`, else the one kept in `DATA_DIR`
 * (created on first start), so open chats survive a restart. With `STORAGE_BACKEND=memory` the conversations
 * end with the process anyway, so a random secret of the process is enough (and nothing is written).
 */
async function tokenSecret(config: AppConfig, logger: Logger): Promise<string | Uint8Array> {
  if (config.webChat.tokenSecret) return config.webChat.tokenSecret;
  if (config.storage.backend === 'memory') return randomTokenSecret();
  const stored = await loadOrCreateTokenSecret(config.storage.dataDir);
  if (stored.created) logger.info({ path: stored.path }, 'Created the web chat token secret (file mode 0600); keep it with the data');
  if (stored.madePrivate)
    logger.warn({ path: stored.path }, 'The web chat token secret was readable by others; made it private (mode 0600)');
  if (config.storage.backend === 'blob') {
    logger.warn(
      { path: stored.path },
      'No DIRECT_LINE_TOKEN_SECRET configured: each instance signs web chat tokens with its own secret from DATA_DIR. ' +
        'Set the same DIRECT_LINE_TOKEN_SECRET on every instance.',
    );
  }
  return stored.secret;
}

/** How often the retention job runs. */
const RETENTION_INTERVAL_MS = 6 * 60 * 60 * 1000;

/**
 * Deletes what is older than the retention period (conversation state, transcripts, cases, Direct
 * Line logs): once at start-up and then every few hours.
 */
function scheduleRetention(stores: Stores, days: number, logger: Logger): NodeJS.Timeout {
  const run = () =>
    stores.purgeOlderThan(days).then(
      (deleted) => deleted > 0 && logger.info({ deleted, days }, 'Retention: deleted entries older than the retention period'),
      (error: unknown) => logger.error({ err: error }, 'Retention job failed'),
    );
  void run();
  const timer = setInterval(() => void run(), RETENTION_INTERVAL_MS);
  timer.unref();
  return timer;
}

/** Bot Framework authentication settings from the validated configuration. */
export function botAuthenticationOptions(config: AppConfig): ConfigurationBotFrameworkAuthenticationOptions {
  return {
    MicrosoftAppId: config.bot.appId,
    MicrosoftAppPassword: config.bot.appPassword,
    MicrosoftAppType: config.bot.appType,
    MicrosoftAppTenantId: config.bot.tenantId,
  };
}

/** The process: `.env`, configuration (exit 78 when invalid), logger, server and signal handling. */
export async function main(): Promise<void> {
  loadDotEnv();
  let config: AppConfig;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'Unhandled promise rejection'));
  const running = await startServer(config, logger);
  running.ready.catch((error: unknown) => {
    logger.fatal({ err: error }, 'Could not load the knowledge base; stopping');
    process.exit(1);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'Shutting down: finishing running requests');
    running.close().then(
      () => {
        logger.info('Stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'Error during shutdown');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Runs {@link main}; a failure before the logger exists goes to stderr with exit code 1. */
export function runMain(): void {
  main().catch((error: unknown) => {
    process.stderr.write(`Start-up failed: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}
