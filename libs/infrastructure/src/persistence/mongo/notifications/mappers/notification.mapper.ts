import { Notification, type NotificationProps } from '@primetrade/domain';
import type { NotificationRecord } from '../schemas/notification.schema';

export function toNotificationRecord(notification: Notification): NotificationRecord {
  const p = notification.toProps();
  return {
    _id: p.id,
    owner: p.ownerId,
    taskId: p.taskId,
    type: p.type,
    taskTitle: p.taskTitle,
    dueDate: p.dueDate,
    createdAt: p.createdAt,
    readAt: p.readAt,
    emailedAt: p.emailedAt,
  };
}

/** An allow-list of fields: anything added to the document later stays out of the entity. */
export function toNotificationProps(record: NotificationRecord): NotificationProps {
  return {
    id: record._id,
    ownerId: record.owner,
    taskId: record.taskId,
    type: record.type,
    taskTitle: record.taskTitle,
    dueDate: record.dueDate,
    createdAt: record.createdAt,
    readAt: record.readAt ?? null,
    emailedAt: record.emailedAt ?? null,
  };
}

export const toNotification = (record: NotificationRecord): Notification => Notification.restore(toNotificationProps(record));
