import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WebhookNotFoundError } from '../../../model/webhook.errors';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { toWebhookView, type WebhookView } from '../../webhook.view';
import { GetWebhookQuery } from './get-webhook.query';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ ownerId, id }: GetWebhookQuery): Promise<WebhookView> {
    const webhook = await this.webhooks.findOwned(ownerId, id);
    if (!webhook) throw new WebhookNotFoundError();
    return toWebhookView(webhook);
  }
}
