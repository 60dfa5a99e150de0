import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule, type Type } from '@nestjs/common';
import { TaskStatistics } from '@primetrade/domain';
import { CorrelationContext, ProjectedTaskStatistics, RedisHealth, RedisScaleModule } from '@primetrade/infrastructure';
import type { AppConfig } from '../config/app-config';

/** Runs each request inside its correlation id, so events published while serving it carry it. */
function correlationMiddleware(
  req: { id?: string; headers: Record<string, string | string[] | undefined> },
  _res: unknown,
  next: () => void,
): void {
  const header = req.headers['x-correlation-id'];
  CorrelationContext.run(req.id ?? (typeof header === 'string' ? header : ''), next);
}

/**
 * Redis-backed platform pieces shared across contexts: readiness ping, events on Redis Streams,
 * the statistics projection and its cache. Empty without REDIS_URL.
 */
@Module({})
export class RedisPlatformModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    const url = config.redisUrl;
    if (!url) return { module: RedisPlatformModule };
    const redis = { url, prefix: config.redisPrefix };
    const providers = [{ provide: RedisHealth, useFactory: () => new RedisHealth(redis) }];
    return {
      module: RedisPlatformModule,
      global: true,
      imports: [RedisScaleModule.forRoot({ redis, statsCacheTtlMs: config.statsCacheTtlMs, consume: config.role !== 'api' })],
      providers,
      exports: [RedisHealth],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(correlationMiddleware).forRoutes('*path');
  }
}

/** With Redis, the module that handles the statistics query reads the projection instead of the store. */
export function withProjectedStatistics(module: Type, config: AppConfig): Type | DynamicModule {
  if (!config.redisUrl) return module;
  return { module, providers: [{ provide: TaskStatistics, useExisting: ProjectedTaskStatistics }] };
}
