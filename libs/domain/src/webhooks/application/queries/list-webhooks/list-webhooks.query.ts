import { Query } from '@nestjs/cqrs';
import type { WebhookView } from '../../webhook.view';

export class ListWebhooksQuery extends Query<WebhookView[]> {
  constructor(readonly ownerId: string) {
    super();
  }
}
