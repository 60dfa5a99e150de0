import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { type Notification, type NotificationPosition, NotificationRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { isDuplicateKey, mongoCall } from '../mongo-errors';
import { toNotification, toNotificationRecord } from './mappers/notification.mapper';
import {
  notificationDeliveryUpdate,
  notificationKeyFilter,
  notificationListQuery,
  ownedNotificationFilter,
  unreadNotificationsFilter,
} from './queries/notification.query';
import { NotificationRecord } from './schemas/notification.schema';

/**
 * In-app notifications. Every call carries the owner (the shard key) and reads the primary:
 * the list and the unread count are read straight after a mark-read and must show it.
 */
@Injectable()
export class MongoNotificationRepository extends NotificationRepository {
  constructor(@InjectModel(NotificationRecord.name) private readonly notifications: Model<NotificationRecord>) {
    super();
  }

  insertIfAbsent(notification: Notification): Promise<Notification> {
    return mongoCall(async () => {
      try {
        await this.notifications.create(toNotificationRecord(notification));
        return notification;
      } catch (error) {
        // No look-up first: the unique (owner, taskId, type) index decides between two workers.
        // Any duplicate key (also a retried insert of the same _id) means "already stored".
        if (!isDuplicateKey(error)) throw error;
      }
      const stored = await this.notifications
        .findOne(notificationKeyFilter(notification.ownerId, notification.taskId, notification.type))
        .read('primary')
        .lean<NotificationRecord>()
        .exec();
      if (!stored) throw new Error(`notification ${notification.id} collides with a stored one under another key`);
      return toNotification(stored);
    });
  }

  findById(ownerId: string, id: string): Promise<Notification | null> {
    return mongoCall(async () => {
      const record = await this.notifications.findOne(ownedNotificationFilter(ownerId, id)).read('primary').lean<NotificationRecord>().exec();
      return record ? toNotification(record) : null;
    });
  }

  update(notification: Notification): Promise<void> {
    return mongoCall(async () => {
      await this.notifications.updateOne(ownedNotificationFilter(notification.ownerId, notification.id), notificationDeliveryUpdate(notification)).exec();
    });
  }

  list(ownerId: string, after: NotificationPosition | null, limit: number): Promise<Notification[]> {
    // The driver reads limit 0 as "no limit".
    if (limit <= 0) return Promise.resolve([]);
    const query = notificationListQuery(ownerId, after, limit);
    return mongoCall(async () => {
      const records = await this.notifications.find(query.filter).sort(query.sort).limit(query.limit).read('primary').lean<NotificationRecord[]>().exec();
      return records.map(toNotification);
    });
  }

  countUnread(ownerId: string): Promise<number> {
    return mongoCall(() => this.notifications.countDocuments(unreadNotificationsFilter(ownerId)).read('primary').exec());
  }
}
