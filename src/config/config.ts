import { z } from 'zod';

/**
 * Validated runtime configuration of the IKZ-Assistent.
 *
 * Every value comes from the environment (`.env`, documented in `.env.example`) and is checked once
 * at start-up, so a typo stops the process with one clear line instead of failing later mid-conversation.
 *
 * @example
 * ```ts
 * const config = loadConfig(process.env); // throws ConfigError on a bad value
 * console.log(config.port); // 3978
 * ```
 */
export interface AppConfig {
  port: number;
  host: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  knowledgeDir: string;
  kbMaxAgeDays: number;
  bot: {
    /** Empty string means local anonymous mode (no Bot Framework authentication). */
    appId: string;
    appPassword: string;
    appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
    tenantId: string;
  };
  office: {
    name: string;
    phone: string;
    email: string;
    url: string;
  };
}

/** Thrown for an invalid environment; `message` is a single line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const emptyToUndefined = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const optionalText = (fallback: string) => z.preprocess(emptyToUndefined, z.string().trim().default(fallback));
const integer = (fallback: number, min: number, max: number, what: string) =>
  z.preprocess(
    emptyToUndefined,
    z.coerce
      .number({ error: `expected ${what}` })
      .int({ error: `expected ${what}` })
      .min(min, { error: `expected ${what}` })
      .max(max, { error: `expected ${what}` })
      .default(fallback),
  );
const httpUrl = (fallback: string) =>
  z.preprocess(
    emptyToUndefined,
    z
      .string()
      .trim()
      .refine((v) => /^https?:\/\/\S+$/i.test(v), { error: 'expected an http(s) URL' })
      .default(fallback),
  );

/** The environment variables the bot reads, with their defaults (documented in `.env.example`). */
const envSchema = z
  .object({
    PORT: integer(3978, 0, 65535, 'an integer port between 0 and 65535 (0 = any free port)'),
    HOST: optionalText('0.0.0.0'),
    LOG_LEVEL: z.preprocess(
      emptyToUndefined,
      z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info'),
    ),
    KNOWLEDGE_DIR: optionalText('knowledge'),
    KB_MAX_AGE_DAYS: integer(730, 1, 36500, 'a whole number of days between 1 and 36500'),
    MicrosoftAppId: optionalText(''),
    MicrosoftAppPassword: optionalText(''),
    MicrosoftAppType: z.preprocess(
      emptyToUndefined,
      z.enum(APP_TYPES, { error: `expected one of ${APP_TYPES.join(', ')}` }).default('MultiTenant'),
    ),
    MicrosoftAppTenantId: optionalText(''),
    OFFICE_NAME: optionalText('Kommunale Beratungs- und Unterstützungsstelle – Partner der Kommunen'),
    OFFICE_PHONE: optionalText('0611 353-1529'),
    OFFICE_EMAIL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .refine((v) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v), { error: 'expected an e-mail address' })
        .default(''),
    ),
    OFFICE_URL: httpUrl('https://beratungszentrum.hessen.de/'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'expected a client secret when MicrosoftAppId is set (or MicrosoftAppType=UserAssignedMSI)',
      });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppTenantId'],
        message: 'expected the Entra tenant id when MicrosoftAppType=SingleTenant',
      });
    }
  });

/**
 * Reads and validates the configuration from an environment object (pure: pass `process.env`).
 *
 * @throws ConfigError with one line such as `Invalid configuration: PORT: expected an integer port … (got "abc")`.
 */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = env[variable];
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(variable.includes('Password') ? '***' : got)})`;
    throw new ConfigError(`Invalid configuration: ${variable}: ${issue.message}${shown}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    kbMaxAgeDays: e.KB_MAX_AGE_DAYS,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    office: { name: e.OFFICE_NAME, phone: e.OFFICE_PHONE, email: e.OFFICE_EMAIL, url: e.OFFICE_URL },
  };
}

/** Loads `.env` from the working directory if present (Node's built-in parser; real env vars win). */
export function loadDotEnv(path = '.env'): void {
  try {
    process.loadEnvFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
