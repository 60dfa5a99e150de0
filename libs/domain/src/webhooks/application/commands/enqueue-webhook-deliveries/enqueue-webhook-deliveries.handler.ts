import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import type { WebhookDelivery } from '../../../model/webhook-delivery';
import { webhookEventOf } from '../../../model/webhook-events';
import { WebhookDeliveryQueue } from '../../../ports/webhook-delivery-queue.port';
import { WebhookDeliveryStore } from '../../../ports/webhook-delivery.store.port';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { deliveryIdOf, webhookPayload } from '../../webhook-payload';
import { EnqueueWebhookDeliveriesCommand } from './enqueue-webhook-deliveries.command';

@CommandHandler(EnqueueWebhookDeliveriesCommand)
export class EnqueueWebhookDeliveriesHandler implements ICommandHandler<EnqueueWebhookDeliveriesCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryStore,
    private readonly queue: WebhookDeliveryQueue,
    private readonly clock: Clock,
  ) {}

  async execute({ events }: EnqueueWebhookDeliveriesCommand): Promise<number> {
    const now = this.clock.now();
    const batch: WebhookDelivery[] = [];
    for (const event of events) {
      const type = webhookEventOf(event.type);
      if (!type || !event.ownerId) continue;
      // Endpoints created after the event never hear of it (a replayed stream stays in the past).
      for (const webhook of await this.webhooks.subscribers(event.ownerId, type, event.occurredAt)) {
        batch.push({
          id: deliveryIdOf(event.id, webhook.id),
          webhookId: webhook.id,
          ownerId: event.ownerId,
          eventType: type,
          orderKey: `task:${event.aggregateId}`,
          sequence: event.id,
          payload: webhookPayload(type, event.occurredAt, { taskId: event.aggregateId, ...event.data }),
          status: 'pending',
          attempts: [],
          nextAttemptAt: now,
          createdAt: now,
        });
      }
    }
    if (batch.length === 0) return 0;
    await this.deliveries.enqueue(batch);
    await this.queue.schedule(batch.map((d) => ({ id: d.id, attempts: 0, at: now })));
    return batch.length;
  }
}
