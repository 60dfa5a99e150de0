import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/ports/clock.port';
import { NotificationNotFoundError } from '../../../model/notification.errors';
import { NotificationRepository } from '../../../ports/notification.repository.port';
import { toNotificationView, type NotificationView } from '../../notification.view';
import { MarkNotificationReadCommand } from './mark-notification-read.command';

@CommandHandler(MarkNotificationReadCommand)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationReadCommand> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async execute({ ownerId, notificationId }: MarkNotificationReadCommand): Promise<NotificationView> {
    const notification = await this.notifications.findById(ownerId, notificationId);
    if (!notification) throw new NotificationNotFoundError();
    if (!notification.readAt) {
      notification.markRead(this.clock.now());
      await this.notifications.update(notification);
    }
    return toNotificationView(notification);
  }
}
