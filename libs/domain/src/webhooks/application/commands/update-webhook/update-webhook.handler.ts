import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { WebhookNotFoundError } from '../../../model/webhook.errors';
import { WebhookAddressGuard } from '../../../ports/webhook-address-guard.port';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { toWebhookView, type WebhookView } from '../../webhook.view';
import { UpdateWebhookCommand } from './update-webhook.command';

@CommandHandler(UpdateWebhookCommand)
export class UpdateWebhookHandler implements ICommandHandler<UpdateWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly guard: WebhookAddressGuard,
    private readonly clock: Clock,
  ) {}

  async execute({ ownerId, id, changes }: UpdateWebhookCommand): Promise<WebhookView> {
    const webhook = await this.webhooks.findOwned(ownerId, id);
    if (!webhook) throw new WebhookNotFoundError();
    webhook.change(changes, this.clock.now());
    if (changes.url !== undefined) await this.guard.check(webhook.url);
    await this.webhooks.update(webhook);
    return toWebhookView(webhook);
  }
}
