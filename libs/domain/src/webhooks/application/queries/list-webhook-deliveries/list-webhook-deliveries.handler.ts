import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { WebhookDelivery } from '../../../model/webhook-delivery';
import { WebhookNotFoundError } from '../../../model/webhook.errors';
import { WebhookDeliveryStore } from '../../../ports/webhook-delivery.store.port';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { ListWebhookDeliveriesQuery } from './list-webhook-deliveries.query';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryStore,
  ) {}

  async execute({ ownerId, webhookId, limit }: ListWebhookDeliveriesQuery): Promise<WebhookDelivery[]> {
    if (!(await this.webhooks.findOwned(ownerId, webhookId))) throw new WebhookNotFoundError();
    return this.deliveries.list(webhookId, limit);
  }
}
