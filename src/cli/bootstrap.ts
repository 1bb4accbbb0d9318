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

/**
 * Loads `.env`, validates it, loads the knowledge base and wires the bot, as the server does; `now` is
 * the bot's clock (`--at`), the real clock when omitted.
 */
export async function bootstrapCli(onOutcome?: (outcome: TurnOutcome) => void, now?: () => Date): Promise<CliContext> {
  loadDotEnv();
  const config = loadConfig(process.env);
  // Terminal output belongs to the conversation; logs go to stderr, and only warnings unless asked for more.
  const level = ['debug', 'trace'].includes(config.logLevel) ? config.logLevel : 'warn';
  const logger = createLogger(level, process.stderr);
  const knowledge = await KnowledgeService.load(config.knowledgeDir, logger);
  const bundle = createBot({ knowledge, office: config.office, logger, onOutcome, now });
  return { config, logger, knowledge, bundle };
}

/** Runs a CLI main function: a ConfigError or other failure ends the process with one clear line. */
export function runCli(main: () => Promise<number | void>): void {
  // A reader that stops early (`npm run ask -- … | head`) closes the pipe: that ends the tool quietly, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      const message =
        error instanceof ConfigError || error instanceof UsageError ? error.message : `Error: ${(error as Error).message ?? String(error)}`;
      process.stderr.write(`${message}\n`);
      process.exitCode = error instanceof ConfigError ? 78 : error instanceof UsageError ? 64 : 1;
    },
  );
}

/** Thrown for a bad command line: the tool prints its usage and ends with 64. */
export class UsageError extends Error {}

/**
 * The `--at YYYY-MM-DD` option of the terminal tools: the bot's clock fixed at noon (German time) of
 * that day, so the programme's validity notice shows as on that day. Returns the other arguments.
 *
 * @example
 * ```ts
 * const { now, rest } = clockOption(['--at', '2027-01-10', '--json']); // now() → 2027-01-10 noon; rest: ['--json']
 * ```
 */
export function clockOption(args: readonly string[]): { now?: () => Date; rest: string[] } {
  const index = args.indexOf('--at');
  if (index < 0) return { rest: [...args] };
  const day = args[index + 1] ?? '';
  const instant = new Date(`${day}T12:00:00+01:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(instant.getTime()) || instant.toISOString().slice(0, 10) !== day) {
    throw new UsageError(`--at expects a date as YYYY-MM-DD (got "${day}")`);
  }
  return { now: () => new Date(instant), rest: args.filter((_, i) => i !== index && i !== index + 1) };
}
