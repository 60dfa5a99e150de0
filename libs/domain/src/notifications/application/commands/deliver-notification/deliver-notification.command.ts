import { Command } from '@nestjs/cqrs';
import type { NotificationJob } from '../../../ports/notification-queue.port';

/** `skipped`: the task is gone, closed or no longer due; `already-delivered`: a retry or duplicate. */
export type DeliveryOutcome = 'delivered' | 'already-delivered' | 'skipped';

/** Stores the in-app notification (once) and e-mails it (until the mailer accepts it). */
export class DeliverNotificationCommand extends Command<DeliveryOutcome> {
  constructor(readonly job: NotificationJob) {
    super();
  }
}
