import { Logger, type OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService, type ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl, type RedisSettings } from '../connection/redis-connection';

type ThrottlerRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in Redis (one budget across replicas). While Redis is unreachable each
 * replica counts in its own memory, so limits still hold per replica (at most replicas × limit
 * in total) and requests are never refused because of the outage.
 */
export class ResilientThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimitStorage');
  private readonly redis: ThrottlerStorageRedisService;
  private readonly local = new ThrottlerStorageService();
  private degraded = false;
  private readonly client: Redis;

  constructor(settings: RedisSettings) {
    const client = new Redis({
      ...redisOptionsFromUrl(settings.url),
      keyPrefix: `${settings.prefix}:throttle:`,
      connectionName: 'primetrade:throttler',
      // Queue while (re)connecting, but never longer than the command timeout.
      maxRetriesPerRequest: 0,
      commandTimeout: 500,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    client.on('error', () => undefined);
    this.client = client;
    this.redis = new ThrottlerStorageRedisService(client);
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerRecord> {
    // Known outage: count locally at once instead of waiting for a timeout on every request.
    if (this.degraded && this.client.status !== 'ready') return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    try {
      const record = await this.redis.increment(key, ttl, limit, blockDuration, throttlerName);
      if (this.degraded) this.logger.log('Redis rate-limit storage is back');
      this.degraded = false;
      return record;
    } catch (error) {
      if (!this.degraded) this.logger.warn(`Redis rate-limit storage unavailable, counting in memory: ${(error as Error).message}`);
      this.degraded = true;
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  onApplicationShutdown(): void {
    this.redis.redis.disconnect();
    this.local.onApplicationShutdown();
  }
}
