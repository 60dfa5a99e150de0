import type { DynamicModule } from '@nestjs/common';
import { InProcessMessagingModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/** Events, the notification queue, statistics binding, and (Redis) shared rate limits, for the profile. */
export async function messagingModule(config: AppConfig): Promise<DynamicModule> {
  const processJobs = config.role !== 'api';
  switch (config.profile.messaging) {
    case 'redis': {
      const { RedisMessagingModule } = await import('@primetrade/infrastructure/redis');
      if (!config.redisUrl) throw new Error('the redis profile needs REDIS_URL');
      return RedisMessagingModule.forRoot({
        redis: { url: config.redisUrl, prefix: config.redisPrefix },
        notifications: { ...config.notifications, archiveAfterMs: config.archive.afterMs },
        statsCacheTtlMs: config.statsCacheTtlMs,
        processJobs,
        claimIdleMs: config.events.claimIdleMs,
        relay: config.events.relay,
        webhooks: { poller: { intervalMs: config.webhooks.pollIntervalMs, batchSize: 16 }, lockMs: config.webhooks.lockMs },
      });
    }
    case 'in-process':
      return InProcessMessagingModule.forRoot({
        notifications: { ...config.notifications, archiveAfterMs: config.archive.afterMs },
        processJobs,
        relay: config.events.relay,
        webhooks: { intervalMs: config.webhooks.pollIntervalMs, batchSize: 16 },
      });
  }
}
