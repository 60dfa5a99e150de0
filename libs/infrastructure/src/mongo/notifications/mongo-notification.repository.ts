import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { ContentCipher, type Notification, type NotificationPosition, NotificationRepository } from '@primetrade/domain';
import type { Model } from 'mongoose';
import { SealedText } from '../../core/notifications/sealed-text';
import { isDuplicateKey, mongoCall } from '../connection/mongo.errors';
import { openNotification, sealNotificationUpdate, toSealedNotificationRecord, UNSEALED_FILTER } from './notification.mapper';
import {
  awaitingMailQuery,
  notificationDeliveryUpdate,
  notificationKeyFilter,
  noticeFenceUpdate,
  notificationListQuery,
  ownedNotificationFilter,
  qualifyingTaskFilter,
  unreadNotificationsFilter,
} from './notification.filter';
import { NotificationRecord } from './notification.schema';

const LEGACY_BATCH = 500;

/**
 * In-app notifications. Every call carries the owner (the shard key) and reads the primary:
 * the list and the unread count are read straight after a mark-read and must show it. The
 * copied task title is sealed at rest (`notifications/<id>/title`); documents written before
 * are read as they are and sealed in the background after start-up (as users are).
 */
@Injectable()
export class MongoNotificationRepository extends NotificationRepository implements OnApplicationBootstrap {
  private readonly logger = new Logger('MongoNotificationRepository');
  readonly text: SealedText;

  constructor(
    @InjectModel(NotificationRecord.name) private readonly notifications: Model<NotificationRecord>,
    cipher: ContentCipher,
  ) {
    super();
    this.text = new SealedText(cipher);
  }

  onApplicationBootstrap(): void {
    this.sealLegacyNotifications().catch((error: Error) =>
      this.logger.warn(`sealing notifications written before encryption stopped (resumes at next start): ${error.message}`),
    );
  }

  /** Seals documents written before encryption, in batches; idempotent and resumable. */
  async sealLegacyNotifications(): Promise<number> {
    let sealed = 0;
    for (;;) {
      const batch = await this.notifications
        .find(UNSEALED_FILTER, { _id: 1, taskTitle: 1 })
        .limit(LEGACY_BATCH)
        .read('primary')
        .lean<NotificationRecord[]>()
        .exec();
      if (batch.length === 0) break;
      const result = await this.notifications.bulkWrite(
        batch.map((record) => ({ updateOne: sealNotificationUpdate(record, this.text) })),
        { ordered: false },
      );
      sealed += result.modifiedCount;
      if (result.modifiedCount === 0) break; // all changed under us; the next start picks them up
    }
    if (sealed > 0) this.logger.log(`encrypted the task title of ${sealed} existing notification(s)`);
    return sealed;
  }

  insertIfAbsent(notification: Notification): Promise<Notification> {
    return mongoCall(async () => {
      try {
        await this.notifications.create(toSealedNotificationRecord(notification, this.text));
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
      return openNotification(stored, this.text);
    });
  }

  /**
   * In one transaction: a conditional write to the task (it must still qualify; the write makes a
   * concurrent completion conflict with it) and the insert. Needs a replica set, as the app does.
   */
  insertIfTaskQualifies(notification: Notification, dueBy: Date): Promise<Notification | null> {
    return mongoCall(async () => {
      const tasks = this.notifications.db.collection('tasks');
      const session = await this.notifications.db.startSession();
      try {
        const inserted = await session.withTransaction(async () => {
          const fenced = await tasks.updateOne(
            qualifyingTaskFilter(notification.ownerId, notification.taskId, dueBy),
            noticeFenceUpdate(notification.createdAt),
            { session },
          );
          if (fenced.matchedCount === 0) return false;
          await this.notifications.create([toSealedNotificationRecord(notification, this.text)], { session });
          return true;
        });
        if (inserted) return notification;
      } catch (error) {
        // Already stored (the unique key index decides): return the stored one below.
        if (!isDuplicateKey(error)) throw error;
      } finally {
        await session.endSession();
      }
      const stored = await this.notifications
        .findOne(notificationKeyFilter(notification.ownerId, notification.taskId, notification.type))
        .read('primary')
        .lean<NotificationRecord>()
        .exec();
      return stored ? openNotification(stored, this.text) : null;
    });
  }

  findById(ownerId: string, id: string): Promise<Notification | null> {
    return mongoCall(async () => {
      const record = await this.notifications
        .findOne(ownedNotificationFilter(ownerId, id))
        .read('primary')
        .lean<NotificationRecord>()
        .exec();
      return record ? openNotification(record, this.text) : null;
    });
  }

  update(notification: Notification): Promise<void> {
    return mongoCall(async () => {
      await this.notifications
        .updateOne(ownedNotificationFilter(notification.ownerId, notification.id), notificationDeliveryUpdate(notification))
        .exec();
    });
  }

  awaitingMail(createdBefore: Date, limit: number): Promise<Notification[]> {
    if (limit <= 0) return Promise.resolve([]);
    const { filter, sort } = awaitingMailQuery(createdBefore);
    return mongoCall(async () => {
      const records = await this.notifications.find(filter).sort(sort).limit(limit).read('primary').lean<NotificationRecord[]>().exec();
      return records.map((record) => openNotification(record, this.text));
    });
  }

  list(ownerId: string, after: NotificationPosition | null, limit: number): Promise<Notification[]> {
    // The driver reads limit 0 as "no limit".
    if (limit <= 0) return Promise.resolve([]);
    const query = notificationListQuery(ownerId, after, limit);
    return mongoCall(async () => {
      const records = await this.notifications
        .find(query.filter)
        .sort(query.sort)
        .limit(query.limit)
        .read('primary')
        .lean<NotificationRecord[]>()
        .exec();
      return records.map((record) => openNotification(record, this.text));
    });
  }

  countUnread(ownerId: string): Promise<number> {
    return mongoCall(() => this.notifications.countDocuments(unreadNotificationsFilter(ownerId)).read('primary').exec());
  }
}
