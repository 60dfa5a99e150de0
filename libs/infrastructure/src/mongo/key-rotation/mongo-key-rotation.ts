import type { ContentCipher } from '@primetrade/domain';
import { createConnection, type Model } from 'mongoose';
import {
  mongooseConnectOptions,
  type MongoPersistenceOptions,
  resolveMongoPersistenceOptions,
} from '../connection/mongo-persistence.options';
import { NotificationRecord as NotificationModel, NotificationSchema } from '../notifications/notification.schema';
import { OutboxRecord as OutboxModel, OutboxSchema } from '../notifications/outbox.schema';
import { TaskRecord as TaskModel, TaskSchema } from '../tasks/task.schema';
import { ARCHIVED_TASK_MODEL, ArchivedTaskSchema } from '../tasks/task-archive.schema';
import { UserRecord as UserModel, UserSchema } from '../identity/user.schema';
import { notificationTitleContext, outboxContext, SealedText } from '../../core/notifications/sealed-text';
import { sealUserUpdate, type UserFieldProtection } from '../identity/user.mapper';
import type { MongoDocument } from '../connection/mongo-query.types';
import { sealNotificationUpdate, UNSEALED_FILTER } from '../notifications/notification.mapper';
import { sealOutboxUpdate } from '../notifications/outbox.mapper';
import type { NotificationRecord } from '../notifications/notification.schema';
import type { OutboxRecord } from '../notifications/outbox.schema';
import { WebhookRecord as WebhookModel, WebhookSchema, type WebhookRecord } from '../webhooks/webhook.schema';
import { webhookSecretContext } from '../../core/webhooks/webhook-secret-sealing';
import type { TaskRecord } from '../tasks/task.schema';
import type { UserRecord } from '../identity/user.schema';
import { TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { BlindIndex } from '../../core/security/blind-index';
import type { RotationOptions, RotationProgress } from '../../core/security/key-rotation';
import { type GridFsVersionStore, gridFsVersionStore } from '../attachments/gridfs-maintenance';

/** One compare-and-set update: applied only if the document still holds what was read. */
export interface RotationUpdate {
  filter: MongoDocument;
  update: MongoDocument;
}

/** What the rotation needs of a collection (a Mongoose model in the app, mingo in tests). */
export interface RotationCollection<R> {
  /** `find(filter).sort(sort).limit(limit)` on the primary. */
  find(filter: MongoDocument, sort: MongoDocument, limit: number): Promise<R[]>;
  /** The updates, unordered; resolves to how many documents changed. */
  apply(updates: RotationUpdate[]): Promise<number>;
}

/** The next batch in `_id` order, strictly after `after`: keyset paging on the `_id` index. */
export function rotationBatchQuery(
  selector: MongoDocument,
  after: string | null,
  limit: number,
): { filter: MongoDocument; sort: MongoDocument; limit: number } {
  const filter = after === null ? selector : { $and: [selector, { _id: { $gt: after } }] };
  return { filter, sort: { _id: 1 }, limit };
}

/** Which documents each pass looks at. */
export const ROTATION_SELECTORS = {
  /** Sealed users (plaintext ones are sealed first, by the legacy pass). */
  users: { emailIndex: { $exists: true } },
  /** Sealed tasks; with ENCRYPT_TASK_CONTENT on, every task (plaintext ones get sealed). */
  tasks: (sealAll: boolean): MongoDocument => (sealAll ? {} : { contentSealed: true }),
  notifications: { sealed: true },
  outbox: { sealed: true },
  /** Webhook secrets are always sealed. */
  webhooks: {},
} as const;

const stale = (cipher: ContentCipher, value: string) => cipher.keyIdOf(Buffer.from(value, 'base64')) !== cipher.activeKeyId;

/** The update that re-seals a sealed user's email and name, or null when both are current. */
export function userRotationUpdate(record: UserRecord, cipher: ContentCipher): RotationUpdate | null {
  if (!stale(cipher, record.email) && !stale(cipher, record.name)) return null;
  const text = new SealedText(cipher);
  const reseal = (field: 'email' | 'name') => text.reseal(record[field], `users/${record._id}/${field}`) ?? record[field];
  return {
    filter: { _id: record._id, email: record.email, name: record.name },
    update: { $set: { email: reseal('email'), name: reseal('name') } },
  };
}

/** The update that seals (or re-seals) a task's text under the active key, or null when current. */
export function taskRotationUpdate(record: TaskRecord, cipher: ContentCipher): RotationUpdate | null {
  const sealed = record.contentSealed === true;
  const description = record.description ?? '';
  if (sealed && !stale(cipher, record.title) && !stale(cipher, description)) return null;
  const sealer = new TaskContentSealer(cipher, true);
  const text = sealer.seal(
    record._id,
    sealer.open(record._id, 'title', record.title, sealed),
    sealer.open(record._id, 'description', description, sealed),
  );
  return {
    // Compare-and-set on the stored text; the version is not bumped (the task did not change).
    filter: { _id: record._id, title: record.title, description: record.description ?? null, contentSealed: sealed ? true : { $ne: true } },
    update: { $set: { title: text.title, description: text.description, contentSealed: true } },
  };
}

export function notificationRotationUpdate(record: NotificationRecord, cipher: ContentCipher): RotationUpdate | null {
  const title = new SealedText(cipher).reseal(record.taskTitle, notificationTitleContext(record._id));
  return title === null ? null : { filter: { _id: record._id, taskTitle: record.taskTitle }, update: { $set: { taskTitle: title } } };
}

export function outboxRotationUpdate(record: OutboxRecord, cipher: ContentCipher): RotationUpdate | null {
  const text = new SealedText(cipher);
  const key = record._id;
  const to = text.reseal(record.recipient, outboxContext(key, 'to'));
  const subject = text.reseal(record.subject, outboxContext(key, 'subject'));
  const body = text.reseal(record.body, outboxContext(key, 'text'));
  if (to === null && subject === null && body === null) return null;
  return {
    filter: { _id: key, recipient: record.recipient, subject: record.subject, body: record.body },
    update: { $set: { recipient: to ?? record.recipient, subject: subject ?? record.subject, body: body ?? record.body } },
  };
}

/** The update that re-seals a webhook's signing secret, or null when it is current. */
export function webhookRotationUpdate(record: WebhookRecord, cipher: ContentCipher): RotationUpdate | null {
  const secret = new SealedText(cipher).reseal(record.secret, webhookSecretContext(record._id));
  return secret === null ? null : { filter: { _id: record._id, secret: record.secret }, update: { $set: { secret } } };
}

export interface MongoRotationCollections {
  users: RotationCollection<UserRecord>;
  tasks: RotationCollection<TaskRecord>;
  /** The archive (tasks_archive): the same documents, re-sealed the same way, counted with the tasks. */
  archivedTasks?: RotationCollection<TaskRecord>;
  notifications: RotationCollection<NotificationRecord>;
  outbox: RotationCollection<OutboxRecord>;
  webhooks?: RotationCollection<WebhookRecord>;
}

/** A Mongoose model as a RotationCollection (reads the primary; unordered bulk writes). */
export function modelRotationCollection<R>(model: Model<R>): RotationCollection<R> {
  return {
    find: (filter, sort, limit) =>
      model
        .find(filter)
        .sort(sort as never)
        .limit(limit)
        .read('primary')
        .lean<R[]>()
        .exec(),
    apply: async (updates) =>
      updates.length ? (await model.bulkWrite(updates.map((u) => ({ updateOne: u })) as never, { ordered: false })).modifiedCount : 0,
  };
}

/**
 * `keys:rotate` for MongoDB: re-seals users' email and name, task text, archived ones included (sealing plaintext tasks
 * too with `sealTaskContent`), notifications' title and the outbox under the active key, first
 * sealing documents still in plaintext (as the repositories do in the background).
 *
 * - In batches in `_id` order (keyset paging on the `_id` index), one unordered bulk write each.
 * - Resumable and idempotent: values already under the active key are skipped, so a stopped run
 *   is simply started again.
 * - No lost writes: each update is a compare-and-set on the values read; a document the app
 *   changed meanwhile keeps the app's write (already sealed with the active key).
 * - Attachment content in GridFS is not covered (see docs/security.md).
 */
export class MongoKeyRotation {
  constructor(
    private readonly collections: MongoRotationCollections,
    private readonly cipher: ContentCipher,
    private readonly blindIndexKey: Buffer,
    private readonly options: { sealTaskContent?: boolean } = {},
  ) {}

  async run(options: RotationOptions = {}): Promise<RotationProgress> {
    const size = options.batchSize ?? 500;
    const progress: RotationProgress = {
      users: { scanned: 0, resealed: 0 },
      tasks: { scanned: 0, resealed: 0 },
      notifications: { scanned: 0, resealed: 0 },
      outbox: { scanned: 0, resealed: 0 },
      webhooks: { scanned: 0, resealed: 0 },
      files: { scanned: 0, resealed: 0 },
    };
    const { users, tasks, archivedTasks, notifications, outbox, webhooks } = this.collections;
    const cipher = this.cipher;
    const text = new SealedText(cipher);
    const index = new BlindIndex(this.blindIndexKey);
    const fields: UserFieldProtection = {
      seal: (id, field, value) => text.seal(value, `users/${id}/${field}`),
      open: (id, field, value) => text.open(value, `users/${id}/${field}`),
      emailIndex: (email) => index.of('users.email', email),
    };
    // Documents still in plaintext first: sealed under the active key, counted as re-sealed (and
    // as scanned once, in the pass over sealed documents that follows).
    const legacy = { users: { scanned: 0, resealed: 0 }, notifications: { scanned: 0, resealed: 0 }, outbox: { scanned: 0, resealed: 0 } };
    await this.pass(users, { emailIndex: { $exists: false } }, size, legacy.users, (r) => sealUserUpdate(r, fields), undefined, progress);
    await this.pass(
      notifications,
      UNSEALED_FILTER,
      size,
      legacy.notifications,
      (r) => sealNotificationUpdate(r, text),
      undefined,
      progress,
    );
    await this.pass(outbox, UNSEALED_FILTER, size, legacy.outbox, (r) => sealOutboxUpdate(r, text), undefined, progress);
    progress.users.resealed += legacy.users.resealed;
    progress.notifications.resealed += legacy.notifications.resealed;
    progress.outbox.resealed += legacy.outbox.resealed;
    // Then everything sealed under another key.
    await this.pass(users, ROTATION_SELECTORS.users, size, progress.users, (r) => userRotationUpdate(r, cipher), options.onBatch, progress);
    for (const collection of archivedTasks ? [tasks, archivedTasks] : [tasks]) {
      await this.pass(
        collection,
        ROTATION_SELECTORS.tasks(this.options.sealTaskContent === true),
        size,
        progress.tasks,
        (r) => taskRotationUpdate(r, cipher),
        options.onBatch,
        progress,
      );
    }
    await this.pass(
      notifications,
      ROTATION_SELECTORS.notifications,
      size,
      progress.notifications,
      (r) => notificationRotationUpdate(r, cipher),
      options.onBatch,
      progress,
    );
    await this.pass(
      outbox,
      ROTATION_SELECTORS.outbox,
      size,
      progress.outbox,
      (r) => outboxRotationUpdate(r, cipher),
      options.onBatch,
      progress,
    );
    if (webhooks) {
      await this.pass(
        webhooks,
        ROTATION_SELECTORS.webhooks,
        size,
        progress.webhooks,
        (r) => webhookRotationUpdate(r, cipher),
        options.onBatch,
        progress,
      );
    }
    return progress;
  }

  private async pass<R extends { _id: string }>(
    collection: RotationCollection<R>,
    selector: MongoDocument,
    size: number,
    counter: { scanned: number; resealed: number },
    plan: (record: R) => RotationUpdate | null,
    onBatch: ((p: RotationProgress) => void) | undefined,
    progress: RotationProgress,
  ): Promise<void> {
    let after: string | null = null;
    for (;;) {
      const query = rotationBatchQuery(selector, after, size);
      const batch = await collection.find(query.filter, query.sort, query.limit);
      if (batch.length === 0) break;
      counter.scanned += batch.length;
      counter.resealed += await collection.apply(batch.map(plan).filter((u): u is RotationUpdate => u !== null));
      after = batch[batch.length - 1]._id;
      onBatch?.(progress);
      if (batch.length < size) break;
    }
  }
}

/**
 * Connects to MongoDB as the app does (`keys:rotate` with MONGODB_URI) and returns the rotation
 * over its collections; `close` ends the connection. Indexes are not built here (autoIndex off).
 */
export async function connectMongoKeyRotation(
  options: MongoPersistenceOptions,
  cipher: ContentCipher,
  blindIndexKey: Buffer,
  rotation: { sealTaskContent?: boolean } = {},
): Promise<{ rotation: MongoKeyRotation; gridfs: GridFsVersionStore; close: () => Promise<void> }> {
  const resolved = resolveMongoPersistenceOptions({ ...options, autoIndex: false });
  const connection = await createConnection(resolved.uri, { ...mongooseConnectOptions(resolved), autoIndex: false }).asPromise();
  const collections: MongoRotationCollections = {
    users: modelRotationCollection(connection.model<UserRecord>(UserModel.name, UserSchema)),
    tasks: modelRotationCollection(connection.model<TaskRecord>(TaskModel.name, TaskSchema)),
    archivedTasks: modelRotationCollection(connection.model<TaskRecord>(ARCHIVED_TASK_MODEL, ArchivedTaskSchema)),
    notifications: modelRotationCollection(connection.model<NotificationRecord>(NotificationModel.name, NotificationSchema)),
    outbox: modelRotationCollection(connection.model<OutboxRecord>(OutboxModel.name, OutboxSchema)),
    webhooks: modelRotationCollection(connection.model<WebhookRecord>(WebhookModel.name, WebhookSchema)),
  };
  return {
    rotation: new MongoKeyRotation(collections, cipher, blindIndexKey, rotation),
    gridfs: gridFsVersionStore(connection),
    close: () => connection.close(),
  };
}
