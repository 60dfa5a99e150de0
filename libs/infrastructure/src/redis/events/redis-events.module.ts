import { type DynamicModule, Module } from '@nestjs/common';
import { CommandBus, EventBus } from '@nestjs/cqrs';
import { Clock, DomainEventPublisher, IdGenerator, TaskStatistics } from '@primetrade/domain';
import { EventOutbox } from '../../core/events/event-outbox';
import { RelayedEventConsumer } from '../../core/events/relayed-event-consumer';
import { WebhookRelayConsumer } from '../../core/webhooks/webhook-relay.consumer';
import { OutboxRelay, type OutboxRelaySettings } from '../../core/events/outbox-relay';
import { StoreTaskStatistics } from '../../core/platform/store-ports';
import type { RedisSettings } from '../connection/redis-connection';
import { ProjectedTaskStatistics } from '../tasks/projected-task-statistics';
import { StatisticsProjection } from '../tasks/statistics-projection';
import { RedisStreamSink, RedisStreamsEventPublisher } from './redis-streams-event-publisher';
import { StreamConsumer } from './stream-consumer';

export interface RedisEventsOptions {
  redis: RedisSettings;
  statsCacheTtlMs: number;
  /** Worker and all-in-one roles keep the statistics projection up to date. */
  consume: boolean;
  /** How long a consumer's unacknowledged entry waits before another consumer takes it over. */
  claimIdleMs?: number;
  relay?: OutboxRelaySettings;
}

/**
 * Events across processes (Redis Streams) and the statistics read model built from them. The
 * store's outbox relay appends to the stream (every role relays; the store's lease lets one at a
 * time). Binds DomainEventPublisher (events a store without an outbox leaves to the handler) and
 * TaskStatistics (the projection, falling back on the store's own StoreTaskStatistics while it is
 * behind — events still in the outbox included — or Redis is out).
 */
/** The stream consumer that turns task events into webhook deliveries. */
const WEBHOOK_STREAM_CONSUMER = Symbol('WEBHOOK_STREAM_CONSUMER');

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
    // Webhook deliveries are stored by their own consumer group, acknowledged once stored.
    const webhookConsumer = {
      provide: WEBHOOK_STREAM_CONSUMER,
      useFactory: (durable: RelayedEventConsumer) =>
        new StreamConsumer(options.redis, {
          group: 'webhooks',
          claimIdleMs: options.claimIdleMs ?? 30_000,
          handle: (_redis, event) =>
            durable.consume([
              {
                id: event.id,
                type: event.type,
                aggregateId: event.aggregateId,
                ownerId: event.ownerId,
                occurredAt: new Date(event.occurredAt),
                correlationId: event.correlationId,
                payload: event.payload,
              },
            ]),
        }),
      inject: [RelayedEventConsumer],
    };
    return {
      module: RedisEventsModule,
      providers: [
        { provide: RedisStreamSink, useFactory: (bus: EventBus) => new RedisStreamSink(options.redis, bus), inject: [EventBus] },
        {
          provide: DomainEventPublisher,
          useFactory: (sink: RedisStreamSink, ids: IdGenerator) => new RedisStreamsEventPublisher(sink, ids),
          inject: [RedisStreamSink, IdGenerator],
        },
        {
          provide: OutboxRelay,
          useFactory: (sink: RedisStreamSink, clock: Clock, outbox?: EventOutbox) =>
            outbox ? new OutboxRelay(outbox, sink, clock, options.relay) : null,
          inject: [RedisStreamSink, Clock, { token: EventOutbox, optional: true }],
        },
        {
          provide: TaskStatistics,
          useFactory: (store: TaskStatistics, outbox?: EventOutbox) =>
            new ProjectedTaskStatistics(options.redis, options.statsCacheTtlMs, store, outbox),
          inject: [StoreTaskStatistics, { token: EventOutbox, optional: true }],
        },
        { provide: RelayedEventConsumer, useFactory: (bus: CommandBus) => new WebhookRelayConsumer(bus), inject: [CommandBus] },
        ...(options.consume ? [consumer, webhookConsumer] : []),
      ],
      exports: [DomainEventPublisher, TaskStatistics, OutboxRelay],
    };
  }
}
