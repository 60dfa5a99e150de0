import { Command } from '@nestjs/cqrs';

/** Deletes the webhook and its deliveries (pending ones are not sent). */
export class DeleteWebhookCommand extends Command<void> {
  constructor(
    readonly ownerId: string,
    readonly id: string,
  ) {
    super();
  }
}
