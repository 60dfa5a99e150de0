import { Command } from '@nestjs/cqrs';
import type { NotificationView } from '../../notification.view';

export class MarkNotificationReadCommand extends Command<NotificationView> {
  constructor(
    readonly ownerId: string,
    readonly notificationId: string,
  ) {
    super();
  }
}
