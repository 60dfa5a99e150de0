import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEventPublisher, NotificationQueue, TaskStatistics } from '@primetrade/domain';
import { InProcessEventPublisher } from '../events/in-process-event-publisher';
import { InProcessNotificationQueue } from '../notifications/in-process-notification-queue';
import { IntervalScanScheduler } from '../notifications/interval-scan-scheduler';
import type { NotificationQueueSettings } from '../notifications/notification-jobs';
import { StoreTaskStatistics } from './store-ports';

export interface InProcessMessagingOptions {
  notifications: NotificationQueueSettings;
  /** Worker and all-in-one roles run the jobs and the scan timer. */
  processJobs: boolean;
}

/**
 * The embedded profile's messaging, all in this process: events on the CQRS EventBus, the
 * notification queue and scan timer in memory, statistics straight from the store.
 */
@Module({})
export class InProcessMessagingModule {
  static forRoot(options: InProcessMessagingOptions): DynamicModule {
    const settings = options.notifications;
    const providers: Provider[] = [
      { provide: DomainEventPublisher, useClass: InProcessEventPublisher },
      { provide: TaskStatistics, useExisting: StoreTaskStatistics },
      {
        provide: NotificationQueue,
        useFactory: (bus: CommandBus) => new InProcessNotificationQueue(bus, settings),
        inject: [CommandBus],
      },
    ];
    if (options.processJobs) {
      providers.push({
        provide: IntervalScanScheduler,
        useFactory: (bus: CommandBus) => new IntervalScanScheduler(bus, settings.scanIntervalMs),
        inject: [CommandBus],
      });
    }
    return { module: InProcessMessagingModule, providers, exports: [DomainEventPublisher, TaskStatistics, NotificationQueue] };
  }
}
