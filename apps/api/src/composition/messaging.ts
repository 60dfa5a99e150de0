import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { CorrelationContext, InProcessMessagingModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/** Runs each request inside its correlation id, so events published while serving it carry it across processes. */
function correlationMiddleware(
  req: { id?: string; headers: Record<string, string | string[] | undefined> },
  _res: unknown,
  next: () => void,
): void {
  const header = req.headers['x-correlation-id'];
  CorrelationContext.run(req.id ?? (typeof header === 'string' ? header : ''), next);
}

@Module({})
class CorrelatedRequestsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationMiddleware).forRoutes('*path');
  }
}

/** Events, the notification queue, statistics binding, and (Redis) shared rate limits, for the profile. */
export async function messagingModule(config: AppConfig): Promise<DynamicModule> {
  const processJobs = config.role !== 'api';
  switch (config.profile.messaging) {
    case 'redis': {
      const { RedisMessagingModule } = await import('@primetrade/infrastructure/redis');
      if (!config.redisUrl) throw new Error('the redis profile needs REDIS_URL');
      const redis = RedisMessagingModule.forRoot({
        redis: { url: config.redisUrl, prefix: config.redisPrefix },
        notifications: { ...config.notifications, archiveAfterMs: config.archive.afterMs },
        statsCacheTtlMs: config.statsCacheTtlMs,
        processJobs,
        claimIdleMs: config.events.claimIdleMs,
        relay: config.events.relay,
        webhooks: { poller: { intervalMs: config.webhooks.pollIntervalMs, batchSize: 16 }, lockMs: config.webhooks.lockMs },
      });
      return { module: CorrelatedRequestsModule, imports: [redis], exports: [redis] };
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
