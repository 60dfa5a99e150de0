import { Notification, type NotificationProps } from '@primetrade/domain';
import { notificationTitleContext, type SealedText } from '../../core/notifications/sealed-text';
import type { NotificationRecord } from './notification.schema';

/** The document of a notification, its copied task title sealed (`notifications/<id>/title`). */
export function toSealedNotificationRecord(notification: Notification, text: SealedText): NotificationRecord {
  const record = toNotificationRecord(notification);
  return { ...record, taskTitle: text.seal(record.taskTitle, notificationTitleContext(record._id)), sealed: true };
}

/** The title as the entity needs it: opened when the document says it is sealed. */
export function openNotificationProps(record: NotificationRecord, text: SealedText): NotificationProps {
  const props = toNotificationProps(record);
  return record.sealed === true ? { ...props, taskTitle: text.open(record.taskTitle, notificationTitleContext(record._id)) } : props;
}

export const openNotification = (record: NotificationRecord, text: SealedText): Notification =>
  Notification.restore(openNotificationProps(record, text));

/** Seals a document written before encryption, only if it is still unsealed and unchanged. */
export function sealNotificationUpdate(record: Pick<NotificationRecord, '_id' | 'taskTitle'>, text: SealedText) {
  return {
    filter: { _id: record._id, taskTitle: record.taskTitle, sealed: { $exists: false } },
    update: { $set: { taskTitle: text.seal(record.taskTitle, notificationTitleContext(record._id)), sealed: true } },
  };
}

/** Documents written before encryption (no `sealed` marker). */
export const UNSEALED_FILTER = { sealed: { $exists: false } } as const;

// Plaintext forms (single-argument, usable with Array#map): fixtures, and documents written before encryption.

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
