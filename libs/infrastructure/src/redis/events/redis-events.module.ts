import { type DynamicModule, Module } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { DomainEventPublisher, IdGenerator, TaskStatistics } from '@primetrade/domain';
import { StoreTaskStatistics } from '../../core/platform/store-ports';
import type { RedisSettings } from '../connection/redis-connection';
import { ProjectedTaskStatistics } from '../tasks/projected-task-statistics';
import { StatisticsProjection } from '../tasks/statistics-projection';
import { RedisStreamsEventPublisher } from './redis-streams-event-publisher';
import { StreamConsumer } from './stream-consumer';

export interface RedisEventsOptions {
  redis: RedisSettings;
  statsCacheTtlMs: number;
  /** Worker and all-in-one roles keep the statistics projection up to date. */
  consume: boolean;
  claimIdleMs?: number;
}

/**
 * Events across processes (Redis Streams) and the statistics read model built from them. Binds
 * DomainEventPublisher and TaskStatistics (the projection, falling back on the store's own
 * StoreTaskStatistics while it is behind or Redis is out).
 */
@Module({})
export class RedisEventsModule {
  static forRoot(options: RedisEventsOptions): DynamicModule {
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
      module: RedisEventsModule,
      providers: [
        {
          provide: DomainEventPublisher,
          useFactory: (bus: EventBus, ids: IdGenerator) => new RedisStreamsEventPublisher(options.redis, bus, ids),
          inject: [EventBus, IdGenerator],
        },
        {
          provide: TaskStatistics,
          useFactory: (store: TaskStatistics) => new ProjectedTaskStatistics(options.redis, options.statsCacheTtlMs, store),
          inject: [StoreTaskStatistics],
        },
        ...(options.consume ? [consumer] : []),
      ],
      exports: [DomainEventPublisher, TaskStatistics],
    };
  }
}
