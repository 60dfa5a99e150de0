import { priorityRank, Task, type TaskProps, type TaskSortField, type TaskView } from '@primetrade/domain';
import { PLAINTEXT_TASK_CONTENT, type StoredTaskText, type TaskContentSealer } from '../../core/tasks/task-content-sealer';
import { NO_DUE_DATE_SORT_KEY, type TaskRecord } from './task.schema';

/** The due-date sort key as TaskListPosition defines it, with "no due date" above every date. */
export function dueSortKey(dueDate: Date | null): number {
  return dueDate === null ? NO_DUE_DATE_SORT_KEY : dueDate.getTime();
}

/** The document of a task, its text sealed when ENCRYPT_TASK_CONTENT is on. */
export function toSealedTaskRecord(task: Task, content: TaskContentSealer): TaskRecord {
  const p = task.toProps();
  const text = content.seal(p.id, p.title, p.description);
  return {
    _id: p.id,
    owner: p.ownerId,
    title: text.title,
    description: text.description,
    contentSealed: text.sealed,
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
    recurrence: p.recurrence && { rule: p.recurrence.rule, timeZone: p.recurrence.timeZone, seriesId: p.recurrence.seriesId },
  };
}

/** The text as stored; a document without `contentSealed` was written in plaintext. */
export const storedTaskText = (record: TaskRecord): StoredTaskText => ({
  title: record.title,
  description: record.description ?? '',
  sealed: record.contentSealed === true,
});

/**
 * An allow-list of fields: derived keys and anything added to the document later stay out. The
 * text is opened when the document says it is sealed, whatever the flag is now.
 */
export function openTaskProps(record: TaskRecord, content: TaskContentSealer): TaskProps {
  const text = storedTaskText(record);
  return {
    id: record._id,
    ownerId: record.owner,
    title: content.open(record._id, 'title', text.title, text.sealed),
    description: content.open(record._id, 'description', text.description, text.sealed),
    status: record.status,
    priority: record.priority,
    dueDate: record.dueDate ?? null,
    tags: [...(record.tags ?? [])],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    completedAt: record.completedAt ?? null,
    version: record.version,
    recurrence: record.recurrence
      ? { rule: record.recurrence.rule, timeZone: record.recurrence.timeZone, seriesId: record.recurrence.seriesId }
      : null,
  };
}

/** The record's position in a sort, as TaskListPosition defines it (no due date: null). */
export function recordSortKey(record: TaskRecord, sort: TaskSortField): number | null {
  switch (sort) {
    case 'createdAt':
      return record.createdAt.getTime();
    case 'updatedAt':
      return record.updatedAt.getTime();
    case 'dueDate':
      return record.dueDate ? record.dueDate.getTime() : null;
    case 'priority':
      return priorityRank(record.priority);
  }
}

// Plaintext forms (single-argument, usable with Array#map): fixtures and adapters without a cipher.
export const toTaskRecord = (task: Task): TaskRecord => toSealedTaskRecord(task, PLAINTEXT_TASK_CONTENT);
export const toTaskProps = (record: TaskRecord): TaskProps => openTaskProps(record, PLAINTEXT_TASK_CONTENT);
export const toTask = (record: TaskRecord, content: TaskContentSealer = PLAINTEXT_TASK_CONTENT): Task =>
  Task.restore(openTaskProps(record, content));
export const toTaskViewFromRecord = (record: TaskRecord): TaskView => toTaskProps(record);
