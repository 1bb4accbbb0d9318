import { createBot, type BotBundle } from '../bot/create-bot.js';
import type { TurnOutcome } from '../bot/ikz-bot.js';
import { ConfigError, loadConfig, loadDotEnv, type AppConfig } from '../config/config.js';
import { KnowledgeService } from '../knowledge/knowledge-service.js';
import { createLogger, type Logger } from '../logging/logger.js';

/** What every terminal tool needs: configuration, a logger on stderr, the knowledge and the bot. */
export interface CliContext {
  config: AppConfig;
  logger: Logger;
  knowledge: KnowledgeService;
  bundle: BotBundle;
}

/** Loads `.env`, validates it, loads the knowledge base and wires the bot, as the server does. */
export async function bootstrapCli(onOutcome?: (outcome: TurnOutcome) => void): Promise<CliContext> {
  loadDotEnv();
  const config = loadConfig(process.env);
  // Terminal output belongs to the conversation; logs go to stderr, and only warnings unless asked for more.
  const level = ['debug', 'trace'].includes(config.logLevel) ? config.logLevel : 'warn';
  const logger = createLogger(level, process.stderr);
  const knowledge = await KnowledgeService.load(config.knowledgeDir, logger);
  const bundle = createBot({ knowledge, office: config.office, logger, onOutcome });
  return { config, logger, knowledge, bundle };
}

/** Runs a CLI main function: a ConfigError or other failure ends the process with one clear line. */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const message = error instanceof ConfigError ? error.message : `Error: ${(error as Error).message ?? String(error)}`;
      process.stderr.write(`${message}\n`);
      process.exitCode = error instanceof ConfigError ? 78 : 1;
    },
  );
}
