import {
  DUE_SOON_WINDOW_MS,
  emptyTaskStats,
  OPEN_TASK_STATUSES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type TaskPriority,
  type TaskStats,
  type TaskStatus,
} from '@primetrade/domain';
import type { MongoDocument } from '../connection/mongo-query.types';

const countIf = (condition: MongoDocument): MongoDocument => ({ $sum: { $cond: [condition, 1, 0] } });

/**
 * In aggregation expressions BSON order puts null below every date, so `$lt: ['$dueDate', now]`
 * would count a task without a due date as overdue. Every due-date comparison checks the type first.
 */
const hasDueDate: MongoDocument = { $eq: [{ $type: '$dueDate' }, 'date'] };
const isOpen: MongoDocument = { $in: ['$status', [...OPEN_TASK_STATUSES]] };

/** The raw row the statistics pipeline yields; absent when the owner has no tasks. */
export interface TaskStatsRow {
  total: number;
  byStatus: Record<TaskStatus, number>;
  byPriority: Record<TaskPriority, number>;
  overdue: number;
  dueSoon: number;
  averageCompletionMs: number | null;
}

/**
 * One pass over one owner's tasks (the owner-prefixed indexes narrow it; the owner is the shard
 * key, so it runs on one shard): counts by status and priority, overdue, due soon, and the mean
 * time from creation to completion.
 */
export function taskStatsPipeline(ownerId: string, now: Date): MongoDocument[] {
  const soon = new Date(now.getTime() + DUE_SOON_WINDOW_MS);
  const group: MongoDocument = { _id: null, total: { $sum: 1 } };
  for (const status of TASK_STATUSES) group[`status_${status}`] = countIf({ $eq: ['$status', status] });
  for (const priority of TASK_PRIORITIES) group[`priority_${priority}`] = countIf({ $eq: ['$priority', priority] });
  group['overdue'] = countIf({ $and: [isOpen, hasDueDate, { $lt: ['$dueDate', now] }] });
  group['dueSoon'] = countIf({ $and: [isOpen, hasDueDate, { $gte: ['$dueDate', now] }, { $lt: ['$dueDate', soon] }] });
  // $avg skips the nulls of tasks that are not completed.
  group['averageCompletionMs'] = {
    $avg: {
      $cond: [
        { $and: [{ $eq: ['$status', 'completed'] }, { $eq: [{ $type: '$completedAt' }, 'date'] }] },
        { $subtract: ['$completedAt', '$createdAt'] },
        null,
      ],
    },
  };

  const byStatus: MongoDocument = {};
  for (const status of TASK_STATUSES) byStatus[status] = `$status_${status}`;
  const byPriority: MongoDocument = {};
  for (const priority of TASK_PRIORITIES) byPriority[priority] = `$priority_${priority}`;

  return [
    { $match: { owner: ownerId } },
    { $group: group },
    { $project: { _id: 0, total: 1, byStatus, byPriority, overdue: 1, dueSoon: 1, averageCompletionMs: 1 } },
  ];
}

/** The port's TaskStats from the pipeline's row (none when the owner has no tasks). */
export function toTaskStats(row: TaskStatsRow | undefined): TaskStats {
  if (!row || row.total === 0) return emptyTaskStats();
  const average = row.averageCompletionMs;
  return {
    total: row.total,
    byStatus: { ...emptyTaskStats().byStatus, ...row.byStatus },
    byPriority: { ...emptyTaskStats().byPriority, ...row.byPriority },
    overdue: row.overdue,
    dueSoon: row.dueSoon,
    completionRate: row.byStatus.completed / row.total,
    averageCompletionMs: average === null || average === undefined ? null : Math.round(Number(average)),
    archived: 0, // counted on the archive collection by MongoTaskStatistics
  };
}
