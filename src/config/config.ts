import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * The whole configuration, parsed once at start from the environment (names as in INTERFACES.md).
 * A missing or wrong value stops the start with a message naming the variable.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/** A Microsoft Entra tenant id, as Teams sends it in `channelData.tenant.id`. */
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const ConfigSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    MicrosoftAppId: optionalText,
    MicrosoftAppPassword: optionalText,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
    MicrosoftAppTenantId: optionalText,
    KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
    DATABASE_URL: z
      .string()
      .trim()
      .default('sqlite:./data/maillage.sqlite')
      .refine((url) => /^sqlite:.+/.test(url) || /^postgres(ql)?:\/\/.+/.test(url), {
        message: 'must be sqlite:PATH or postgres://…',
      }),
    // A bearer anyone may try against /api/reports: long enough that guessing it is out of reach.
    REPORTS_API_KEY: optionalText.pipe(z.string().min(16, { message: 'must be at least 16 characters (for example: openssl rand -hex 24)' }).optional()),
    DIRECT_LINE_SECRET: optionalText,
    /** Signs the built-in Direct Line tokens; set the same value on every instance behind a load balancer. */
    DIRECT_LINE_SIGNING_KEY: optionalText,
    PUBLIC_URL: optionalText.pipe(z.url({ message: 'must be an absolute http(s) URL' }).optional()),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** In local mode (no credentials), the only origins replies may be posted to; loopback addresses when empty. */
    ALLOWED_SERVICE_URLS: optionalText.pipe(
      z
        .string()
        .transform((list) => list.split(/[\s,]+/).filter(Boolean))
        .pipe(z.array(z.url({ protocol: /^https?$/, message: 'must be absolute http(s) URLs, separated by commas' }).transform((url) => new URL(url).origin)))
        .optional(),
    ),
    /** Off, a number of proxy hops, or a list of proxy addresses whose X-Forwarded-For is believed. */
    TRUST_PROXY: optionalText.pipe(
      z
        .string()
        .transform((value, ctx) => parseTrustProxy(value, ctx))
        .optional(),
    ),
    /**
     * The app's id in the organisation's Teams catalogue, when an administrator published it there: Teams gives such
     * an app an id of its own, which deep links (a sheet opened in stage view) must name. Empty: MicrosoftAppId,
     * the package's id, right for an uploaded app.
     */
    TEAMS_APP_ID: optionalText.pipe(z.string().regex(TENANT_ID, { message: 'must be the app id Teams shows (a GUID)' }).optional()),
    /** Teams tenants (Entra ID directory ids) whose users may talk to the bot; empty: any tenant. */
    ALLOWED_TENANTS: optionalText.pipe(
      z
        .string()
        .transform((list) => list.split(/[\s,]+/).filter(Boolean))
        .pipe(z.array(z.string().regex(TENANT_ID, { message: 'must be tenant ids (GUIDs), separated by commas' }).transform((id) => id.toLowerCase())).min(1))
        .optional(),
    ),
    STATE_TTL_HOURS: z.coerce.number().positive().max(24 * 365).default(24),
    REDIS_URL: optionalText.pipe(z.url({ protocol: /^rediss?$/, message: 'must be redis://… or rediss://…' }).optional()),
    METRICS: z
      .enum(['true', 'false', '1', '0', ''])
      .default('false')
      .transform((value) => value === 'true' || value === '1'),
  })
  .superRefine((env, ctx) => {
    if (env.MicrosoftAppPassword && !env.MicrosoftAppId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppId'], message: 'is required when MicrosoftAppPassword is set' });
    }
    if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required for a SingleTenant bot' });
    }
  })
  .transform((env) => ({
    port: env.PORT,
    botAuth: {
      MicrosoftAppId: env.MicrosoftAppId,
      MicrosoftAppPassword: env.MicrosoftAppPassword,
      MicrosoftAppType: env.MicrosoftAppType,
      MicrosoftAppTenantId: env.MicrosoftAppTenantId,
    },
    knowledgeDir: env.KNOWLEDGE_DIR,
    databaseUrl: env.DATABASE_URL,
    reportsApiKey: env.REPORTS_API_KEY,
    directLineSecret: env.DIRECT_LINE_SECRET,
    directLineSigningKey: env.DIRECT_LINE_SIGNING_KEY,
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    /** The id Teams deep links name: TEAMS_APP_ID, else the package's id (MicrosoftAppId); undefined in local mode. */
    teamsAppId: env.TEAMS_APP_ID?.toLowerCase() ?? env.MicrosoftAppId,
    logLevel: env.LOG_LEVEL,
    /** Undefined: the loopback addresses (see src/bot/serviceUrls.ts). */
    allowedServiceUrls: env.ALLOWED_SERVICE_URLS,
    trustProxy: env.TRUST_PROXY ?? TRUST_NO_PROXY,
    /** Undefined: any tenant (src/bot/teamsPolicy.ts). Lower case. */
    allowedTenants: env.ALLOWED_TENANTS,
    stateTtlHours: env.STATE_TTL_HOURS,
    redisUrl: env.REDIS_URL,
    metrics: env.METRICS,
  }));

/**
 * Whose X-Forwarded-For to believe: nobody (the socket's address is the client), the last `hops` proxies in
 * front of the bot, or only requests that come from one of the listed proxy addresses.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'addresses'; addresses: readonly string[] };
export const TRUST_NO_PROXY: TrustProxy = Object.freeze({ kind: 'none' });

function parseTrustProxy(value: string, ctx: z.RefinementCtx): TrustProxy {
  const text = value.trim().toLowerCase();
  if (text === 'false' || text === 'off' || text === '0' || text === 'no') return TRUST_NO_PROXY;
  if (text === 'true' || text === 'on' || text === 'yes') return { kind: 'hops', hops: 1 };
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 32) return { kind: 'hops', hops };
  }
  const addresses = text.split(/[\s,]+/).filter(Boolean);
  if (addresses.length > 0 && addresses.every((address) => isIP(address) !== 0)) return { kind: 'addresses', addresses };
  ctx.addIssue({ code: 'custom', message: 'must be off, a number of proxy hops (1-32), or IP addresses separated by commas' });
  return z.NEVER;
}

export type Config = Readonly<z.output<typeof ConfigSchema>>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const SECRET_VARIABLES = new Set(['MicrosoftAppPassword', 'REPORTS_API_KEY', 'DIRECT_LINE_SECRET', 'DIRECT_LINE_SIGNING_KEY', 'DATABASE_URL']);
const KNOWN_VARIABLES = Object.keys(ConfigSchema.in.shape);

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const picked: Record<string, string | undefined> = {};
  for (const name of KNOWN_VARIABLES) picked[name] = env[name];
  const result = ConfigSchema.safeParse(picked);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.') || 'configuration'}: ${issue.message}`));
  }
  return Object.freeze(result.data);
}

/** One line per setting: its value (secrets masked) and where it came from. */
export function describeConfig(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const parsed = ConfigSchema.in.shape;
  const summary: Record<string, string> = {};
  for (const name of Object.keys(parsed)) {
    const raw = env[name]?.trim();
    if (!raw) {
      summary[name] = '(default)';
    } else if (SECRET_VARIABLES.has(name)) {
      summary[name] = `${maskSecret(name, raw)} (env)`;
    } else {
      summary[name] = `${raw} (env)`;
    }
  }
  return summary;
}

function maskSecret(name: string, value: string): string {
  if (name === 'DATABASE_URL') return value.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  return value.length <= 4 ? '***' : `${value.slice(0, 2)}***`;
}
