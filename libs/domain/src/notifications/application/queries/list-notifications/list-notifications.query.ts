import { Query } from '@nestjs/cqrs';
import type { NotificationPage } from '../../notification.view';

export const NOTIFICATION_PAGE_LIMIT = { default: 20, max: 100 } as const;

/** The owner's notifications, newest first, cursor paged, with the unread count. */
export class ListNotificationsQuery extends Query<NotificationPage> {
  constructor(
    readonly ownerId: string,
    readonly limit: number = NOTIFICATION_PAGE_LIMIT.default,
    readonly cursor?: string,
  ) {
    super();
  }
}
