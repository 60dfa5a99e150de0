import { Command } from '@nestjs/cqrs';
import type { WebhookDelivery } from '../../../model/webhook-delivery';

/** Queues a `ping` delivery to the endpoint (sent even while the webhook is disabled: it tests it). */
export class PingWebhookCommand extends Command<WebhookDelivery> {
  constructor(
    readonly ownerId: string,
    readonly id: string,
  ) {
    super();
  }
}
