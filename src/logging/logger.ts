import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Creates the structured JSON logger of the process (one error sink for everything).
 *
 * Rule for callers: user message text is logged at `debug` level only, never above, so production logs
 * (`info`) carry no personal data from conversations.
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  return pino(
    {
      level,
      base: { service: 'ikz-assistent' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: ['req.headers.authorization', '*.authorization', '*.token'], censor: '[redacted]' },
    },
    destination ?? process.stdout,
  );
}

/** A logger that discards everything (tests, CLI tools). */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
