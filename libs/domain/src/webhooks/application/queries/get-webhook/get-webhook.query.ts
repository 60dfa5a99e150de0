import { Query } from '@nestjs/cqrs';
import type { WebhookView } from '../../webhook.view';

export class GetWebhookQuery extends Query<WebhookView> {
  constructor(
    readonly ownerId: string,
    readonly id: string,
  ) {
    super();
  }
}
