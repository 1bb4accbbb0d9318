import { join } from 'node:path';
import { z } from 'zod';
import { parseAdvisorChannelAllow, type AdvisorChannelAllowList } from '../handoff/advisor-channel-allow.js';
import { parseOfficeHours, type OfficeHours } from '../handoff/office-hours.js';
import { projectRoot } from '../runtime/project-root.js';

/** The shipped knowledge base and the default data folder, wherever the process is started from. */
const DEFAULT_DATA_DIR = join(projectRoot(), 'data');
const DEFAULT_KNOWLEDGE_DIR = join(projectRoot(), 'knowledge');

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
  /** Reload the knowledge base when its files change (editors, no restart). */
  knowledgeWatch: boolean;
  /** Folder of saved knowledge snapshots (fast restarts), or `undefined` when switched off. */
  knowledgeCacheDir?: string;
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
  /** The web-chat widget and the self-hosted Direct Line channel. */
  webChat: {
    /**
     * HS256 secret of the widget's Direct Line tokens; empty = a secret created once and kept in
     * `DATA_DIR/directline-token-secret` (a random one per process with `STORAGE_BACKEND=memory`).
     */
    tokenSecret: string;
    /** Lifetime of a Direct Line token in seconds. */
    tokenTtlSeconds: number;
    /** Web-chat conversations kept at once; when all are in use, new ones get 503. */
    maxConversations: number;
    /** Site origins (`https://host[:port]`) allowed to call the token and Direct Line routes; empty = same origin only. */
    corsOrigins: string[];
    /** Privacy statement linked from the widget's notice. */
    privacyUrl: string;
    /** Azure Bot Service Direct Line secret; when set, `/api/webchat/token` exchanges it for Azure tokens. */
    directLineSecret: string;
    /** Azure Direct Line endpoint used with `directLineSecret`. */
    directLineDomain: string;
  };
  /** Where state lives (see `src/storage/create-stores.ts`). */
  storage: {
    backend: 'sqlite' | 'blob' | 'memory';
    /** Folder of the SQLite file. */
    dataDir: string;
    azureConnectionString: string;
    azureContainer: string;
    /** Conversation state, transcripts, cases and Direct Line logs older than this are deleted. */
    retentionDays: number;
  };
  /** Abuse protection of the public web-chat endpoints, per client address. */
  rateLimit: {
    /** Direct Line requests per second (steady) and at once (burst). */
    requestsPerSecond: number;
    requestBurst: number;
    /** New web-chat conversations (tokens) per client and hour, and at once. */
    conversationsPerHour: number;
    conversationBurst: number;
    /** Read the client address from X-Forwarded-For (only behind a trusted reverse proxy). */
    trustProxy: boolean;
  };
  /** Handing conversations to the office's advisors. */
  handoff: {
    officeHours: OfficeHours;
    /** Bearer key of the advisor API; empty = the API is switched off. */
    advisorApiKey: string;
    /** Optional JSON webhook notified of every new case. */
    webhookUrl: string;
    /** Teams channels and teams that may become the advisor channel without a one-time code; `undefined` = none. */
    advisorChannelAllow?: AdvisorChannelAllowList;
    /**
     * UNSAFE, local anonymous mode only: accept advisor actions (claim, close, relay, advisor channel, a hub's
     * `handoff.status`) from requests nobody authenticated. Off by default; refused with a `MicrosoftAppId`.
     */
    unsafeAllowUnauthenticatedAdvisors: boolean;
  };
}

/** Thrown for an invalid environment; `message` is a single line naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;

const emptyToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);

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
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(LOG_LEVELS, { error: `expected one of ${LOG_LEVELS.join(', ')}` }).default('info')),
    KNOWLEDGE_DIR: optionalText(DEFAULT_KNOWLEDGE_DIR),
    KNOWLEDGE_WATCH: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], { error: 'expected true or false' }).default('true')),
    KNOWLEDGE_CACHE_DIR: optionalText(''),
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
    DIRECT_LINE_TOKEN_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .min(32, { error: 'expected at least 32 characters (e.g. `openssl rand -base64 48`), or leave it empty' })
        .default(''),
    ),
    DIRECT_LINE_TOKEN_TTL_SECONDS: integer(
      1800,
      1200,
      86400,
      'a whole number of seconds between 1200 and 86400 (Web Chat renews its token every 15 minutes)',
    ),
    DIRECT_LINE_MAX_CONVERSATIONS: integer(1000, 1, 1000000, 'a whole number of conversations (1 or more)'),
    CORS_ORIGINS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('')
        .transform((v) =>
          v
            .split(',')
            .map((o) => o.trim().replace(/\/+$/, ''))
            .filter(Boolean),
        )
        .refine((origins) => origins.every((o) => /^https?:\/\/[^/\s?#@]+$/i.test(o)), {
          error: 'expected a comma-separated list of origins such as https://www.example.de (scheme and host, no path)',
        }),
    ),
    PRIVACY_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .refine((v) => /^https?:\/\/\S+$/i.test(v), { error: 'expected an http(s) URL' })
        .optional(),
    ),
    DIRECT_LINE_SECRET: optionalText(''),
    DIRECT_LINE_DOMAIN: httpUrl('https://directline.botframework.com/v3/directline'),
    STORAGE_BACKEND: z.preprocess(
      emptyToUndefined,
      z.enum(['sqlite', 'blob', 'memory'], { error: 'expected sqlite, blob or memory' }).default('sqlite'),
    ),
    DATA_DIR: optionalText(DEFAULT_DATA_DIR),
    AZURE_STORAGE_CONNECTION_STRING: optionalText(''),
    AZURE_STORAGE_CONTAINER: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .regex(/^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$/, {
          error: 'expected a container name (3–63 lower-case letters, digits, hyphens)',
        })
        .default('ikz-assistent'),
    ),
    RETENTION_DAYS: integer(90, 1, 3650, 'a whole number of days between 1 and 3650'),
    RATE_LIMIT_PER_SECOND: integer(10, 1, 100000, 'a whole number of requests per second (1 or more)'),
    RATE_LIMIT_BURST: integer(50, 1, 100000, 'a whole number of requests (1 or more)'),
    CONVERSATIONS_PER_HOUR: integer(120, 1, 1000000, 'a whole number of conversations per client and hour (1 or more)'),
    CONVERSATION_BURST: integer(20, 1, 100000, 'a whole number of conversations (1 or more)'),
    TRUST_PROXY: z.preprocess(emptyToUndefined, z.enum(['true', 'false'], { error: 'expected true or false' }).default('false')),
    OFFICE_HOURS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .default('Mo-Fr 08:00-16:00')
        .refine((v) => parseOfficeHours(v) !== undefined, { error: 'expected days and hours like "Mo-Fr 08:00-16:00"' }),
    ),
    ADVISOR_API_KEY: z.preprocess(
      emptyToUndefined,
      z.string().trim().min(24, { error: 'expected at least 24 characters, or leave it empty to switch the advisor API off' }).default(''),
    ),
    HANDOFF_WEBHOOK_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .trim()
        .refine((v) => /^https?:\/\/\S+$/i.test(v), { error: 'expected an http(s) URL' })
        .default(''),
    ),
    ADVISOR_CHANNEL_ALLOW: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .optional()
        .transform((v, ctx) => {
          if (v === undefined) return undefined;
          const parsed = parseAdvisorChannelAllow(v);
          if (typeof parsed !== 'string') return parsed;
          ctx.addIssue({ code: 'custom', message: parsed });
          return z.NEVER;
        }),
    ),
    UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS: z.preprocess(
      emptyToUndefined,
      z.enum(['true', 'false'], { error: 'expected true or false' }).default('false'),
    ),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
      ctx.addIssue({
        code: 'custom',
        path: ['MicrosoftAppPassword'],
        message: 'expected a client secret when MicrosoftAppId is set (or MicrosoftAppType=UserAssignedMSI)',
      });
    }
    if (env.STORAGE_BACKEND === 'blob' && !env.AZURE_STORAGE_CONNECTION_STRING) {
      ctx.addIssue({
        code: 'custom',
        path: ['AZURE_STORAGE_CONNECTION_STRING'],
        message: 'expected the storage account connection string when STORAGE_BACKEND=blob',
      });
    }
    if (env.UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS === 'true' && env.MicrosoftAppId) {
      ctx.addIssue({
        code: 'custom',
        path: ['UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS'],
        message: 'only for local anonymous mode: remove it when MicrosoftAppId is set (requests are authenticated then)',
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
    const secret = /Password|SECRET|KEY|CONNECTION_STRING/.test(variable);
    const shown = got === undefined ? '' : ` (got ${JSON.stringify(secret ? '***' : got)})`;
    throw new ConfigError(`Invalid configuration: ${variable}: ${issue.message}${shown}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    knowledgeDir: e.KNOWLEDGE_DIR,
    knowledgeWatch: e.KNOWLEDGE_WATCH === 'true',
    // Beside the other data by default; `off` indexes the knowledge base at every start.
    knowledgeCacheDir: e.KNOWLEDGE_CACHE_DIR === 'off' ? undefined : e.KNOWLEDGE_CACHE_DIR || join(e.DATA_DIR, 'knowledge-cache'),
    kbMaxAgeDays: e.KB_MAX_AGE_DAYS,
    bot: {
      appId: e.MicrosoftAppId,
      appPassword: e.MicrosoftAppPassword,
      appType: e.MicrosoftAppType,
      tenantId: e.MicrosoftAppTenantId,
    },
    office: { name: e.OFFICE_NAME, phone: e.OFFICE_PHONE, email: e.OFFICE_EMAIL, url: e.OFFICE_URL },
    webChat: {
      tokenSecret: e.DIRECT_LINE_TOKEN_SECRET,
      tokenTtlSeconds: e.DIRECT_LINE_TOKEN_TTL_SECONDS,
      maxConversations: e.DIRECT_LINE_MAX_CONVERSATIONS,
      corsOrigins: e.CORS_ORIGINS.map((o) => o.toLowerCase()),
      // Without its own privacy page the office website is the honest default (no guessed URL path).
      privacyUrl: e.PRIVACY_URL ?? e.OFFICE_URL,
      directLineSecret: e.DIRECT_LINE_SECRET,
      directLineDomain: e.DIRECT_LINE_DOMAIN.replace(/\/+$/, ''),
    },
    storage: {
      backend: e.STORAGE_BACKEND,
      dataDir: e.DATA_DIR,
      azureConnectionString: e.AZURE_STORAGE_CONNECTION_STRING,
      azureContainer: e.AZURE_STORAGE_CONTAINER,
      retentionDays: e.RETENTION_DAYS,
    },
    rateLimit: {
      requestsPerSecond: e.RATE_LIMIT_PER_SECOND,
      requestBurst: e.RATE_LIMIT_BURST,
      conversationsPerHour: e.CONVERSATIONS_PER_HOUR,
      conversationBurst: e.CONVERSATION_BURST,
      trustProxy: e.TRUST_PROXY === 'true',
    },
    handoff: {
      officeHours: parseOfficeHours(e.OFFICE_HOURS)!,
      advisorApiKey: e.ADVISOR_API_KEY,
      webhookUrl: e.HANDOFF_WEBHOOK_URL,
      advisorChannelAllow: e.ADVISOR_CHANNEL_ALLOW,
      unsafeAllowUnauthenticatedAdvisors: e.UNSAFE_ALLOW_UNAUTHENTICATED_ADVISORS === 'true',
    },
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
