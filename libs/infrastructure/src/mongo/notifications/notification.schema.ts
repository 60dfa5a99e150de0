import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { NOTIFICATION_TYPES, type NotificationType } from '@primetrade/domain';

export const NOTIFICATIONS_COLLECTION = 'notifications';

/** Name of the unique (owner, taskId, type) index; a duplicate key on it means "already notified". */
export const NOTIFICATION_KEY_INDEX = 'owner_taskId_type_unique';

/**
 * A notification as MongoDB stores it. Like tasks, it carries the owner under the shard-key
 * name `owner`: every request-path query (find, list, count, update) is owner-scoped, so on a
 * sharded cluster each one goes to the one shard holding that owner.
 */
@Schema({ collection: NOTIFICATIONS_COLLECTION, versionKey: false, id: false, timestamps: false, shardKey: { owner: 'hashed' } })
export class NotificationRecord {
  /** The notification id (uuid v7, a string at the port). */
  @Prop({ type: String, required: true })
  _id!: string;

  /** The owner's user id; the hashed shard key. */
  @Prop({ type: String, required: true })
  owner!: string;

  @Prop({ type: String, required: true })
  taskId!: string;

  @Prop({ type: String, required: true, enum: NOTIFICATION_TYPES })
  type!: NotificationType;

  /** The task's title when notified: a sealed value (base64) when `sealed`, else plaintext. */
  @Prop({ type: String, required: true })
  taskTitle!: string;

  @Prop({ type: Date, required: true })
  dueDate!: Date;

  @Prop({ type: Date, required: true })
  createdAt!: Date;

  @Prop({ type: Date, default: null })
  readAt!: Date | null;

  /** When the e-mail went out; null until the mailer accepted it. */
  @Prop({ type: Date, default: null })
  emailedAt!: Date | null;

  /** true: `taskTitle` is sealed (ContentCipher, `notifications/<id>/title`); absent on documents written before. */
  @Prop({ type: Boolean })
  sealed?: boolean;
}

export const NotificationSchema = SchemaFactory.createForClass(NotificationRecord);

// The idempotency rule: a task gets each type of notification at most once, decided by the
// server (no check-then-insert race between two workers). A task's owner never changes, so
// (owner, taskId, type) is unique exactly when (taskId, type) is; the owner prefix is what lets
// a cluster sharded on `owner` enforce it at all (a unique index must start with the shard key).
NotificationSchema.index({ owner: 1, taskId: 1, type: 1 }, { name: NOTIFICATION_KEY_INDEX, unique: true });
// Newest-first keyset paging: one index range scan of `limit` entries, no in-memory sort.
NotificationSchema.index({ owner: 1, createdAt: -1, _id: -1 }, { name: 'owner_createdAt_id' });
// The unread badge: `{ owner, readAt: null }` is one bounded range of this index.
NotificationSchema.index({ owner: 1, readAt: 1 }, { name: 'owner_readAt' });
// The scan's look for notices whose mail never went out (across owners): only those are indexed.
NotificationSchema.index({ createdAt: 1, _id: 1 }, { name: 'awaiting_mail', partialFilterExpression: { emailedAt: { $type: 'null' } } });
