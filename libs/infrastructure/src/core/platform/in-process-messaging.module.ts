import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  AttemptWebhookDeliveryCommand,
  Clock,
  DomainEventPublisher,
  NotificationQueue,
  TaskStatistics,
  WebhookDeliveryQueue,
  WebhookDeliveryStore,
} from '@primetrade/domain';
import { EventOutbox } from '../events/event-outbox';
import { InProcessEventPublisher } from '../events/in-process-event-publisher';
import { InProcessRelaySink } from '../events/in-process-relay-sink';
import { OutboxRelay, type OutboxRelaySettings } from '../events/outbox-relay';
import { InProcessNotificationQueue } from '../notifications/in-process-notification-queue';
import { IntervalScanScheduler } from '../notifications/interval-scan-scheduler';
import type { NotificationQueueSettings } from '../notifications/notification-jobs';
import { StoreTaskStatistics } from './store-ports';
import { RelayedEventConsumer } from '../events/relayed-event-consumer';
import { InProcessWebhookDeliveryQueue } from '../webhooks/in-process-webhook.queue';
import { WebhookDeliveryPoller, type WebhookPollerSettings } from '../webhooks/webhook-delivery.poller';
import { WebhookRelayConsumer } from '../webhooks/webhook-relay.consumer';

export interface InProcessMessagingOptions {
  notifications: NotificationQueueSettings;
  /** Worker and all-in-one roles run the jobs and the scan timer. */
  processJobs: boolean;
  relay?: OutboxRelaySettings;
  /** The due-time loop over the store's webhook deliveries. */
  webhooks?: WebhookPollerSettings;
}

const DEFAULT_WEBHOOK_POLLER: WebhookPollerSettings = { intervalMs: 1000, batchSize: 16 };

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
      // Webhook deliveries: stored by the relay before it marks events, run by the store's own queue.
      { provide: RelayedEventConsumer, useFactory: (bus: CommandBus) => new WebhookRelayConsumer(bus), inject: [CommandBus] },
      { provide: InProcessWebhookDeliveryQueue, useFactory: (clock: Clock) => new InProcessWebhookDeliveryQueue(clock), inject: [Clock] },
      { provide: WebhookDeliveryQueue, useExisting: InProcessWebhookDeliveryQueue },
      {
        provide: NotificationQueue,
        useFactory: (bus: CommandBus) => new InProcessNotificationQueue(bus, settings),
        inject: [CommandBus],
      },
    ];
    if (options.processJobs) {
      providers.push({
        provide: IntervalScanScheduler,
        useFactory: (bus: CommandBus) => new IntervalScanScheduler(bus, settings.scanIntervalMs, settings.archiveAfterMs),
        inject: [CommandBus],
      });
      providers.push({
        provide: WebhookDeliveryPoller,
        useFactory: (store: WebhookDeliveryStore, bus: CommandBus, clock: Clock, queue: InProcessWebhookDeliveryQueue) => {
          const poller = new WebhookDeliveryPoller(
            store,
            async (due) => {
              await Promise.all(due.map((d) => bus.execute(new AttemptWebhookDeliveryCommand(d.id))));
            },
            clock,
            options.webhooks ?? DEFAULT_WEBHOOK_POLLER,
          );
          queue.onScheduled(() => poller.kick());
          return poller;
        },
        inject: [WebhookDeliveryStore, CommandBus, Clock, InProcessWebhookDeliveryQueue],
      });
    }
    return {
      module: InProcessMessagingModule,
      providers,
      exports: [DomainEventPublisher, TaskStatistics, NotificationQueue, OutboxRelay, WebhookDeliveryQueue],
    };
  }
}
