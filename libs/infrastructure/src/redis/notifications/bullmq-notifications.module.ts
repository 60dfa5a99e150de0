import { BullModule, getQueueToken, Processor } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Queue } from 'bullmq';
import { DueTaskScanner, Mailer, NotificationQueue, NotificationRepository } from '@primetrade/domain';
import { BullMqNotificationQueue } from './bullmq-notification-queue';
import { NotificationJobsProcessor } from './notification-jobs.processor';
import { NOTIFICATIONS_QUEUE, type NotificationQueueSettings } from '../../core/notifications/notification-jobs';
import { ScanSchedule } from './scan-schedule';
import type { RedisSettings } from '../connection/redis-connection';
import { mongoNotificationStores, mongoOutboxMailer } from '../../mongo/notifications';
import { InProcessNotificationQueue } from '../../core/notifications/in-process-notification-queue';
import { IntervalScanScheduler } from '../../core/notifications/interval-scan-scheduler';
import { SmtpMailer, type SmtpMailerOptions } from '../../smtp/smtp-mailer';
import { SqliteDueTaskScanner } from '../../sqlite/notifications/sqlite-due-task-scanner';
import { SqliteNotificationRepository } from '../../sqlite/notifications/sqlite-notification.repository';
import { SqliteOutboxMailer } from '../../sqlite/notifications/sqlite-outbox-mailer';

export interface NotificationsInfrastructureOptions extends NotificationQueueSettings {
  /** BullMQ on Redis when set; in-process queue and timer otherwise. */
  redis?: RedisSettings;
  /** SMTP when set; the stored outbox otherwise. */
  smtp?: SmtpMailerOptions;
  /** Worker or all-in-one role: run jobs (and, without Redis, the scan timer). */
  processJobs: boolean;
  /** Where notifications and the outbox are stored: beside the tasks, in the same store. */
  store: 'sqlite' | 'mongodb';
}

/**
 * Notification stores, mailer and queue, picked from options. Exports the ports only. The
 * stores live in the same database as the tasks (SQLite or MongoDB).
 */
@Module({})
export class NotificationsInfrastructureModule {
  static forRoot(options: NotificationsInfrastructureOptions): DynamicModule {
    const mongo = options.store === 'mongodb';
    const stores: Provider[] = mongo
      ? mongoNotificationStores
      : [
          { provide: NotificationRepository, useClass: SqliteNotificationRepository },
          { provide: DueTaskScanner, useClass: SqliteDueTaskScanner },
        ];
    const smtp = options.smtp;
    const outbox: Provider = mongo ? mongoOutboxMailer : { provide: Mailer, useClass: SqliteOutboxMailer };
    const mailer: Provider = smtp ? { provide: Mailer, useFactory: () => new SmtpMailer(smtp) } : outbox;
    const exports = [NotificationRepository, DueTaskScanner, Mailer, NotificationQueue];
    const base = { module: NotificationsInfrastructureModule, global: true, exports };

    if (!options.redis) {
      const queue = {
        provide: NotificationQueue,
        useFactory: (bus: CommandBus) => new InProcessNotificationQueue(bus, options),
        inject: [CommandBus],
      };
      const scheduler = {
        provide: IntervalScanScheduler,
        useFactory: (bus: CommandBus) => new IntervalScanScheduler(bus, options.scanIntervalMs),
        inject: [CommandBus],
      };
      return { ...base, providers: [...stores, mailer, queue, ...(options.processJobs ? [scheduler] : [])] };
    }

    const { prefix } = options.redis;
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
        useFactory: (bus: CommandBus) => new ConfiguredProcessor(bus),
        inject: [CommandBus],
      });
    }
    return {
      ...base,
      imports: [
        BullModule.forRoot({ connection: { url: options.redis.url, maxRetriesPerRequest: null }, prefix: `${prefix}:bull` }),
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
        ...stores,
        mailer,
        { provide: NotificationQueue, useClass: BullMqNotificationQueue },
        {
          provide: ScanSchedule,
          useFactory: (queue: Queue) => new ScanSchedule(queue, options.scanIntervalMs),
          inject: [getQueueToken(NOTIFICATIONS_QUEUE)],
        },
        ...workerProviders,
      ],
    };
  }
}
