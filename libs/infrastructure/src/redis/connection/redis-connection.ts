import { Redis, type RedisOptions } from 'ioredis';

export interface RedisSettings {
  url: string;
  /** Namespace of every key this app writes (BullMQ prefix, cache, throttler, streams). */
  prefix: string;
}

/** redis://[user:pass@]host:port[/db] or rediss:// into ioredis options (BullMQ wants options, not a URL). */
export function redisOptionsFromUrl(url: string): RedisOptions {
  const u = new URL(url);
  const db = u.pathname.length > 1 ? Number(u.pathname.slice(1)) : 0;
  return {
    host: u.hostname || '127.0.0.1',
    port: u.port ? Number(u.port) : 6379,
    username: u.username ? decodeURIComponent(u.username) : undefined,
    password: u.password ? decodeURIComponent(u.password) : undefined,
    db: Number.isFinite(db) ? db : 0,
    ...(u.protocol === 'rediss:' ? { tls: {} } : {}),
  };
}

/**
 * A client for request-path work (cache, statistics, pings): a command waits at most 1 s, also
 * while (re)connecting, so requests fall back rather than hang. Callers that see `status !==
 * 'ready'` after a failure may skip Redis altogether.
 */
export function createFailFastRedis(settings: RedisSettings, name: string): Redis {
  const client = new Redis({
    ...redisOptionsFromUrl(settings.url),
    connectionName: `primetrade:${name}`,
    maxRetriesPerRequest: 0,
    commandTimeout: 1000,
    lazyConnect: false,
    // Keep reconnecting forever, at most every 2 s.
    retryStrategy: (times) => Math.min(times * 200, 2000),
  });
  client.on('error', () => undefined); // reconnects on its own; the outage shows in readiness
  return client;
}
