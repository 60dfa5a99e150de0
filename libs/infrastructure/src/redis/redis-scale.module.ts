import { type DynamicModule, Module } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { DomainEventPublisher, IdGenerator, TaskStatistics } from '@primetrade/domain';
import type { RedisSettings } from './connection/redis-connection';
import { ProjectedTaskStatistics } from './tasks/projected-task-statistics';
import { StatisticsProjection } from './tasks/statistics-projection';
import { RedisStreamsEventPublisher } from './events/redis-streams-event-publisher';
import { StreamConsumer } from './events/stream-consumer';

export interface RedisScaleOptions {
  redis: RedisSettings;
  statsCacheTtlMs: number;
  /** Worker and all-in-one roles keep the statistics projection up to date. */
  consume: boolean;
  claimIdleMs?: number;
}

/**
 * Events across processes (Redis Streams) and the statistics read model built from them.
 * Exports DomainEventPublisher and ProjectedTaskStatistics; the latter wraps the store's
 * TaskStatistics, so the composition root binds it where the statistics query is handled.
 */
@Module({})
export class RedisScaleModule {
  static forRoot(options: RedisScaleOptions): DynamicModule {
    const projection = new StatisticsProjection(options.redis);
    const consumer = {
      provide: StreamConsumer,
      useFactory: () =>
        new StreamConsumer(options.redis, {
          group: 'statistics',
          claimIdleMs: options.claimIdleMs ?? 30_000,
          handle: (redis, event) => projection.apply(redis, event),
        }),
    };
    return {
      module: RedisScaleModule,
      global: true,
      providers: [
        {
          provide: DomainEventPublisher,
          useFactory: (bus: EventBus, ids: IdGenerator) => new RedisStreamsEventPublisher(options.redis, bus, ids),
          inject: [EventBus, IdGenerator],
        },
        {
          provide: ProjectedTaskStatistics,
          useFactory: (store: TaskStatistics) => new ProjectedTaskStatistics(options.redis, options.statsCacheTtlMs, store),
          inject: [TaskStatistics],
        },
        ...(options.consume ? [consumer] : []),
      ],
      exports: [DomainEventPublisher, ProjectedTaskStatistics],
    };
  }
}
