import { Command } from '@nestjs/cqrs';

/**
 * What one attempt came to: `skipped` (not pending, not due, or held by another attempt),
 * `blocked` (an earlier delivery of the same task waits), or the attempt's verdict.
 */
export type WebhookAttemptOutcome = 'skipped' | 'blocked' | 'delivered' | 'retry' | 'failed';

/** One attempt at a delivery, run by the queue (embedded loop or BullMQ job). */
export class AttemptWebhookDeliveryCommand extends Command<WebhookAttemptOutcome> {
  constructor(readonly deliveryId: string) {
    super();
  }
}
