import { KeyvCacheableMemory } from '@cacheable/memory';
import { createKeyv } from '@keyv/redis';
import { type Cache, createCache } from 'cache-manager';
import { Keyv } from 'keyv';
import type { TaskStats } from '@primetrade/domain';
import type { RedisSettings } from '../connection/redis-connection';

/** A cache call that takes longer than this counts as a miss (a cache must never slow a request much). */
const CACHE_WAIT_MS = 150;

const within = <T>(promise: Promise<T>, fallback: T): Promise<T> =>
  Promise.race([promise.catch(() => fallback), new Promise<T>((resolve) => setTimeout(() => resolve(fallback), CACHE_WAIT_MS).unref())]);

/**
 * Two tiers through cache-manager: an LRU in this process over Redis shared by all replicas.
 * Keys carry the owner's event sequence number, so a write anywhere retires every tier's entry
 * on every replica without any message having to reach them.
 */
export class StatsCache {
  private readonly cache: Cache;

  constructor(settings: RedisSettings, ttlMs: number) {
    const memory = new Keyv({ store: new KeyvCacheableMemory({ ttl: ttlMs, lruSize: 10_000 }) });
    const shared = createKeyv(settings.url, {
      namespace: `${settings.prefix}:cache:stats`,
      keyPrefixSeparator: ':',
      throwOnConnectError: false,
      throwOnErrors: false,
      connectionTimeout: 1000,
    });
    shared.on('error', () => undefined);
    this.cache = createCache({ stores: [memory, shared], ttl: ttlMs, nonBlocking: true });
  }

  get(ownerId: string, seq: string): Promise<TaskStats | undefined> {
    return within(this.cache.get<TaskStats>(`${ownerId}:${seq}`), undefined);
  }

  async set(ownerId: string, seq: string, stats: TaskStats): Promise<void> {
    await within(this.cache.set(`${ownerId}:${seq}`, stats), undefined);
  }

  async close(): Promise<void> {
    await within(this.cache.disconnect(), undefined);
  }
}
