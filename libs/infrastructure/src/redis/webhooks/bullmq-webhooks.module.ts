import { BullModule, Processor } from '@nestjs/bullmq';
import { type DynamicModule, Module, type Provider } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Clock, type DueWebhookDelivery, WebhookDeliveryQueue, WebhookDeliveryStore } from '@primetrade/domain';
import { WebhookDeliveryPoller, type WebhookPollerSettings } from '../../core/webhooks/webhook-delivery.poller';
import { WEBHOOKS_QUEUE } from '../../core/webhooks/webhook-jobs';
import { BullMqWebhookDeliveryQueue } from './bullmq-webhook.queue';
import { WebhookJobsProcessor } from './webhook-jobs.processor';

export interface BullMqWebhooksOptions {
  /** Worker or all-in-one role: run the attempts here, and sweep the store for due deliveries. */
  processJobs: boolean;
  poller: WebhookPollerSettings;
  /** How long an attempt holds its job before BullMQ counts it stalled (beyond the 5 s send). */
  lockMs: number;
}

/**
 * Webhook attempts on BullMQ. The store's deliveries stay the truth: a job only names a delivery
 * and its attempt number, and the worker's sweep of due deliveries re-creates any job Redis lost.
 * Connection and prefix come from BullModule.forRoot in BullMqNotificationsModule.
 */
/** Jobs normally take a delivery at once; the sweep looks only at those due this long. */
const SWEEP_LAG_MS = 30_000;

@Module({})
export class BullMqWebhooksModule {
  static forRoot(options: BullMqWebhooksOptions): DynamicModule {
    const workerProviders: Provider[] = [];
    if (options.processJobs) {
      class ConfiguredProcessor extends WebhookJobsProcessor {}
      Processor(WEBHOOKS_QUEUE, { concurrency: 8, lockDuration: options.lockMs, maxStalledCount: 2 })(ConfiguredProcessor);
      workerProviders.push(
        { provide: ConfiguredProcessor, useFactory: (bus: CommandBus) => new ConfiguredProcessor(bus), inject: [CommandBus] },
        {
          provide: WebhookDeliveryPoller,
          useFactory: (store: WebhookDeliveryStore, queue: WebhookDeliveryQueue, clock: Clock) => {
            // The sweep: a delivery due a while and still unclaimed lost its job (Redis lost it, or
            // its job found it blocked and the wake-up after its turn went missing). One new job
            // per minute at most: the job id carries the minute.
            const sweep = (due: readonly DueWebhookDelivery[]) => {
              const minute = new Date(Math.floor(clock.now().getTime() / 60_000) * 60_000);
              return queue.schedule(due.map((d) => ({ ...d, at: minute })));
            };
            return new WebhookDeliveryPoller(store, sweep, clock, { ...options.poller, lagMs: options.poller.lagMs ?? SWEEP_LAG_MS });
          },
          inject: [WebhookDeliveryStore, WebhookDeliveryQueue, Clock],
        },
      );
    }
    return {
      module: BullMqWebhooksModule,
      imports: [
        BullModule.registerQueue({
          name: WEBHOOKS_QUEUE,
          defaultJobOptions: {
            // A job that threw (store unreachable) is tried again; the attempt's own retries are new jobs.
            attempts: 5,
            backoff: { type: 'exponential', delay: 1000 },
            removeOnComplete: { age: 3600, count: 10_000 },
            removeOnFail: { age: 7 * 24 * 3600 },
          },
        }),
      ],
      providers: [{ provide: WebhookDeliveryQueue, useClass: BullMqWebhookDeliveryQueue }, ...workerProviders],
      exports: [WebhookDeliveryQueue],
    };
  }
}
