import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { IdGenerator } from '../../../../shared/ports/id-generator.port';
import { Webhook } from '../../../model/webhook.entity';
import { WebhookAddressGuard } from '../../../ports/webhook-address-guard.port';
import { WebhookRepository } from '../../../ports/webhook.repository.port';
import { WebhookSecrets } from '../../../ports/webhook-secrets.port';
import { toWebhookView } from '../../webhook.view';
import { CreateWebhookCommand, type CreatedWebhook } from './create-webhook.command';

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly guard: WebhookAddressGuard,
    private readonly secrets: WebhookSecrets,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
  ) {}

  async execute({ ownerId, input }: CreateWebhookCommand): Promise<CreatedWebhook> {
    const secret = this.secrets.newSecret();
    const webhook = Webhook.create({ id: this.ids.next(), ownerId, ...input, secret, now: this.clock.now() });
    await this.guard.check(webhook.url);
    await this.webhooks.insert(webhook);
    return { webhook: toWebhookView(webhook), secret };
  }
}
