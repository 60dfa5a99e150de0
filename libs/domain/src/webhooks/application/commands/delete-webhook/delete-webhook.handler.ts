import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WebhookNotFoundError } from '../../../model/webhook.errors';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { DeleteWebhookCommand } from './delete-webhook.command';

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(private readonly webhooks: WebhookRepository) {}

  async execute({ ownerId, id }: DeleteWebhookCommand): Promise<void> {
    if (!(await this.webhooks.delete(ownerId, id))) throw new WebhookNotFoundError();
  }
}
