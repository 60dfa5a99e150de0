import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { toWebhookView, type WebhookView } from '../../webhook.view';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ ownerId }: ListWebhooksQuery): Promise<WebhookView[]> {
    return (await this.webhooks.listOwned(ownerId)).map(toWebhookView);
  }
}
