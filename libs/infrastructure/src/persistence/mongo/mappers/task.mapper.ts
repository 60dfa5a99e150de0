import { priorityRank, Task, type TaskProps, type TaskView } from '@primetrade/domain';
import { NO_DUE_DATE_SORT_KEY, type TaskRecord } from '../schemas/task.schema';

/** The due-date sort key as TaskListPosition defines it, with "no due date" above every date. */
export function dueSortKey(dueDate: Date | null): number {
  return dueDate === null ? NO_DUE_DATE_SORT_KEY : dueDate.getTime();
}

export function toTaskRecord(task: Task): TaskRecord {
  const p = task.toProps();
  return {
    _id: p.id,
    owner: p.ownerId,
    title: p.title,
    description: p.description,
    status: p.status,
    priority: p.priority,
    priorityRank: priorityRank(p.priority),
    dueDate: p.dueDate,
    dueSortKey: dueSortKey(p.dueDate),
    tags: [...p.tags],
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    completedAt: p.completedAt,
    version: p.version,
  };
}

/** An allow-list of fields: derived keys and anything added to the document later stay out. */
export function toTaskProps(record: TaskRecord): TaskProps {
  return {
    id: record._id,
    ownerId: record.owner,
    title: record.title,
    description: record.description ?? '',
    status: record.status,
    priority: record.priority,
    dueDate: record.dueDate ?? null,
    tags: [...(record.tags ?? [])],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    completedAt: record.completedAt ?? null,
    version: record.version,
  };
}

export const toTask = (record: TaskRecord): Task => Task.restore(toTaskProps(record));
export const toTaskViewFromRecord = (record: TaskRecord): TaskView => toTaskProps(record);
