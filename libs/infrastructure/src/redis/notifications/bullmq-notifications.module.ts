import { BullModule, getQueueToken, Processor } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import { NotificationQueue } from '@primetrade/domain';
import { NOTIFICATIONS_QUEUE, type NotificationQueueSettings } from '../../core/notifications/notification-jobs';
import { MONITORED_QUEUES } from '../../core/platform/rate-limit-storage';
import type { RedisSettings } from '../connection/redis-connection';
import { BullMqNotificationQueue } from './bullmq-notification-queue';
import { NotificationJobsProcessor } from './notification-jobs.processor';
import { ScanSchedule } from './scan-schedule';

export interface BullMqNotificationsOptions extends NotificationQueueSettings {
  redis: RedisSettings;
  /** Worker or all-in-one role: run the jobs here. */
  processJobs: boolean;
}

/** The notification queue on BullMQ: one cluster-wide scan schedule, deliveries retried with back-off. */
@Module({})
export class BullMqNotificationsModule {
  static forRoot(options: BullMqNotificationsOptions): DynamicModule {
    const workerProviders: Provider[] = [];
    if (options.processJobs) {
      // A fresh subclass per app, decorated here so worker options come from config.
      class ConfiguredProcessor extends NotificationJobsProcessor {}
      Processor(NOTIFICATIONS_QUEUE, {
        concurrency: 4,
        lockDuration: options.lockMs,
        stalledInterval: Math.max(1000, Math.floor(options.lockMs / 2)),
        maxStalledCount: 2,
      })(ConfiguredProcessor);
      workerProviders.push({
        provide: ConfiguredProcessor,
        useFactory: (bus: CommandBus) => new ConfiguredProcessor(bus, options.archiveAfterMs),
        inject: [CommandBus],
      });
    }
    const queueToken = getQueueToken(NOTIFICATIONS_QUEUE);
    return {
      module: BullMqNotificationsModule,
      imports: [
        BullModule.forRoot({ connection: { url: options.redis.url, maxRetriesPerRequest: null }, prefix: `${options.redis.prefix}:bull` }),
        BullModule.registerQueue({
          name: NOTIFICATIONS_QUEUE,
          defaultJobOptions: {
            attempts: options.attempts,
            backoff: { type: 'exponential', delay: options.backoffMs },
            // Done jobs stay an hour (their ids dedupe re-enqueues); failed ones stay for inspection.
            removeOnComplete: { age: 3600, count: 10_000 },
            removeOnFail: false,
          },
        }),
      ],
      providers: [
        { provide: NotificationQueue, useClass: BullMqNotificationQueue },
        { provide: ScanSchedule, useFactory: (queue: Queue) => new ScanSchedule(queue, options.scanIntervalMs), inject: [queueToken] },
        { provide: MONITORED_QUEUES, useFactory: (queue: Queue) => [queue], inject: [queueToken] },
        ...workerProviders,
      ],
      exports: [NotificationQueue, MONITORED_QUEUES],
    };
  }
}
