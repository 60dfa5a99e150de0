import { type Notification, type NotificationPosition, type NotificationType, OPEN_TASK_STATUSES } from '@primetrade/domain';
import type { MongoDocument, MongoSort } from '../connection/mongo-query.types';

/** One owner's notification; the owner in every filter routes the call to one shard. */
export function ownedNotificationFilter(ownerId: string, id: string): MongoDocument {
  return { _id: id, owner: ownerId };
}

/** The stored notification of a task and type: an equality match on the unique key index. */
export function notificationKeyFilter(ownerId: string, taskId: string, type: NotificationType): MongoDocument {
  return { owner: ownerId, taskId, type };
}

/**
 * Saves readAt and emailedAt; nothing else about a notification changes after it is stored. Both
 * are set once and never cleared, so `$max` (a date sorts above null) sets them and never lets an
 * older copy undo them: a delivery that read the notice before the user marked it read does not
 * clear readAt when it records the mail.
 */
export function notificationDeliveryUpdate(notification: Notification): MongoDocument {
  return { $max: { readAt: notification.readAt, emailedAt: notification.emailedAt } };
}

/** `null` also matches a missing field. Served by the (owner, readAt) index. */
export function unreadNotificationsFilter(ownerId: string): MongoDocument {
  return { owner: ownerId, readAt: null };
}

/** Newest first, `_id` breaking ties: the order of the (owner, createdAt -1, _id -1) index. */
export const NOTIFICATION_LIST_SORT: MongoSort = { createdAt: -1, _id: -1 };

/** Strictly after `after` in newest-first order. */
export function notificationKeysetCondition(after: NotificationPosition): MongoDocument {
  const at = new Date(after.createdAt);
  return { $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $lt: after.id } }] };
}

export interface NotificationListQuery {
  filter: MongoDocument;
  sort: MongoSort;
  limit: number;
}

/** find(filter).sort(sort).limit(limit): one range scan of the owner's keyset index. */
export function notificationListQuery(ownerId: string, after: NotificationPosition | null, limit: number): NotificationListQuery {
  const filter: MongoDocument = after ? { owner: ownerId, ...notificationKeysetCondition(after) } : { owner: ownerId };
  return { filter, sort: NOTIFICATION_LIST_SORT, limit };
}

/** Notifications whose mail has not gone out, across owners, oldest first (the awaiting_mail index). */
export function awaitingMailQuery(createdBefore: Date): { filter: MongoDocument; sort: MongoSort } {
  return { filter: { emailedAt: { $type: 'null' }, createdAt: { $lt: createdBefore } }, sort: { createdAt: 1, _id: 1 } };
}

/** The notice's task, while it still qualifies: open, with a due date at or before `dueBy`. */
export function qualifyingTaskFilter(ownerId: string, taskId: string, dueBy: Date): MongoDocument {
  return { _id: taskId, owner: ownerId, status: { $in: [...OPEN_TASK_STATUSES] }, dueDate: { $type: 'date', $lte: dueBy } };
}

/**
 * Written to the qualifying task inside the notice's transaction: a write to the task document
 * makes a concurrent completion of it a write conflict (one of the two retries after the other
 * committed), so "the task qualifies" and "the notice is inserted" are one step. The field is
 * not part of the task model.
 */
export function noticeFenceUpdate(at: Date): MongoDocument {
  return { $set: { noticeCheckedAt: at } };
}
