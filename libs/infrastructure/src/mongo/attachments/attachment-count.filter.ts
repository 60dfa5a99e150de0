import type { MongoDocument } from '../connection/mongo-query.types';

/**
 * The per-task attachment count (collection `attachment_counts`, `_id` = `<owner>:<task>`),
 * changed in the same transaction as the attachment it counts, so it always equals the number
 * of the task's attachments and concurrent uploads serialise on it (a write conflict retries).
 */
export const ATTACHMENT_COUNTS = 'attachment_counts';

export const countKey = (ownerId: string, taskId: string): string => `${ownerId}:${taskId}`;

/** Matches the task's count only while there is room: the conditional update takes a place. */
export function roomFilter(ownerId: string, taskId: string, maxPerTask: number): MongoDocument {
  return { _id: countKey(ownerId, taskId), count: { $lt: maxPerTask } };
}

export const takePlaceUpdate: MongoDocument = { $inc: { count: 1 } };

/** Gives a place back when an attachment is deleted (never below zero). */
export function releaseFilter(ownerId: string, taskId: string): MongoDocument {
  return { _id: countKey(ownerId, taskId), count: { $gt: 0 } };
}

export const releasePlaceUpdate: MongoDocument = { $inc: { count: -1 } };

/** The first count of a task, from its attachments as they are (tasks with attachments from before the count). */
export function firstCount(ownerId: string, taskId: string, existing: number): { _id: string; count: number } {
  return { _id: countKey(ownerId, taskId), count: existing };
}
