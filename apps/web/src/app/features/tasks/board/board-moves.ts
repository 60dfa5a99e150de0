import { Task, TASK_STATUSES, TaskStatus } from '../../../core/api/task.types';

export type Columns = Record<TaskStatus, Task[]>;

export const emptyColumns = (): Columns => ({ todo: [], in_progress: [], completed: [], cancelled: [] });

/** The column left or right of a status, for the keyboard's move buttons. */
export function neighbour(status: TaskStatus, step: -1 | 1): TaskStatus | null {
  return TASK_STATUSES[TASK_STATUSES.indexOf(status) + step] ?? null;
}

/** Takes a task out of its column and puts it (as `moved`) at `index` of the target column. */
export function moveCard(columns: Columns, moved: Task, from: TaskStatus, to: TaskStatus, index = 0): Columns {
  const next = { ...columns, [from]: columns[from].filter((t) => t.id !== moved.id) };
  const target = next[to].filter((t) => t.id !== moved.id);
  target.splice(Math.min(Math.max(0, index), target.length), 0, moved);
  return { ...next, [to]: target };
}

/** Replaces a task wherever it is (after the API answered with its new version). */
export function replaceCard(columns: Columns, task: Task): Columns {
  const next = emptyColumns();
  for (const status of TASK_STATUSES) next[status] = columns[status].map((t) => (t.id === task.id ? task : t));
  return next;
}

/** Where a task is: its column and index, or null. */
export function locate(columns: Columns, id: string): { status: TaskStatus; index: number } | null {
  for (const status of TASK_STATUSES) {
    const index = columns[status].findIndex((t) => t.id === id);
    if (index >= 0) return { status, index };
  }
  return null;
}
