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

// Formatters are costly to build; the list formats a due date per row while scrolling.
const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DAY = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const DAY_YEAR = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

/** "Today, 09:00", "Tomorrow, 18:30", "Fri 4 Dec, 09:00", with the year when it is not this one. */
export function formatDue(date: Date, now: Date = new Date()): string {
  const time = TIME.format(date);
  const days = Math.round((startOfDay(date).getTime() - startOfDay(now).getTime()) / 86_400_000);
  if (days === 0) return `Today, ${time}`;
  if (days === 1) return `Tomorrow, ${time}`;
  if (days === -1) return `Yesterday, ${time}`;
  return `${(date.getFullYear() === now.getFullYear() ? DAY : DAY_YEAR).format(date)}, ${time}`;
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}
