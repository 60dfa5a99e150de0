import type { TaskPriority } from '../model/task-priority';
import type { TaskStatus } from '../model/task-status';

export interface TaskStats {
  total: number;
  byStatus: Record<TaskStatus, number>;
  byPriority: Record<TaskPriority, number>;
  /** Open tasks whose due date has passed. */
  overdue: number;
  /** Open tasks due within the next 24 hours. */
  dueSoon: number;
  /** completed / total, 0 when there are no tasks. */
  completionRate: number;
  /** Mean time from creation to completion of completed tasks; null when none is completed. */
  averageCompletionMs: number | null;
  /** Tasks in the archive (TaskArchive); counted in none of the figures above. */
  archived: number;
}

export const DUE_SOON_WINDOW_MS = 24 * 60 * 60 * 1000;

export function emptyTaskStats(): TaskStats {
  return {
    total: 0,
    byStatus: { todo: 0, in_progress: 0, completed: 0, cancelled: 0 },
    byPriority: { low: 0, medium: 0, high: 0, urgent: 0 },
    overdue: 0,
    dueSoon: 0,
    completionRate: 0,
    averageCompletionMs: null,
    archived: 0,
  };
}
