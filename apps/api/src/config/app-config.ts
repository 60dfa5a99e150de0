import { z } from 'zod';
import { parseDuration } from './duration';
import { decodeKey, type EncryptionKeys, parseEncryptionKeys } from './encryption-keys';

export type Role = 'api' | 'worker' | 'all';

/**
 * Which technology serves the ports, decided once here from the environment; the composition
 * root (src/composition) imports the matching modules and nothing else reads these variables
 * to choose. Embedded: sqlite + in-process + outbox. Scaled: mongodb + redis (+ smtp).
 */
export interface DeploymentProfile {
  store: 'sqlite' | 'mongodb';
  messaging: 'in-process' | 'redis';
  mail: 'outbox' | 'smtp';
}

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');
const duration = z
  .string()
  .transform(
    (v, ctx) => parseDuration(v) ?? (ctx.addIssue({ code: 'custom', message: 'must be a duration such as 500ms, 2s, 15m, 1h' }), z.NEVER),
  );
const list = z.string().transform((v) =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);

/** Every setting the process reads, validated once at boot (the only reader of process.env). */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    ROLE: z.enum(['api', 'worker', 'all']).default('all'),
    HOST: z.string().default('127.0.0.1'),
    TRUST_PROXY: bool.default(false),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    DATA_DIR: z.string().default('./data'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    JWT_SECRET: z.string().optional(),
    JWT_ISSUER: z.string().default('primetrade'),
    JWT_AUDIENCE: z.string().default('primetrade-api'),
    JWT_ACCESS_TTL_SECONDS: z.coerce.number().int().positive().default(900),
    JWT_REFRESH_TTL_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(30 * 24 * 3600),
    CORS_ORIGINS: list.default([]),
    THROTTLE_ENABLED: bool.default(true),
    THROTTLE_DEFAULT_LIMIT: z.coerce.number().int().positive().default(300),
    THROTTLE_DEFAULT_TTL_SECONDS: z.coerce.number().int().positive().default(60),
    THROTTLE_TASK_CREATE_LIMIT: z.coerce.number().int().positive().default(50),
    THROTTLE_TASK_CREATE_TTL_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60),
    THROTTLE_LOGIN_LIMIT: z.coerce.number().int().positive().default(5),
    THROTTLE_LOGIN_TTL_SECONDS: z.coerce.number().int().positive().default(60),
    THROTTLE_ACCOUNT_MAIL_LIMIT: z.coerce.number().int().positive().default(3),
    THROTTLE_ACCOUNT_MAIL_TTL_SECONDS: z.coerce
      .number()
      .int()
      .positive()
      .default(15 * 60),
    SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).optional(),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    HEALTH_HEAP_LIMIT_MB: z.coerce.number().int().positive().default(1024),
    METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    WEB_DIST_DIR: z.string().default('dist/apps/web/browser'),
    MONGODB_URI: z
      .string()
      .regex(/^mongodb(\+srv)?:\/\//, 'must be a mongodb:// or mongodb+srv:// URI')
      .optional(),
    MONGODB_POOL_SIZE: z.coerce.number().int().positive().default(10),
    MONGODB_READ_PREFERENCE: z
      .enum(['primary', 'primaryPreferred', 'secondary', 'secondaryPreferred', 'nearest'])
      .default('secondaryPreferred'),
    MONGODB_SERVER_SELECTION_TIMEOUT_MS: z.coerce.number().int().positive().default(5000),
    MONGODB_SOCKET_TIMEOUT_MS: z.coerce.number().int().positive().default(45000),
    MONGODB_AUTO_INDEX: bool.default(true),
    REDIS_URL: z.string().optional(),
    REDIS_PREFIX: z
      .string()
      .regex(/^[\w.-]+$/, 'letters, digits, _ . - only')
      .default('primetrade'),
    NOTIFICATION_SCAN_INTERVAL: duration.default(3_600_000),
    NOTIFICATION_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
    NOTIFICATION_BACKOFF: duration.default(5000),
    NOTIFICATION_LOCK: duration.default(30_000),
    // Completed tasks unchanged this long move to the archive (cold storage); 0 turns it off.
    ARCHIVE_AFTER: z
      .string()
      .transform((v, ctx) =>
        v.trim() === '0'
          ? 0
          : (parseDuration(v) ?? (ctx.addIssue({ code: 'custom', message: 'must be 0 (off) or a duration such as 90d, 12h' }), z.NEVER)),
      )
      .default(90 * 86_400_000),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default('Primetrade <no-reply@primetrade.local>'),
    PUBLIC_URL: z
      .string()
      .url()
      .default('http://localhost:3000')
      .transform((url) => url.replace(/\/+$/, '')),
    STATS_CACHE_TTL: duration.default(60_000),
    TASK_PAGE_CACHE: z.coerce.number().int().min(0).default(1000),
    EVENTS_CLAIM_IDLE: duration.default(30_000),
    OUTBOX_RELAY_INTERVAL: duration.default(200),
    OUTBOX_RELAY_LEASE: duration.default(10_000),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),
    ATTACHMENT_MAX_PER_TASK: z.coerce.number().int().positive().default(20),
    ENCRYPTION_KEYS: z.string().optional(),
    ENCRYPTION_ACTIVE_KEY: z.string().optional(),
    BLIND_INDEX_KEY: z.string().optional(),
    ENCRYPT_TASK_CONTENT: bool.default(false),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool.default(false),
    WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(15),
    WEBHOOK_BACKOFF: duration.default(5000),
    WEBHOOK_POLL_INTERVAL: duration.default(1000),
    WEBHOOK_DISABLE_AFTER: duration.default(24 * 3_600_000),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && Buffer.byteLength(env.JWT_SECRET ?? '', 'utf8') < 32) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be set to at least 32 bytes in production' });
    }
    if (env.JWT_SECRET !== undefined && Buffer.byteLength(env.JWT_SECRET, 'utf8') < 32) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be at least 32 bytes' });
    }
    const encryption = [env.ENCRYPTION_KEYS, env.ENCRYPTION_ACTIVE_KEY, env.BLIND_INDEX_KEY];
    if (env.NODE_ENV === 'production' && encryption.some((v) => !v)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEYS'],
        message: 'ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY and BLIND_INDEX_KEY must be set in production',
      });
    } else if (encryption.some(Boolean) && encryption.some((v) => !v)) {
      ctx.addIssue({
        code: 'custom',
        path: ['ENCRYPTION_KEYS'],
        message: 'set ENCRYPTION_KEYS, ENCRYPTION_ACTIVE_KEY and BLIND_INDEX_KEY together',
      });
    }
    if (env.ENCRYPTION_KEYS) {
      try {
        const keys = parseEncryptionKeys(env.ENCRYPTION_KEYS);
        if (env.ENCRYPTION_ACTIVE_KEY && !keys.has(env.ENCRYPTION_ACTIVE_KEY)) {
          ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_ACTIVE_KEY'], message: 'must be one of the ids in ENCRYPTION_KEYS' });
        }
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['ENCRYPTION_KEYS'], message: (error as Error).message });
      }
    }
    if (env.NODE_ENV === 'production' && env.WEBHOOK_ALLOW_PRIVATE_NETWORKS) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_ALLOW_PRIVATE_NETWORKS'],
        message: 'must not be true in production (webhooks could then reach the internal network)',
      });
    }
    if (env.BLIND_INDEX_KEY) {
      try {
        decodeKey(env.BLIND_INDEX_KEY, 'BLIND_INDEX_KEY');
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['BLIND_INDEX_KEY'], message: (error as Error).message });
      }
    }
  });

export type Env = z.infer<typeof schema>;

export interface AppConfig {
  env: Env['NODE_ENV'];
  role: Role;
  profile: DeploymentProfile;
  host: string;
  /** Behind an ingress: take the client IP from X-Forwarded-For (rate limits key on it). */
  trustProxy: boolean;
  port: number;
  dataDir: string;
  logLevel: Env['LOG_LEVEL'];
  jwt: { secret?: string; issuer: string; audience: string; accessTtlSeconds: number; refreshTtlSeconds: number };
  corsOrigins: string[];
  throttle: {
    enabled: boolean;
    default: { limit: number; ttlMs: number };
    taskCreate: { limit: number; ttlMs: number };
    login: { limit: number; ttlMs: number };
    accountMail: { limit: number; ttlMs: number };
  };
  shutdownDrainMs: number;
  /** After the drain, how long closing may take before the process exits anyway. */
  shutdownTimeoutMs: number;
  heapLimitBytes: number;
  /** Separate listener for GET /metrics; undefined: none (the default under NODE_ENV=test). */
  metricsPort?: number;
  webDistDir: string;
  mongodb?: {
    uri: string;
    poolSize: number;
    readPreference: 'primary' | 'primaryPreferred' | 'secondary' | 'secondaryPreferred' | 'nearest';
    serverSelectionTimeoutMS: number;
    socketTimeoutMS: number;
    autoIndex: boolean;
  };
  redisUrl?: string;
  /** Namespace of every Redis key (BullMQ, cache, throttler, streams). */
  redisPrefix: string;
  notifications: { scanIntervalMs: number; attempts: number; backoffMs: number; lockMs: number };
  /** Cold storage: completed tasks unchanged for `afterMs` move to the archive on each scan; 0 = off. */
  archive: { afterMs: number };
  mail: { smtpUrl?: string; from: string };
  /** Where people reach the web app: links in mail point here. */
  publicUrl: string;
  statsCacheTtlMs: number;
  /** List pages the embedded store keeps per process while their owner's tasks are unchanged; 0 = off. */
  taskPageCache: number;
  events: {
    /** A stream entry left unacknowledged this long (its consumer died) is taken over by another. */
    claimIdleMs: number;
    /** The outbox relay's poll interval and lease. */
    relay: { intervalMs: number; leaseMs: number; batchSize: number; retainMs: number };
  };
  /** Task attachments: largest file, and most files per task. */
  attachments: { maxBytes: number; maxPerTask: number };
  /** Encryption-at-rest keys when configured; development generates its own (see resolveEncryptionKeys). */
  encryption?: EncryptionKeys;
  /** Task title and description sealed at rest too (text search then runs in the process). */
  encryptTaskContent: boolean;
  webhooks: {
    /** Call endpoints on loopback and private addresses (development and tests only). */
    allowPrivateNetworks: boolean;
    /** Only https endpoints (production). */
    requireHttps: boolean;
    attempts: number;
    backoffMs: number;
    maxBackoffMs: number;
    /** An endpoint failing this long is disabled and its owner notified (24 h). */
    disableAfterMs: number;
    pollIntervalMs: number;
    timeoutMs: number;
    maxResponseBytes: number;
    lockMs: number;
  };
}

export class ConfigValidationError extends Error {}

/** Parses and validates the environment; throws one readable error listing every problem. */
export function loadConfig(source: Record<string, string | undefined>, argv: readonly string[] = []): AppConfig {
  const roleFlag = argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);
  const parsed = schema.safeParse({ ...source, ...(roleFlag ? { ROLE: roleFlag } : {}) });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join('.') || '(env)'}: ${issue.message}`);
    throw new ConfigValidationError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    env: e.NODE_ENV,
    role: e.ROLE,
    profile: {
      store: e.MONGODB_URI ? 'mongodb' : 'sqlite',
      messaging: e.REDIS_URL ? 'redis' : 'in-process',
      mail: e.SMTP_URL ? 'smtp' : 'outbox',
    },
    host: e.HOST,
    trustProxy: e.TRUST_PROXY,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    jwt: {
      secret: e.JWT_SECRET,
      issuer: e.JWT_ISSUER,
      audience: e.JWT_AUDIENCE,
      accessTtlSeconds: e.JWT_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: e.JWT_REFRESH_TTL_SECONDS,
    },
    corsOrigins: e.CORS_ORIGINS,
    throttle: {
      enabled: e.THROTTLE_ENABLED,
      default: { limit: e.THROTTLE_DEFAULT_LIMIT, ttlMs: e.THROTTLE_DEFAULT_TTL_SECONDS * 1000 },
      taskCreate: { limit: e.THROTTLE_TASK_CREATE_LIMIT, ttlMs: e.THROTTLE_TASK_CREATE_TTL_SECONDS * 1000 },
      login: { limit: e.THROTTLE_LOGIN_LIMIT, ttlMs: e.THROTTLE_LOGIN_TTL_SECONDS * 1000 },
      accountMail: { limit: e.THROTTLE_ACCOUNT_MAIL_LIMIT, ttlMs: e.THROTTLE_ACCOUNT_MAIL_TTL_SECONDS * 1000 },
    },
    shutdownDrainMs: e.SHUTDOWN_DRAIN_MS ?? (e.NODE_ENV === 'production' ? 5000 : 0),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    heapLimitBytes: e.HEALTH_HEAP_LIMIT_MB * 1024 * 1024,
    metricsPort: e.METRICS_PORT ?? (e.NODE_ENV === 'test' ? undefined : 9464),
    webDistDir: e.WEB_DIST_DIR,
    mongodb: e.MONGODB_URI
      ? {
          uri: e.MONGODB_URI,
          poolSize: e.MONGODB_POOL_SIZE,
          readPreference: e.MONGODB_READ_PREFERENCE,
          serverSelectionTimeoutMS: e.MONGODB_SERVER_SELECTION_TIMEOUT_MS,
          socketTimeoutMS: e.MONGODB_SOCKET_TIMEOUT_MS,
          autoIndex: e.MONGODB_AUTO_INDEX,
        }
      : undefined,
    redisUrl: e.REDIS_URL || undefined,
    redisPrefix: e.REDIS_PREFIX,
    notifications: {
      scanIntervalMs: e.NOTIFICATION_SCAN_INTERVAL,
      attempts: e.NOTIFICATION_ATTEMPTS,
      backoffMs: e.NOTIFICATION_BACKOFF,
      lockMs: e.NOTIFICATION_LOCK,
    },
    archive: { afterMs: e.ARCHIVE_AFTER },
    mail: { smtpUrl: e.SMTP_URL || undefined, from: e.MAIL_FROM },
    publicUrl: e.PUBLIC_URL,
    statsCacheTtlMs: e.STATS_CACHE_TTL,
    taskPageCache: e.TASK_PAGE_CACHE,
    events: {
      claimIdleMs: e.EVENTS_CLAIM_IDLE,
      relay: { intervalMs: e.OUTBOX_RELAY_INTERVAL, leaseMs: e.OUTBOX_RELAY_LEASE, batchSize: 200, retainMs: 3_600_000 },
    },
    attachments: { maxBytes: e.ATTACHMENT_MAX_BYTES, maxPerTask: e.ATTACHMENT_MAX_PER_TASK },
    encryption:
      e.ENCRYPTION_KEYS && e.ENCRYPTION_ACTIVE_KEY && e.BLIND_INDEX_KEY
        ? {
            keys: parseEncryptionKeys(e.ENCRYPTION_KEYS),
            activeKeyId: e.ENCRYPTION_ACTIVE_KEY,
            blindIndexKey: decodeKey(e.BLIND_INDEX_KEY, 'BLIND_INDEX_KEY'),
          }
        : undefined,
    encryptTaskContent: e.ENCRYPT_TASK_CONTENT,
    webhooks: {
      allowPrivateNetworks: e.WEBHOOK_ALLOW_PRIVATE_NETWORKS,
      requireHttps: e.NODE_ENV === 'production',
      attempts: e.WEBHOOK_ATTEMPTS,
      backoffMs: e.WEBHOOK_BACKOFF,
      maxBackoffMs: 6 * 3_600_000,
      disableAfterMs: e.WEBHOOK_DISABLE_AFTER,
      pollIntervalMs: e.WEBHOOK_POLL_INTERVAL,
      timeoutMs: 5000,
      maxResponseBytes: 4096,
      lockMs: 30_000,
    },
  };
}

/** Injection token of the validated AppConfig. */
export const APP_CONFIG = Symbol('APP_CONFIG');
