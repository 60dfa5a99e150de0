import { Command } from '@nestjs/cqrs';
import type { WebhookView } from '../../webhook.view';

export class UpdateWebhookCommand extends Command<WebhookView> {
  constructor(
    readonly ownerId: string,
    readonly id: string,
    readonly changes: { url?: string; events?: readonly string[]; enabled?: boolean },
  ) {
    super();
  }
}
