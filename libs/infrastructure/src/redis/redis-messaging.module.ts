import { type DynamicModule, Module } from '@nestjs/common';
import type { OutboxRelaySettings } from '../core/events/outbox-relay';
import type { NotificationQueueSettings } from '../core/notifications/notification-jobs';
import { MessagingHealth } from '../core/platform/messaging-health';
import { RATE_LIMIT_STORAGE } from '../core/platform/rate-limit-storage';
import type { RedisSettings } from './connection/redis-connection';
import { RedisHealth } from './connection/redis-health';
import { RedisEventsModule } from './events/redis-events.module';
import { BullMqNotificationsModule } from './notifications/bullmq-notifications.module';
import { ResilientThrottlerStorage } from './throttling/resilient-throttler-storage';
import type { WebhookPollerSettings } from '../core/webhooks/webhook-delivery.poller';
import { BullMqWebhooksModule } from './webhooks/bullmq-webhooks.module';

export interface RedisMessagingOptions {
  redis: RedisSettings;
  notifications: NotificationQueueSettings;
  statsCacheTtlMs: number;
  /** Worker and all-in-one roles run jobs and keep the statistics projection up to date. */
  processJobs: boolean;
  /** How long an unacknowledged stream entry waits before another consumer takes it over. */
  claimIdleMs?: number;
  relay?: OutboxRelaySettings;
  /** The sweep of due webhook deliveries (worker roles) and the attempt lock. */
  webhooks?: { poller: WebhookPollerSettings; lockMs: number };
}

/**
 * The scaled profile's messaging on Redis: events on Redis Streams, the statistics projection,
 * the BullMQ notification and webhook queues, shared rate-limit counters and the readiness ping.
 */
@Module({})
export class RedisMessagingModule {
  static forRoot(options: RedisMessagingOptions): DynamicModule {
    const events = RedisEventsModule.forRoot({
      redis: options.redis,
      statsCacheTtlMs: options.statsCacheTtlMs,
      consume: options.processJobs,
      claimIdleMs: options.claimIdleMs,
      relay: options.relay,
    });
    const notifications = BullMqNotificationsModule.forRoot({
      ...options.notifications,
      redis: options.redis,
      processJobs: options.processJobs,
    });
    const webhooks = BullMqWebhooksModule.forRoot({
      processJobs: options.processJobs,
      poller: options.webhooks?.poller ?? { intervalMs: 1000, batchSize: 16 },
      lockMs: options.webhooks?.lockMs ?? 30_000,
    });
    const providers = [
      { provide: MessagingHealth, useFactory: () => new RedisHealth(options.redis) },
      { provide: RATE_LIMIT_STORAGE, useFactory: () => new ResilientThrottlerStorage(options.redis) },
    ];
    return {
      module: RedisMessagingModule,
      imports: [events, notifications, webhooks],
      providers,
      exports: [events, notifications, webhooks, MessagingHealth, RATE_LIMIT_STORAGE],
    };
  }
}
