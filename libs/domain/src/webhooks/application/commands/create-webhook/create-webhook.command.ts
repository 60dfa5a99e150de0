import { Command } from '@nestjs/cqrs';
import type { WebhookView } from '../../webhook.view';

export interface CreatedWebhook {
  webhook: WebhookView;
  /** The signing secret: returned this once, stored sealed. */
  secret: string;
}

export class CreateWebhookCommand extends Command<CreatedWebhook> {
  constructor(
    readonly ownerId: string,
    readonly input: { url: string; events: readonly string[]; enabled?: boolean },
  ) {
    super();
  }
}
