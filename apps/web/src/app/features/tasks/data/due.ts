import { Task } from '../../../core/api/task.types';

export type DueState = 'overdue' | 'due-soon' | null;

/** Tasks due within this window count as "due soon". */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

/** Open tasks past their due date are overdue; those due within a day are due soon. */
export function dueState(task: Pick<Task, 'dueDate' | 'status'>, now: number = Date.now()): DueState {
  if (!task.dueDate || task.status === 'completed' || task.status === 'cancelled') return null;
  const due = Date.parse(task.dueDate);
  if (Number.isNaN(due)) return null;
  if (due < now) return 'overdue';
  return due - now <= DUE_SOON_MS ? 'due-soon' : null;
}
