// The app's names for SDK types, so a renamed schema in openapi.json changes one file.
import type { createTask, getTask, getTaskStats, getTaskTimeline, listTasks, updateTask } from '@primetrade/api-client';
import type { ParamsOf, ResponseOf } from './sdk-types';

export type Task = ResponseOf<typeof getTask>;
export type TaskStatus = Task['status'];
export type TaskPriority = Task['priority'];
export type TaskPage = ResponseOf<typeof listTasks>;
export type TaskStats = ResponseOf<typeof getTaskStats>;
export type TaskTimeline = ResponseOf<typeof getTaskTimeline>;
export type TaskQuery = ParamsOf<typeof listTasks>;
export type NewTask = ParamsOf<typeof createTask>['body'];
export type TaskChanges = ParamsOf<typeof updateTask>['body'];

export const TASK_STATUSES: readonly TaskStatus[] = ['todo', 'in_progress', 'completed', 'cancelled'];
export const TASK_PRIORITIES: readonly TaskPriority[] = ['low', 'medium', 'high', 'urgent'];

export const STATUS_LABELS: Record<TaskStatus, string> = {
  todo: 'To do',
  in_progress: 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const PRIORITY_LABELS: Record<TaskPriority, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  urgent: 'Urgent',
};
