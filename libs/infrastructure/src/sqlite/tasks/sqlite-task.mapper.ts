import {
  priorityRank,
  Task,
  type TaskPriority,
  type TaskProps,
  type TaskSortField,
  type TaskStatus,
  type TaskView,
} from '@primetrade/domain';
import type { StoredTaskText, TaskContentSealer } from '../../core/tasks/task-content-sealer';

export interface TaskRow {
  id: string;
  owner_id: string;
  title: string;
  description: string;
  status: string;
  priority: string;
  priority_rank: number;
  due_at: number | null;
  tags: string;
  created_at: number;
  updated_at: number;
  completed_at: number | null;
  version: number;
  /** 1: title and description are sealed values (ENCRYPT_TASK_CONTENT). */
  content_sealed: number;
  recurrence_rule: string | null;
  recurrence_zone: string | null;
  series_id: string | null;
}

/** The columns of TaskRow, named: `*` would also compute the generated due_sort of every row. */
export const TASK_COLUMNS =
  'id, owner_id, title, description, status, priority, priority_rank, due_at, tags, created_at, updated_at, completed_at, version, content_sealed, recurrence_rule, recurrence_zone, series_id';

const date = (ms: number | null): Date | null => (ms === null ? null : new Date(ms));

export const storedText = (row: TaskRow): StoredTaskText => ({
  title: row.title,
  description: row.description,
  sealed: row.content_sealed === 1,
});

export function rowToProps(row: TaskRow, content: TaskContentSealer): TaskProps {
  const sealed = row.content_sealed === 1;
  return {
    id: row.id,
    ownerId: row.owner_id,
    title: content.open(row.id, 'title', row.title, sealed),
    description: content.open(row.id, 'description', row.description, sealed),
    status: row.status as TaskStatus,
    priority: row.priority as TaskPriority,
    dueDate: date(row.due_at),
    tags: JSON.parse(row.tags) as string[],
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    completedAt: date(row.completed_at),
    version: row.version,
    recurrence:
      row.recurrence_rule === null || row.recurrence_zone === null || row.series_id === null
        ? null
        : { rule: row.recurrence_rule, timeZone: row.recurrence_zone, seriesId: row.series_id },
  };
}

export const rowToView = (row: TaskRow, content: TaskContentSealer): TaskView => rowToProps(row, content);
export const rowToTask = (row: TaskRow, content: TaskContentSealer): Task => Task.restore(rowToProps(row, content));

/** The row's position in a sort, as TaskListPosition defines it (no due date: null). */
export function rowSortKey(row: TaskRow, sort: TaskSortField): number | null {
  switch (sort) {
    case 'createdAt':
      return row.created_at;
    case 'updatedAt':
      return row.updated_at;
    case 'dueDate':
      return row.due_at;
    case 'priority':
      return row.priority_rank;
  }
}

/** Named parameters for INSERT/UPDATE statements, the text sealed when the sealer is enabled. */
export function taskToParams(task: Task, content: TaskContentSealer) {
  const p = task.toProps();
  const text = content.seal(p.id, p.title, p.description);
  return {
    id: p.id,
    owner_id: p.ownerId,
    title: text.title,
    description: text.description,
    content_sealed: text.sealed ? 1 : 0,
    status: p.status,
    priority: p.priority,
    priority_rank: priorityRank(p.priority),
    due_at: p.dueDate?.getTime() ?? null,
    tags: JSON.stringify(p.tags),
    created_at: p.createdAt.getTime(),
    updated_at: p.updatedAt.getTime(),
    completed_at: p.completedAt?.getTime() ?? null,
    version: p.version,
    recurrence_rule: p.recurrence?.rule ?? null,
    recurrence_zone: p.recurrence?.timeZone ?? null,
    series_id: p.recurrence?.seriesId ?? null,
  };
}
