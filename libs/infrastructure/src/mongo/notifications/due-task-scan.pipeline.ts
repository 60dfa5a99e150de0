import { DEFAULT_PREFERENCES, type DueTask, dueSoonLeadMinutes, type NotificationType, OPEN_TASK_STATUSES } from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';
import { NOTIFICATIONS_COLLECTION } from './notification.schema';
import { USER_PREFERENCES_COLLECTION } from './user-preferences.schema';

const DEFAULT_LEAD_MINUTES = dueSoonLeadMinutes(DEFAULT_PREFERENCES.dueSoonLead);

const OVERDUE: NotificationType = 'task-overdue';
const DUE: NotificationType = 'task-due';

/**
 * The open tasks with a due date at or before `until`. The statuses are an `$in` over the same
 * values the scan index's ranges hold, and `$type: 'date'` repeats the index's partial filter,
 * so the planner can prove the query is inside it and use it.
 */
export function dueTaskMatch(until: Date): MongoDocument {
  return { status: { $in: [...OPEN_TASK_STATUSES] }, dueDate: { $type: 'date', $lte: until } };
}

/** The row the scan yields: exactly DueTask. */
export type DueTaskRow = DueTask;

/**
 * The due-task scan, run on the `tasks` collection (DueTaskScanner.findDue):
 *
 * 1. open tasks due at or before `until`, earliest due first (`_id` breaks ties), walked in
 *    order on the `scan_status_dueDate_id` index;
 * 2. the notification type each one needs: `task-overdue` when due at or before `now`,
 *    `task-due` otherwise;
 * 3. a "due soon" task only within its owner's lead: a `$lookup` of the owner's preferences by
 *    `_id` (one targeted probe; the default lead when there is none, 0 minutes for none);
 * 4. an anti-join on `notifications`: tasks that already have that notification are dropped.
 *    The $lookup matches the owner, the task and the type, i.e. the whole unique key index
 *    (owner, taskId, type), so each probe is one index seek on one shard;
 * 5. the first `limit`.
 *
 * On a real server the stages stream: the index delivers tasks in order, and the pipeline stops
 * reading once `limit` rows are through; it never sorts or joins the whole window.
 *
 * Not owner-targeted, on purpose: "across all owners" is what the scan is, and tasks are sharded
 * by a hashed owner, so it is sent to every shard (scatter-gather), each walking its own part of
 * the scan index; the router merges the streams in (dueDate, _id) order. That is acceptable for
 * this one query because it is not on a request path: the job scheduler runs it once per scan
 * interval, whatever the replica count; each shard reads its index range in order and stops
 * about one cursor batch past what the router needs (never a whole-collection scan); and it
 * only reads. Every request-path task query stays owner-targeted.
 * ($lookup from a sharded collection into a sharded collection needs MongoDB 5.1 or later.)
 */
export function dueTaskScanPipeline(now: Date, until: Date, limit: number): MongoDocument[] {
  return [
    { $match: dueTaskMatch(until) },
    { $sort: { dueDate: 1, _id: 1 } },
    { $project: { _id: 1, owner: 1, dueDate: 1, type: { $cond: [{ $lte: ['$dueDate', now] }, OVERDUE, DUE] } } },
    { $lookup: { from: USER_PREFERENCES_COLLECTION, localField: 'owner', foreignField: '_id', as: 'prefs' } },
    {
      $match: {
        $expr: {
          $or: [
            { $eq: ['$type', OVERDUE] },
            {
              $lte: [
                { $subtract: ['$dueDate', now] },
                { $multiply: [{ $ifNull: [{ $arrayElemAt: ['$prefs.dueSoonMinutes', 0] }, DEFAULT_LEAD_MINUTES] }, 60_000] },
              ],
            },
          ],
        },
      },
    },
    {
      $lookup: {
        from: NOTIFICATIONS_COLLECTION,
        let: { owner: '$owner', taskId: '$_id', type: '$type' },
        pipeline: [
          { $match: { $expr: { $and: [{ $eq: ['$owner', '$$owner'] }, { $eq: ['$taskId', '$$taskId'] }, { $eq: ['$type', '$$type'] }] } } },
          { $limit: 1 },
          { $project: { _id: 1 } },
        ],
        as: 'existing',
      },
    },
    { $match: { existing: { $size: 0 } } },
    { $limit: limit },
    { $project: { _id: 0, taskId: '$_id', ownerId: '$owner', type: 1, dueDate: 1 } },
  ];
}
