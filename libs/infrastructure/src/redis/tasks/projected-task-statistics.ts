import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { TaskStatistics, type TaskStats } from '@primetrade/domain';
import type { Redis } from 'ioredis';
import { createFailFastRedis, type RedisSettings } from '../connection/redis-connection';
import type { EventOutbox } from '../../core/events/event-outbox';
import { EventStreamKeys } from '../events/event-stream';
import { StatsCache } from './stats-cache';
import { StatisticsProjection } from './statistics-projection';

/**
 * Statistics from the Redis projection through the two-tier cache. Exact by construction: when
 * the projection has not yet applied every event published for the owner (or Redis is out, or
 * the owner predates the projection), the answer comes from the store instead.
 */
export class ProjectedTaskStatistics extends TaskStatistics implements OnApplicationShutdown {
  private readonly logger = new Logger('Statistics');
  private readonly redis: Redis;
  private readonly keys: EventStreamKeys;
  private readonly projection: StatisticsProjection;
  private readonly cache: StatsCache;

  constructor(
    settings: RedisSettings,
    ttlMs: number,
    private readonly store: TaskStatistics,
    /** The store's outbox: events not relayed yet are not in the projection either. */
    private readonly outbox?: EventOutbox,
  ) {
    super();
    this.redis = createFailFastRedis(settings, 'statistics');
    this.keys = new EventStreamKeys(settings);
    this.projection = new StatisticsProjection(settings);
    this.cache = new StatsCache(settings, ttlMs);
  }

  async overview(ownerId: string, now: Date): Promise<TaskStats> {
    if (this.redis.status !== 'ready') return this.store.overview(ownerId, now);
    try {
      if (await this.outbox?.hasPending(ownerId)) return this.store.overview(ownerId, now);
      const [seq, applied] = await this.redis.mget(this.keys.seq(ownerId), this.projection.appliedKey(ownerId));
      if (!seq || seq !== applied) return this.store.overview(ownerId, now);
      const cached = await this.cache.get(ownerId, seq);
      if (cached) return cached;
      const stats = await this.projection.read(this.redis, ownerId, now);
      if (!stats) return this.store.overview(ownerId, now);
      await this.cache.set(ownerId, seq, stats);
      return stats;
    } catch (error) {
      this.logger.warn(`projection unavailable, reading the store: ${(error as Error).message}`);
      return this.store.overview(ownerId, now);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
    await this.cache.close();
  }
}
