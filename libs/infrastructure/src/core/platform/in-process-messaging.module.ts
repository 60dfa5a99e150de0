import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, DomainEventPublisher, NotificationQueue, TaskStatistics } from '@primetrade/domain';
import { EventOutbox } from '../events/event-outbox';
import { InProcessEventPublisher } from '../events/in-process-event-publisher';
import { InProcessRelaySink } from '../events/in-process-relay-sink';
import { OutboxRelay, type OutboxRelaySettings } from '../events/outbox-relay';
import { InProcessNotificationQueue } from '../notifications/in-process-notification-queue';
import { IntervalScanScheduler } from '../notifications/interval-scan-scheduler';
import type { NotificationQueueSettings } from '../notifications/notification-jobs';
import { StoreTaskStatistics } from './store-ports';

export interface InProcessMessagingOptions {
  notifications: NotificationQueueSettings;
  /** Worker and all-in-one roles run the jobs and the scan timer. */
  processJobs: boolean;
  relay?: OutboxRelaySettings;
}

/**
 * The embedded profile's messaging, all in this process: events on the CQRS EventBus (relayed
 * from the store's outbox), the
 * notification queue and scan timer in memory, statistics straight from the store.
 */
@Module({})
export class InProcessMessagingModule {
  static forRoot(options: InProcessMessagingOptions): DynamicModule {
    const settings = options.notifications;
    const providers: Provider[] = [
      { provide: DomainEventPublisher, useClass: InProcessEventPublisher },
      // The store's outbox relayed to this process's EventBus (none when the store keeps no outbox).
      InProcessRelaySink,
      {
        provide: OutboxRelay,
        useFactory: (sink: InProcessRelaySink, clock: Clock, outbox?: EventOutbox) =>
          outbox ? new OutboxRelay(outbox, sink, clock, options.relay) : null,
        inject: [InProcessRelaySink, Clock, { token: EventOutbox, optional: true }],
      },
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
    return {
      module: InProcessMessagingModule,
      providers,
      exports: [DomainEventPublisher, TaskStatistics, NotificationQueue, OutboxRelay],
    };
  }
}
