import { ATTACHMENT_COUNTS } from '../attachments/attachment-count.filter';
import type { MongoDocument } from '../connection/mongo-query.types';
import { EVENT_OUTBOX } from '../events/event-outbox.filter';
import { IDEMPOTENCY_COLLECTION } from '../idempotency/idempotency.schema';
import { NOTIFICATIONS_COLLECTION } from '../notifications/notification.schema';
import { TASKS_ARCHIVE } from '../tasks/task-archive.schema';
import { OUTBOX_COLLECTION } from '../notifications/outbox.schema';
import { DAILY_DIGESTS_COLLECTION, USER_PREFERENCES_COLLECTION } from '../notifications/user-preferences.schema';
import { TASK_COUNTERS, TASK_DUE_COUNTERS } from '../tasks/task-counters.filter';

export interface ErasureStep {
  collection: string;
  filter: MongoDocument;
}

/**
 * What erasing an account deletes, collection by collection: every document of the user in
 * every collection the app writes (the GridFS files go through FileStorage, by the keys the
 * attachments name). Tasks come first, as on SQLite; the user document last.
 */
export function accountErasure(userId: string): ErasureStep[] {
  return [
    { collection: 'tasks', filter: { owner: userId } },
    // The statistics counters go with the tasks (in the same transaction, so they stay equal).
    { collection: TASK_COUNTERS, filter: { owner: userId } },
    { collection: TASK_DUE_COUNTERS, filter: { owner: userId } },
    { collection: 'attachments', filter: { owner: userId } },
    // Per-task counts are keyed `<owner>:<task>`: the owner's keys are the range [`<owner>:`, `<owner>;`).
    { collection: ATTACHMENT_COUNTS, filter: { _id: { $gte: `${userId}:`, $lt: `${userId};` } } },
    { collection: NOTIFICATIONS_COLLECTION, filter: { owner: userId } },
    { collection: OUTBOX_COLLECTION, filter: { owner: userId } },
    { collection: IDEMPOTENCY_COLLECTION, filter: { owner: userId } },
    { collection: EVENT_OUTBOX, filter: { ownerId: userId } },
    { collection: 'calendar_feeds', filter: { _id: userId } },
    { collection: 'webhooks', filter: { ownerId: userId } },
    { collection: 'webhook_deliveries', filter: { ownerId: userId } },
    { collection: TASKS_ARCHIVE, filter: { owner: userId } },
    { collection: USER_PREFERENCES_COLLECTION, filter: { _id: userId } },
    { collection: DAILY_DIGESTS_COLLECTION, filter: { userId } },
    { collection: 'account_tokens', filter: { userId } },
    { collection: 'sessions', filter: { userId } },
    { collection: 'users', filter: { _id: userId } },
  ];
}

/** The attachments whose files go with the account (their `_id` is the file's storage key). */
export const ownerAttachmentKeysFilter = (userId: string): MongoDocument => ({ owner: userId });
