import { decodeCursor, encodeCursor, InvalidCursorError } from '../../shared/application/cursor';
import { priorityRank } from '../model/task-priority';
import type { SortOrder, TaskListPosition, TaskSortField } from '../ports/task-read-model.port';
import type { TaskView } from './task.view';

/** The sort key of a task for a sort field, as TaskListPosition defines it. */
export function taskSortKey(task: TaskView, sort: TaskSortField): number | null {
  switch (sort) {
    case 'createdAt':
      return task.createdAt.getTime();
    case 'updatedAt':
      return task.updatedAt.getTime();
    case 'dueDate':
      return task.dueDate?.getTime() ?? null;
    case 'priority':
      return priorityRank(task.priority);
  }
}

export function encodeTaskCursor(sort: TaskSortField, order: SortOrder, last: TaskView): string {
  return encodeCursor(`tasks:${sort}:${order}`, [taskSortKey(last, sort), last.id]);
}

export function decodeTaskCursor(sort: TaskSortField, order: SortOrder, cursor: string): TaskListPosition {
  const position = decodeCursor(`tasks:${sort}:${order}`, cursor);
  if (!Array.isArray(position) || position.length !== 2) throw new InvalidCursorError();
  const [key, id] = position as unknown[];
  const keyOk = key === null ? sort === 'dueDate' : typeof key === 'number' && Number.isFinite(key);
  if (!keyOk || typeof id !== 'string' || id.length === 0 || id.length > 64) throw new InvalidCursorError();
  return { key: key as number | null, id };
}
