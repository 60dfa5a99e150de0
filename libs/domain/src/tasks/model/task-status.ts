export const TASK_STATUSES = ['todo', 'in_progress', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Open tasks are the ones that can still come due or go overdue. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress'];

/** Which status may follow which. Leaving `completed` or `cancelled` is a reopen. */
export const TASK_TRANSITIONS: Readonly<Record<TaskStatus, readonly TaskStatus[]>> = {
  todo: ['in_progress', 'completed', 'cancelled'],
  in_progress: ['todo', 'completed', 'cancelled'],
  completed: ['todo', 'in_progress'],
  cancelled: ['todo', 'in_progress'],
};
