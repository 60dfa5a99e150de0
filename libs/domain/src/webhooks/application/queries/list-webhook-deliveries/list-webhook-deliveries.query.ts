import { Query } from '@nestjs/cqrs';
import type { WebhookDelivery } from '../../../model/webhook-delivery';

export const WEBHOOK_DELIVERY_PAGE = { default: 50, max: 200 } as const;

/** The webhook's latest deliveries, newest first, with every attempt. */
export class ListWebhookDeliveriesQuery extends Query<WebhookDelivery[]> {
  constructor(
    readonly ownerId: string,
    readonly webhookId: string,
    readonly limit: number = WEBHOOK_DELIVERY_PAGE.default,
  ) {
    super();
  }
}
