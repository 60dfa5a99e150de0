import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import type { WebhookDelivery } from '../../../model/webhook-delivery';
import { WebhookNotFoundError } from '../../../model/webhook.errors';
import { WebhookDeliveryQueue } from '../../../ports/webhook-delivery-queue.port';
import { WebhookDeliveryStore } from '../../../ports/webhook-delivery.store.port';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { deliveryIdOf, webhookPayload } from '../../webhook-payload';
import { PingWebhookCommand } from './ping-webhook.command';

@CommandHandler(PingWebhookCommand)
export class PingWebhookHandler implements ICommandHandler<PingWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryStore,
    private readonly queue: WebhookDeliveryQueue,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ ownerId, id }: PingWebhookCommand): Promise<WebhookDelivery> {
    const webhook = await this.webhooks.findOwned(ownerId, id);
    if (!webhook) throw new WebhookNotFoundError();
    const now = this.clock.now();
    const eventId = this.ids.next();
    const deliveryId = deliveryIdOf(eventId, webhook.id);
    const delivery: WebhookDelivery = {
      id: deliveryId,
      webhookId: webhook.id,
      ownerId,
      eventType: 'ping',
      // A ping waits for no other delivery, and none waits for it.
      orderKey: `ping:${eventId}`,
      sequence: eventId,
      payload: webhookPayload('ping', now, { webhookId: webhook.id }),
      status: 'pending',
      attempts: [],
      nextAttemptAt: now,
      createdAt: now,
    };
    await this.deliveries.enqueue([delivery]);
    await this.queue.schedule([{ id: deliveryId, attempts: 0, at: now }]);
    return delivery;
  }
}
