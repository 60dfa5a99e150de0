import type { Task } from '@primetrade/domain';
import { PLAINTEXT_TASK_CONTENT, type TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { toSealedTaskRecord } from './task.mapper';
import type { MongoDocument } from '../connection/mongo-query.types';

/** One owner's task: the owner in every filter lets a sharded cluster route the write to one shard. */
export function ownedTaskFilter(ownerId: string, id: string): MongoDocument {
  return { _id: id, owner: ownerId };
}

/** Matches only the version the change was made from (optimistic concurrency). */
export function taskVersionFilter(ownerId: string, id: string, version: number): MongoDocument {
  return { _id: id, owner: ownerId, version };
}

/** Sets the mutable fields and the new version; `_id`, owner and createdAt never change. */
export function taskUpdate(task: Task, content: TaskContentSealer = PLAINTEXT_TASK_CONTENT): MongoDocument {
  const r = toSealedTaskRecord(task, content);
  return {
    $set: {
      title: r.title,
      description: r.description,
      contentSealed: r.contentSealed,
      status: r.status,
      priority: r.priority,
      priorityRank: r.priorityRank,
      dueDate: r.dueDate,
      dueSortKey: r.dueSortKey,
      tags: r.tags,
      updatedAt: r.updatedAt,
      completedAt: r.completedAt,
      version: r.version,
      recurrence: r.recurrence ?? null,
    },
  };
}
