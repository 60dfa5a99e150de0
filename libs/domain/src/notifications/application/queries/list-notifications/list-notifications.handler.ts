import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../../../shared/application/cursor';
import type { NotificationPosition } from '../../../ports/notification.repository.port';
import { NotificationRepository } from '../../../ports/notification.repository.port';
import { type NotificationPage, toNotificationView } from '../../notification.view';
import { ListNotificationsQuery, NOTIFICATION_PAGE_LIMIT } from './list-notifications.query';

const SHAPE = 'notifications:createdAt:desc';

function decode(cursor: string): NotificationPosition {
  const p = decodeCursor(SHAPE, cursor) as Partial<NotificationPosition> | null;
  if (!p || typeof p.createdAt !== 'number' || typeof p.id !== 'string') throw new InvalidCursorError();
  return { createdAt: p.createdAt, id: p.id };
}

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly notifications: NotificationRepository) {}

  async execute(query: ListNotificationsQuery): Promise<NotificationPage> {
    const limit = Math.min(Math.max(1, Math.trunc(query.limit)), NOTIFICATION_PAGE_LIMIT.max);
    const after = query.cursor ? decode(query.cursor) : null;
    // One extra row tells whether another page exists.
    const [rows, unreadCount] = await Promise.all([
      this.notifications.list(query.ownerId, after, limit + 1),
      this.notifications.countUnread(query.ownerId),
    ]);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > limit && last ? encodeCursor(SHAPE, { createdAt: last.createdAt.getTime(), id: last.id }) : null;
    return { items: items.map(toNotificationView), nextCursor, unreadCount };
  }
}
